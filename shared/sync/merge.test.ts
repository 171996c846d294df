import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord, EntityKind } from '../model/change';
import { HybridClock } from './hlc';
import { apply, applyAll, applyEach, emptyReplica, materialise, type ReplicaState } from './merge';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const at = (millis: number, device: string, counter = 0) =>
  `${new Date(T0 + millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${device}`;

function write(when: string, fields: Record<string, unknown>, entityId = 'carrots'): ChangeRecord {
  return { at: when, device: when.slice(30), entity: 'product', entityId, fields };
}
function remove(when: string, entityId = 'slot-1'): ChangeRecord {
  return { at: when, device: when.slice(30), entity: 'slot', entityId, fields: {}, removed: true };
}
const fold = (changes: ChangeRecord[], state: ReplicaState = emptyReplica) => changes.reduce(apply, state);

describe('apply: per-field last writer wins', () => {
  it('keeps the later write of a field whichever arrives first', () => {
    const early = write(at(1, 'a'), { price: 250 });
    const late = write(at(2, 'b'), { price: 300 });
    for (const order of [[early, late], [late, early]]) {
      expect(materialise(fold(order))).toEqual({ product: { carrots: { price: 300 } } });
    }
  });

  it('merges different fields edited on two copies', () => {
    const state = fold([write(at(1, 'a'), { id: 'carrots', price: 250 }), write(at(2, 'b'), { unit: 'kg' }), write(at(3, 'a'), { price: 260 })]);
    expect(materialise(state)).toEqual({ product: { carrots: { id: 'carrots', price: 260, unit: 'kg' } } });
  });

  it('orders equal wall times by counter, then by device (no two devices share a timestamp)', () => {
    const byCounter = [write(at(1, 'b', 0), { price: 1 }), write(at(1, 'a', 1), { price: 2 })];
    const byDevice = [write(at(1, 'b'), { price: 3 }), write(at(1, 'a'), { price: 4 })];
    expect(materialise(fold(byCounter)).product?.carrots).toEqual({ price: 2 });
    expect(materialise(fold(byCounter.toReversed())).product?.carrots).toEqual({ price: 2 });
    expect(materialise(fold(byDevice)).product?.carrots).toEqual({ price: 3 });
    expect(materialise(fold(byDevice.toReversed())).product?.carrots).toEqual({ price: 3 });
  });

  it('changes nothing when the same change arrives twice: the very same state comes back', () => {
    const change = write(at(1, 'a'), { price: 250 });
    const once = apply(emptyReplica, change);
    expect(apply(once, change)).toBe(once);
    expect(applyAll(once, [change, change])).toBe(once);
    expect(apply(once, write(at(0, 'b'), { price: 1 }))).toBe(once);
  });

  it('still agrees on a value when a corrupted file reuses a timestamp with another value', () => {
    const one = write(at(1, 'a'), { price: 250 });
    const other = write(at(1, 'a'), { price: 999 });
    expect(fold([one, other])).toEqual(fold([other, one]));
    expect(materialise(fold([one, other])).product?.carrots).toEqual({ price: 999 });
  });

  it('never mutates the state it is given and shares untouched records', () => {
    const before = fold([write(at(1, 'a'), { price: 1 }, 'carrots'), write(at(1, 'a', 1), { price: 2 }, 'leeks')]);
    const snapshot = structuredClone(before);
    const after = apply(before, write(at(2, 'b'), { price: 3 }, 'carrots'));
    expect(before).toEqual(snapshot);
    expect(after.product?.leeks).toBe(before.product?.leeks);
    expect(after.product?.carrots).not.toBe(before.product?.carrots);
  });

  it('keeps ids and field names such as "__proto__" as plain data', () => {
    const change = write(at(1, 'a'), JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>, '__proto__');
    const records = materialise(apply(emptyReplica, change)).product!;
    expect(Object.keys(records)).toEqual(['__proto__']);
    expect(Object.keys(records['__proto__']!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('apply: removal is a tombstone', () => {
  const created = { at: at(1, 'a'), device: 'a', entity: 'slot', entityId: 'slot-1', fields: { id: 'slot-1', start: '17:00', end: '18:00' } } satisfies ChangeRecord;

  it('hides the record, whichever of write and removal arrives first', () => {
    const removed = remove(at(2, 'b'));
    expect(materialise(fold([created, removed]))).toEqual({});
    expect(fold([created, removed])).toEqual(fold([removed, created]));
  });

  it('wins over a write with a smaller timestamp that arrives later', () => {
    const edit = { ...created, at: at(3, 'a'), fields: { end: '18:30' } };
    expect(materialise(fold([created, remove(at(4, 'b')), edit]))).toEqual({});
  });

  it('gives way to a write made after it, by a copy that had not seen it: the whole record comes back', () => {
    const edit = { ...created, at: at(5, 'a'), fields: { end: '18:30' } };
    const state = fold([remove(at(4, 'b')), edit, created]);
    expect(materialise(state)).toEqual({ slot: { 'slot-1': { id: 'slot-1', start: '17:00', end: '18:30' } } });
  });

  it('keeps the latest of several removals', () => {
    const edit = { ...created, at: at(5, 'a'), fields: { end: '18:30' } };
    const removals = [remove(at(4, 'b')), remove(at(6, 'c'))];
    expect(fold([created, edit, ...removals]).slot?.['slot-1']?.removedAt).toBe(at(6, 'c'));
    expect(materialise(fold([...removals.toReversed(), edit, created]))).toEqual({});
  });
});

// --- Convergence: three copies, random edits, random delivery --------------------------

const KINDS: EntityKind[] = ['product', 'slot'];
const operation = fc.record({
  entity: fc.constantFrom(...KINDS),
  entityId: fc.constantFrom('r1', 'r2', 'r3'),
  fields: fc.dictionary(fc.constantFrom('name', 'quantity', 'price'), fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(null)), { minKeys: 1, maxKeys: 3 }),
  removed: fc.nat(5).map((n) => n === 0),
});
const step = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('local' as const), replica: fc.nat(2), operation, advance: fc.nat(2) }), weight: 3 },
  { arbitrary: fc.record({ type: fc.constant('deliver' as const), replica: fc.nat(2), pick: fc.nat() }), weight: 2 },
);

/** What the merged state must hold, computed the obvious way: the maximum timestamp per field and per record. */
function expectEveryChangeReflected(state: ReplicaState, changes: ChangeRecord[]) {
  for (const change of changes) {
    const record = state[change.entity]?.[change.entityId];
    expect(record).toBeDefined();
    for (const [field, value] of Object.entries(change.fields)) {
      const latest = changes.filter((c) => c.entity === change.entity && c.entityId === change.entityId && field in c.fields).map((c) => c.at).sort().at(-1);
      const kept = record!.fields[field]!;
      expect(kept.at).toBe(latest);
      expect(kept.at >= change.at).toBe(true);
      if (kept.at === change.at) expect(kept.value).toEqual(value);
    }
    if (change.removed) expect(record!.removedAt! >= change.at).toBe(true);
  }
}

describe('three copies converge (property)', () => {
  it('whatever the edits, delivery order, partitions and duplicates', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 80 }),
        fc.tuple(fc.integer({ min: -60_000, max: 60_000 }), fc.integer({ min: -60_000, max: 60_000 }), fc.integer({ min: -60_000, max: 60_000 })),
        fc.gen(),
        (steps, skews, gen) => {
          let wall = T0;
          const replicas = skews.map((skew, index) => ({ clock: new HybridClock(`device-${index}`, () => wall + skew), state: emptyReplica }));
          const sent: ChangeRecord[] = [];
          for (const s of steps) {
            const replica = replicas[s.replica]!;
            if (s.type === 'local') {
              wall += s.advance;
              const { entity, entityId, fields, removed } = s.operation;
              const change: ChangeRecord = removed
                ? { at: replica.clock.tick(), device: replica.clock.device, entity, entityId, fields: {}, removed: true }
                : { at: replica.clock.tick(), device: replica.clock.device, entity, entityId, fields };
              replica.state = apply(replica.state, change);
              expectEveryChangeReflected(replica.state, [change]); // acknowledged locally
              sent.push(change);
            } else if (sent.length > 0) {
              // A partial, out-of-order sync: one change another copy (or this one) made, perhaps again.
              const change = sent[s.pick % sent.length]!;
              replica.clock.receive(change.at);
              replica.state = apply(replica.state, change);
            }
          }

          // Final sync: every copy reads everything, in its own order, with duplicates, in batches of its own size.
          replicas.forEach((replica, index) => {
            const withDuplicates = [...sent, ...gen(fc.subarray, sent)];
            const order = gen(fc.shuffledSubarray, withDuplicates, { minLength: withDuplicates.length });
            for (let i = 0; i < order.length; i += index + 1) replica.state = applyAll(replica.state, order.slice(i, i + index + 1));
          });

          const [first, ...others] = replicas.map((replica) => replica.state);
          for (const other of others) {
            expect(other).toEqual(first);
            expect(materialise(other)).toEqual(materialise(first!));
          }
          expectEveryChangeReflected(first!, sent);
          // Re-reading the same files changes nothing.
          for (const replica of replicas) {
            expect(applyAll(replica.state, sent)).toBe(replica.state);
            expect(sent.reduce(apply, replica.state)).toBe(replica.state);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('applyEach', () => {
  // The ledger folds a record's changes with it: it must be `apply` one after the other, in state, in which changes count, and in what each one sees.
  it('is apply one change after the other (property)', () => {
    const device = fc.constantFrom('a', 'b');
    const change = fc.record({ millis: fc.nat(4), device, counter: fc.nat(1), operation }).map(({ millis, device: who, counter, operation: { entity, entityId, fields, removed } }): ChangeRecord => {
      const when = at(millis, who, counter);
      return removed ? { at: when, device: who, entity, entityId, fields: {}, removed: true } : { at: when, device: who, entity, entityId, fields };
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 6 }), fc.array(change, { maxLength: 12 }), (before, changes) => {
        const start = fold(before);
        const seen: unknown[] = [];
        const result = applyEach(start, changes, (each, record) => seen.push(structuredClone({ each, record })));
        let state = start;
        const applied: ChangeRecord[] = [];
        const expected: unknown[] = [];
        for (const each of changes) {
          expected.push(structuredClone({ each, record: state[each.entity]?.[each.entityId] }));
          const next = apply(state, each);
          if (next !== state) applied.push(each);
          state = next;
        }
        expect(result.state).toEqual(state);
        expect(result.applied).toEqual(applied);
        expect(seen).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
