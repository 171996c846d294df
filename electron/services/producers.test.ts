import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../shared/contract/errors';
import type { Warning } from '../../shared/contract/results';
import type { Producer } from '../../shared/model/producer';
import type { RelaySettings } from '../../shared/model/relay';
import { DEFAULT_RELAY_SETTINGS } from '../../shared/model/relay';
import { manualClock, openTestBackend, type TestBackend } from '../testing/fixtures';
import { snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { openStore } from '../store/store';

const tempDir = useTempDirs();

type Saved = { producer: Producer; warnings: Warning[] };

async function open(dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const clock = manualClock(new Date('2026-03-02T09:00:00.000Z'));
  const backend = await openTestBackend({ dataDir: dir, now: clock.now });
  return { ...backend, dataDir: dir, clock };
}

async function call<T>(backend: TestBackend, name: string, payload: unknown): Promise<T> {
  const outcome = await backend.dispatch(name, payload);
  if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
}

/** The producers a fresh open of the folder finds: what is really on disk. */
async function persistedProducers(dataDir: string): Promise<Producer[]> {
  const opened = await openStore({ dataDir });
  if (opened.state !== 'ready') throw new Error('folder did not reopen');
  return opened.store.all('producer').sort((a, b) => a.id.localeCompare(b.id));
}

describe('producers.create', () => {
  it('saves a producer and acknowledges it only once it is on disk', async () => {
    const app = await open();
    const { producer, warnings } = await call<Saved>(app, 'producers.create', {
      name: ' Ferme du Bois ',
      email: 'contact@fermedubois.be',
      distanceKm: 14,
    });
    expect(producer).toMatchObject({
      name: 'Ferme du Bois',
      email: 'contact@fermedubois.be',
      distanceKm: 14,
      archivedAt: null,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(producer.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(warnings).toEqual([]);
    expect(await persistedProducers(app.dataDir)).toEqual([producer]);
  });

  it.each<[string, unknown, string, string]>([
    ['a missing name', {}, 'name', 'validation.required'],
    ['an empty name', { name: '' }, 'name', 'validation.required'],
    ['a whitespace name', { name: '  \t ' }, 'name', 'validation.required'],
    ['a negative distance', { name: 'A', distanceKm: -1 }, 'distanceKm', 'validation.notNegative'],
    ['a huge distance', { name: 'A', distanceKm: 40_000 }, 'distanceKm', 'validation.tooBig'],
    ['a distance as text', { name: 'A', distanceKm: '12' }, 'distanceKm', 'validation.number'],
    ['the email "x"', { name: 'A', email: 'x' }, 'email', 'validation.email'],
    ['the email "a@b"', { name: 'A', email: 'a@b' }, 'email', 'validation.email'],
    ['the email "a b@c.d"', { name: 'A', email: 'a b@c.d' }, 'email', 'validation.email'],
    ['a phone with letters', { name: 'A', phone: '0470 ABC' }, 'phone', 'validation.phone'],
    ['a name that is a number', { name: 7 }, 'name', 'validation.type'],
    ['an extra unknown key', { name: 'A', favouriteVegetable: 'leek' }, '', 'validation.unknownField'],
  ])('refuses %s with a field issue and writes nothing', async (_, payload, path, key) => {
    const app = await open();
    await call(app, 'producers.create', { name: 'Déjà là' });
    const before = await snapshotFolder(app.dataDir);
    const listBefore = await call<Producer[]>(app, 'producers.list', { archived: 'all' });

    const outcome = await app.dispatch('producers.create', payload);

    expect(outcome).toMatchObject({ ok: false, error: { key: 'error.invalidInput' } });
    const issues = (outcome as Extract<Outcome<unknown>, { ok: false }>).error.issues ?? [];
    expect(issues.map((issue) => ({ path: issue.path, key: issue.key }))).toEqual([{ path, key }]);
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
    expect(await call<Producer[]>(app, 'producers.list', { archived: 'all' })).toEqual(listBefore);
  });

  it('warns about a duplicate name (accents and case folded) but still saves', async () => {
    const app = await open();
    await call(app, 'producers.create', { name: 'Ferme de l’Églantier' });
    const { producer, warnings } = await call<Saved>(app, 'producers.create', { name: 'ferme de l’eglantier' });
    expect(warnings).toEqual([{ key: 'warning.duplicateProducerName', params: { name: 'ferme de l’eglantier' } }]);
    expect((await persistedProducers(app.dataDir)).map((p) => p.id)).toContain(producer.id);
  });
});

describe('producers.update', () => {
  it('changes only the named fields; the others keep their values', async () => {
    const app = await open();
    const { producer } = await call<Saved>(app, 'producers.create', {
      name: 'Ferme du Bois',
      contactName: 'Anne',
      email: 'anne@bois.be',
      distanceKm: 8,
      notes: 'Bio depuis 2012',
    });
    app.clock.advance(60_000);
    const { producer: updated } = await call<Saved>(app, 'producers.update', {
      id: producer.id,
      changes: { phone: '+32 81 22 33 44', distanceKm: null },
    });
    expect(updated).toEqual({
      ...producer,
      phone: '+32 81 22 33 44',
      distanceKm: null,
      updatedAt: '2026-03-02T09:01:00.000Z',
    });
    expect(await persistedProducers(app.dataDir)).toEqual([updated]);
  });

  it('an unknown id is refused with error.producerNotFound and changes nothing', async () => {
    const app = await open();
    await call(app, 'producers.create', { name: 'Ferme du Bois' });
    const before = await snapshotFolder(app.dataDir);
    expect(await app.dispatch('producers.update', { id: randomUUID(), changes: { name: 'X' } })).toEqual({
      ok: false,
      error: { key: 'error.producerNotFound' },
    });
    expect(await app.dispatch('producers.get', { id: randomUUID() })).toMatchObject({ ok: false, error: { key: 'error.producerNotFound' } });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });

  it('an invalid change is refused and the producer stays as it was', async () => {
    const app = await open();
    const { producer } = await call<Saved>(app, 'producers.create', { name: 'Ferme du Bois', email: 'a@b.be' });
    const before = await snapshotFolder(app.dataDir);
    const outcome = await app.dispatch('producers.update', { id: producer.id, changes: { name: 'Nouveau', email: 'nope' } });
    expect(outcome).toMatchObject({ ok: false, error: { key: 'error.invalidInput', issues: [{ path: 'changes.email', key: 'validation.email' }] } });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
    expect(await call<Producer>(app, 'producers.get', { id: producer.id })).toEqual(producer);
  });

  it('saving an unchanged form is not a change: same updatedAt, no change record, no write', async () => {
    const app = await open();
    const { producer } = await call<Saved>(app, 'producers.create', { name: 'Ferme du Bois', phone: '0470' });
    const heard: unknown[] = [];
    app.workspace.store.onChange((changes) => heard.push(changes));
    const before = await snapshotFolder(app.dataDir);
    app.clock.advance(60_000);
    const { producer: same } = await call<Saved>(app, 'producers.update', {
      id: producer.id,
      changes: { name: 'Ferme du Bois', phone: '0470' },
    });
    expect(same).toEqual(producer);
    expect(heard).toEqual([]);
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });

  it('warns when renaming to another producer’s name, not when keeping its own', async () => {
    const app = await open();
    await call(app, 'producers.create', { name: 'Les Jardins de Marie' });
    const { producer } = await call<Saved>(app, 'producers.create', { name: 'Ferme du Bois' });
    const kept = await call<Saved>(app, 'producers.update', { id: producer.id, changes: { name: 'Ferme du Bois', notes: 'x' } });
    expect(kept.warnings).toEqual([]);
    const renamed = await call<Saved>(app, 'producers.update', { id: producer.id, changes: { name: 'LES JARDINS DE MARIE' } });
    expect(renamed.warnings).toMatchObject([{ key: 'warning.duplicateProducerName' }]);
    expect(renamed.producer.name).toBe('LES JARDINS DE MARIE');
  });
});

describe('producers.archive and producers.restore', () => {
  it('set and clear archivedAt; nothing is ever deleted', async () => {
    const app = await open();
    const { producer } = await call<Saved>(app, 'producers.create', { name: 'Ferme du Bois' });
    app.clock.advance(1000);
    const archived = await call<Producer>(app, 'producers.archive', { id: producer.id });
    expect(archived.archivedAt).toBe('2026-03-02T09:00:01.000Z');
    expect(await call<Producer[]>(app, 'producers.list', {})).toEqual([]);
    expect(await call<Producer[]>(app, 'producers.list', { archived: 'archived' })).toEqual([archived]);
    expect(await persistedProducers(app.dataDir)).toEqual([archived]);

    // Archiving twice keeps the first date.
    app.clock.advance(1000);
    expect(await call<Producer>(app, 'producers.archive', { id: producer.id })).toEqual(archived);

    const restored = await call<Producer>(app, 'producers.restore', { id: producer.id });
    expect(restored.archivedAt).toBeNull();
    expect(restored).toMatchObject({ id: producer.id, name: 'Ferme du Bois', createdAt: producer.createdAt });
    expect(await persistedProducers(app.dataDir)).toEqual([restored]);
  });

  it('refuse an unknown id', async () => {
    const app = await open();
    for (const name of ['producers.archive', 'producers.restore']) {
      expect(await app.dispatch(name, { id: randomUUID() })).toEqual({ ok: false, error: { key: 'error.producerNotFound' } });
    }
  });
});

describe('relay.update', () => {
  it('saves a partial change over the defaults', async () => {
    const app = await open();
    expect(await call<RelaySettings>(app, 'relay.get', {})).toEqual(DEFAULT_RELAY_SETTINGS);
    const saved = await call<RelaySettings>(app, 'relay.update', { name: 'Relais de la Gare', hostCommissionBp: 900 });
    expect(saved).toEqual({ ...DEFAULT_RELAY_SETTINGS, name: 'Relais de la Gare', hostCommissionBp: 900 });
    const reopened = await open(app.dataDir);
    expect(await call<RelaySettings>(reopened, 'relay.get', {})).toEqual(saved);
  });

  it.each<[string, unknown, string, string]>([
    ['a non-integer basis point', { hostCommissionBp: 835.5 }, 'hostCommissionBp', 'validation.integer'],
    ['more than 10000 basis points', { serviceFeeBp: 10_001 }, 'serviceFeeBp', 'validation.max'],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone', 'validation.timeZone'],
    ['an unknown language', { language: 'nl' }, 'language', 'validation.choice'],
  ])('refuses %s and writes nothing', async (_, patch, path, key) => {
    const app = await open();
    await call(app, 'relay.update', { name: 'Relais de la Gare' });
    const before = await snapshotFolder(app.dataDir);
    const outcome = await app.dispatch('relay.update', patch);
    expect(outcome).toMatchObject({ ok: false, error: { key: 'error.invalidInput', issues: [{ path, key }] } });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
    expect(await call<RelaySettings>(app, 'relay.get', {})).toEqual({ ...DEFAULT_RELAY_SETTINGS, name: 'Relais de la Gare' });
  });
});

describe('any sequence of producer operations (property)', () => {
  // Small value pools with a known verdict, so the test has its own oracle instead of reusing the schema.
  const names = fc.constantFrom('Ferme du Bois', '  Les Prés  ', 'Églantier', 'eglantier', '', '   ', 42, null);
  const emails = fc.constantFrom('', 'a@b.be', 'x', 'a@b', 'a b@c.d');
  const distances = fc.constantFrom(null, 0, 12.5, 20_000, -1, 20_001, '3');
  const validName = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const validEmail = (v: unknown) => v === '' || v === 'a@b.be';
  const validDistance = (v: unknown) => v === null || (typeof v === 'number' && v >= 0 && v <= 20_000);

  const fields = fc.record({ name: names, email: emails, distanceKm: distances }, { requiredKeys: [] });
  const target = fc.oneof(fc.nat({ max: 20 }), fc.constant('unknown' as const));
  const command = fc.oneof(
    fc.record({ op: fc.constant('create' as const), fields }),
    fc.record({ op: fc.constant('update' as const), target, fields }),
    fc.record({ op: fc.constantFrom('archive' as const, 'restore' as const), target }),
  );

  const isValid = (f: Record<string, unknown>, needName: boolean) =>
    (needName ? validName(f.name) : !('name' in f) || validName(f.name)) &&
    (!('email' in f) || validEmail(f.email)) &&
    (!('distanceKm' in f) || validDistance(f.distanceKm));

  const trimmed = (f: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));

  it('memory equals disk, invalid calls change nothing, and no producer is ever lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        const dataDir = await mkdtemp(join(tmpdir(), 'cabas-prop-'));
        try {
          const app = await openTestBackend({ dataDir });
          const model = new Map<string, Record<string, unknown>>();
          const ids: string[] = [];
          const list = async () =>
            (await call<Producer[]>(app, 'producers.list', { archived: 'all' })).sort((a, b) => a.id.localeCompare(b.id));

          for (const cmd of commands) {
            const before = await list();
            const id = 'target' in cmd ? (cmd.target === 'unknown' ? randomUUID() : ids[cmd.target % Math.max(ids.length, 1)]) : undefined;
            let outcome: Outcome<unknown>;
            let expectOk: boolean;
            if (cmd.op === 'create') {
              outcome = await app.dispatch('producers.create', cmd.fields);
              expectOk = isValid(cmd.fields, true);
            } else if (cmd.op === 'update') {
              outcome = await app.dispatch('producers.update', { id: id ?? randomUUID(), changes: cmd.fields });
              expectOk = isValid(cmd.fields, false) && id !== undefined && model.has(id);
            } else {
              outcome = await app.dispatch(`producers.${cmd.op}`, { id: id ?? randomUUID() });
              expectOk = id !== undefined && model.has(id);
            }
            expect(outcome.ok, JSON.stringify({ cmd, outcome })).toBe(expectOk);

            if (!outcome.ok) {
              expect(await list()).toEqual(before);
              continue;
            }
            if (cmd.op === 'create') {
              const { producer } = outcome.value as Saved;
              ids.push(producer.id);
              model.set(producer.id, { email: '', distanceKm: null, ...trimmed(cmd.fields), archived: false });
            } else if (cmd.op === 'update') {
              model.set(id!, { ...model.get(id!), ...trimmed(cmd.fields) });
            } else {
              model.set(id!, { ...model.get(id!), archived: cmd.op === 'archive' });
            }
          }

          const inMemory = await list();
          // No producer lost: every one ever created is still there, with the fields the calls gave it.
          expect(inMemory.map((p) => p.id)).toEqual([...ids].sort());
          for (const producer of inMemory) {
            const { archived, ...expected } = model.get(producer.id)!;
            expect(producer).toMatchObject(expected);
            expect(producer.archivedAt !== null).toBe(archived);
          }
          // Persisted = memory.
          expect(await persistedProducers(dataDir)).toEqual(inMemory);
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 30 },
    );
  });
});
