import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Order, OrderLine } from '../../shared/model/order';
import { readyStore, storeState } from '../testing/store-state';
import { useTempDirs } from '../testing/temp-dir';
import { entities } from './entities';
import { checkRecord } from './record-check';

const tempDir = useTempDirs();
const at = '2026-03-02T09:00:00.000Z';

function line(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    id: randomUUID(), productId: randomUUID(), productName: 'Carottes', quantity: 2, unitPriceCents: 350,
    pieceGrams: null, weighedGrams: null, vatRateBp: 600, addedAt: at, missing: null, ...overrides,
  };
}

function order(lines: OrderLine[]): Order {
  return {
    id: randomUUID(), distributionId: randomUUID(), memberId: randomUUID(), basketNumber: 1, lines, note: '', late: false,
    cancelledAt: null, slotId: null, slotPinned: false, slotOverride: false, collectedAt: null, noShowAt: null, counter: false,
    buyerName: '', createdAt: at, updatedAt: at,
  };
}

/** What the full schema says of a record: its issues, as a refusal shows them. */
function fullIssues(record: unknown) {
  const result = entities.order.schema.safeParse(record);
  if (result.success) throw new Error('expected the full schema to refuse the record');
  return result.error.issues.map(({ path, message }) => ({ path, message }));
}

function refusal(check: () => unknown) {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(z.ZodError);
    return (error as z.ZodError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected the record to be refused');
}

describe('checking a record written over the state held (only what changed is checked again)', () => {
  const held = entities.order.schema.parse(order([line(), line()])) as Order;

  it('refuses a bad new line with the message and place the full schema gives', () => {
    const bad = { ...held, lines: [...held.lines, line({ quantity: 0 })] };
    expect(refusal(() => checkRecord('order', bad, held))).toEqual(fullIssues(bad));
    expect(fullIssues(bad)[0]!.path).toEqual(['lines', 2, 'quantity']);
  });

  it('refuses a bad changed field, a field gone, an unknown field and a list past its bound', () => {
    const { note: _gone, ...withoutNote } = held;
    for (const bad of [
      { ...held, note: 'x'.repeat(2001) },
      { ...held, updatedAt: 'yesterday' },
      withoutNote,
      { ...held, discount: 5 },
      { ...held, lines: [...held.lines, ...Array.from({ length: 499 }, () => held.lines[0]!)] },
    ]) {
      expect(refusal(() => checkRecord('order', bad as Order, held))).toEqual(fullIssues(bad));
    }
  });

  it('gives back what the full schema gives (trimmed text), sharing the unchanged lines', () => {
    const edited = { ...held, note: '  sans sac  ', lines: [...held.lines, line({ missing: { note: ' abîmé ', at } })] };
    const checked = checkRecord('order', edited, held);
    expect(checked).toEqual(entities.order.schema.parse(edited));
    expect(checked.note).toBe('sans sac');
    expect(checked.lines[0]).toBe(held.lines[0]);
  });

  it('refuses a bad line added to an order the store holds, and changes nothing in memory or on disk', async () => {
    const dataDir = await tempDir();
    const store = await readyStore({ dataDir, foldWhenIdleMs: false });
    const written = await store.transact((tx) => tx.put('order', order([line()])));
    const before = storeState(store);
    const journal = await readFile(join(dataDir, 'journal.jsonl'), 'utf8');

    const bad = { ...written, lines: [...written.lines, line({ productId: 'not-an-id', quantity: 1 })] };
    await expect(store.transact((tx) => tx.put('order', bad))).rejects.toThrow('validation.id');

    expect(storeState(store)).toBe(before);
    expect(await readFile(join(dataDir, 'journal.jsonl'), 'utf8')).toBe(journal);
    expect(storeState(await readyStore({ dataDir }))).toBe(before);
  });
});
