import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../shared/contract/api';
import { UserError } from '../shared/contract/errors';
import { contract, operationNames } from '../shared/contract/operations';
import { createDispatch } from './dispatch';

/** Handlers that record calls; a test proves validation ran first by seeing none. */
function spyHandlers() {
  const calls: [string, unknown][] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_, name: string) => async (input: unknown) => {
      calls.push([name, input]);
      return { handled: name };
    },
  });
  return { handlers, calls };
}

describe('every operation of the contract', () => {
  const wrongTypes: unknown[] = [42, 'producers', true, [], [{}]];

  it.each(operationNames)('%s refuses a payload of the wrong type before any handler runs', async (name) => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatch({ handlers, inRecovery: () => false });
    for (const payload of wrongTypes) {
      const outcome = await dispatch(name, payload);
      expect(outcome, JSON.stringify(payload)).toEqual({
        ok: false,
        error: { key: 'error.invalidInput', issues: [expect.objectContaining({ path: '', key: 'validation.type' })] },
      });
    }
    expect(calls).toEqual([]);
  });

  it.each(operationNames)('%s refuses an unknown field before any handler runs', async (name) => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatch({ handlers, inRecovery: () => false });
    const outcome = await dispatch(name, { zzUnknown: 1 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.key).toBe('error.invalidInput');
      expect(outcome.error.issues).toContainEqual({ path: '', key: 'validation.unknownField', params: { fields: 'zzUnknown' } });
    }
    expect(calls).toEqual([]);
  });

  it('leaves only status and backups open while a file is damaged', () => {
    // Anything else in recovery would read or write around a damaged file.
    const inRecovery = operationNames.filter((name) => contract[name].inRecovery).sort();
    expect(inRecovery).toEqual(['app.status', 'backups.list', 'backups.restore']);
  });
});

describe('createDispatch', () => {
  it('refuses an unknown operation by name', async () => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatch({ handlers, inRecovery: () => false });
    expect(await dispatch('producers.drop', {})).toEqual({
      ok: false,
      error: { key: 'error.unknownOperation', params: { name: 'producers.drop' } },
    });
    // Names that exist on every object are not operations.
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(await dispatch(name, {}), name).toMatchObject({ ok: false, error: { key: 'error.unknownOperation' } });
    }
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { key: 'error.unknownOperation', params: { name: '42' } } });
    expect(calls).toEqual([]);
  });

  it('passes the validated, defaulted input to the handler', async () => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatch({ handlers, inRecovery: () => false });
    expect(await dispatch('producers.list', undefined)).toEqual({ ok: true, value: { handled: 'producers.list' } });
    await dispatch('producers.create', { name: '  Ferme du Bois ' });
    expect(calls).toEqual([
      ['producers.list', { archived: 'active' }],
      ['producers.create', expect.objectContaining({ name: 'Ferme du Bois', email: '', distanceKm: null })],
    ]);
  });

  it('tells a missing field from a field of the wrong type', async () => {
    const { handlers } = spyHandlers();
    const dispatch = createDispatch({ handlers, inRecovery: () => false });
    expect(await dispatch('producers.create', {})).toMatchObject({
      error: { issues: [{ path: 'name', key: 'validation.required' }] },
    });
    expect(await dispatch('producers.create', { name: 42 })).toMatchObject({
      error: { issues: [{ path: 'name', key: 'validation.type', params: { expected: 'string' } }] },
    });
  });

  it('in recovery refuses every operation not marked for recovery, after validating it', async () => {
    const { handlers, calls } = spyHandlers();
    const dispatch = createDispatch({ handlers, inRecovery: () => true });
    expect(await dispatch('producers.create', { name: 'A' })).toEqual({ ok: false, error: { key: 'error.recoveryMode' } });
    expect(await dispatch('producers.list', {})).toEqual({ ok: false, error: { key: 'error.recoveryMode' } });
    expect(await dispatch('app.status', {})).toEqual({ ok: true, value: { handled: 'app.status' } });
    expect(await dispatch('backups.list', {})).toEqual({ ok: true, value: { handled: 'backups.list' } });
    expect(await dispatch('backups.restore', { id: 'b1' })).toEqual({ ok: true, value: { handled: 'backups.restore' } });
    expect(calls.map(([name]) => name)).toEqual(['app.status', 'backups.list', 'backups.restore']);
  });

  it('turns a UserError into an AppError value, and anything else into error.internal that is logged', async () => {
    const log = vi.fn();
    const failing = {
      'producers.get': async () => {
        throw new UserError('error.producerNotFound', { id: 'x' });
      },
      'producers.list': async () => {
        throw new TypeError('cannot read x of undefined');
      },
    } as unknown as Handlers;
    const dispatch = createDispatch({ handlers: failing, inRecovery: () => false, log });
    expect(await dispatch('producers.get', { id: '6f1c1b39-0f7f-4c0b-9d0e-1d2f3a4b5c6d' })).toEqual({
      ok: false,
      error: { key: 'error.producerNotFound', params: { id: 'x' }, issues: undefined },
    });
    expect(log).not.toHaveBeenCalled();
    expect(await dispatch('producers.list', {})).toEqual({
      ok: false,
      error: { key: 'error.internal', params: { detail: 'cannot read x of undefined' } },
    });
    expect(log).toHaveBeenCalledOnce();
  });
});
