/**
 * Issue 13's property for field-level validation, on real stores (the merge the app
 * runs during sync): copies receive the same batches of other copies' changes — valid
 * and invalid fields, late, out of order, some twice — and merge them as the sync
 * engine does (what is parked is handed back with the next batch). Every copy ends
 * with the records the valid writes make (per field, last valid writer wins, as
 * shared/sync/merge.ts says), nothing parked, and has listed every invalid write that
 * would have won; no valid write is ever refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import { producerSchema } from '../../shared/model/producer';
import { applyAll, emptyReplica, materialise } from '../../shared/sync/merge';
import { producerRecord } from '../testing/fixtures';
import { useTempDirs } from '../testing/temp-dir';
import { openStore, type RefusedField, type Store } from './store';

const tempDir = useTempDirs();
const devices = ['0b6f7c62-7d3c-4c4e-9a59-2a9f1f6c0d11', 'f0000000-7d3c-4c4e-9a59-2a9f1f6c0d11', 'a1111111-7d3c-4c4e-9a59-2a9f1f6c0d11'];
const producers = [0, 1, 2].map((index) => producerRecord({ id: `00000000-0000-4000-8000-00000000000${index}`, name: `Ferme ${index}` }));

const valid = { name: ['Ferme A', 'Ferme B'], notes: ['bio', ''], distanceKm: [0, 12, 250, null] };
const invalid = { name: ['', 42], notes: [5, null], distanceKm: ['far', -3, 30_000] };
type Field = keyof typeof valid;

const edit = fc.record({
  producer: fc.integer({ min: 0, max: 2 }),
  minute: fc.integer({ min: 2, max: 59 }),
  device: fc.integer({ min: 0, max: 2 }),
  fields: fc.uniqueArray(
    fc.record({ field: fc.constantFrom<Field>('name', 'notes', 'distanceKm'), bad: fc.boolean(), pick: fc.nat() }),
    { minLength: 1, maxLength: 3, selector: (entry) => entry.field },
  ),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** A timestamp unique to each change (its index as the clock counter), so ties never decide. */
const stamp = (minute: number, index: number, device: string) => `2026-03-04T09:${String(minute).padStart(2, '0')}:00.000Z-${index.toString(16).padStart(4, '0')}-${device}`;

function changesOf(edits: Edit[]): ChangeRecord[] {
  const creations = producers.map((producer, index): ChangeRecord => {
    const at = stamp(1, index, devices[index]!);
    return { at, device: devices[index]!, entity: 'producer', entityId: producer.id, fields: { ...producer } };
  });
  const edited = edits.map((each, index): ChangeRecord => {
    const device = devices[each.device]!;
    const fields = Object.fromEntries(each.fields.map(({ field, bad, pick }) => {
      const values: readonly unknown[] = (bad ? invalid : valid)[field];
      return [field, values[pick % values.length]];
    }));
    return { at: stamp(each.minute, index + 3, device), device, entity: 'producer', entityId: producers[each.producer]!.id, fields };
  });
  return [...creations, ...edited];
}

const isValid = (field: string, value: unknown) => producerSchema.shape[field as Field].safeParse(value).success;

async function open(): Promise<Store> {
  const opened = await openStore({ dataDir: await tempDir(), now: () => new Date('2026-03-04T10:00:00.000Z'), foldWhenIdleMs: false });
  if (opened.state !== 'ready') throw new Error('not ready');
  return opened.store;
}

describe('field-level validation of other copies’ changes (property)', () => {
  it('copies given valid and invalid, late and duplicated batches converge on the valid writes and list every refused one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 3 })), { minLength: 2, maxLength: 2 }),
        async (edits, batchSize, deliveries) => {
          const changes = changesOf(edits);
          const batches: ChangeRecord[][] = [];
          for (let index = 0; index < changes.length; index += batchSize) batches.push(changes.slice(index, index + batchSize));
          // What the valid writes make, by the pure merge.
          const stripped = changes.map((change) => ({ ...change, fields: Object.fromEntries(Object.entries(change.fields).filter(([field, value]) => isValid(field, value))) }));
          const expected = materialise(applyAll(emptyReplica, stripped)).producer ?? {};
          // The invalid writes that would have won their field: each must be listed.
          const mustList = changes.flatMap((change) =>
            Object.entries(change.fields)
              .filter(([field, value]) => !isValid(field, value) && !changes.some((other) => other.entityId === change.entityId && field in other.fields && other.at > change.at))
              .map(([field]) => `${change.at} ${field}`),
          );

          for (const [order, duplicates] of deliveries) {
            const store = await open();
            // Each copy gets every batch, in its own order (late ones last), some of them twice.
            const ranked = batches.map((batch, index) => ({ batch, rank: order[index % order.length]! * 100 + index }));
            const delivered = ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.batch);
            for (const again of duplicates) delivered.splice(again % (delivered.length + 1), 0, batches[again % batches.length]!);
            let parked: ChangeRecord[] = [];
            const refused: RefusedField[] = [];
            for (const batch of delivered) {
              const result = await store.merge([...parked, ...batch], 'team');
              parked = result.parked;
              refused.push(...result.refused);
            }
            expect(parked).toEqual([]);
            for (const producer of producers) expect(store.get('producer', producer.id)).toEqual(expected[producer.id]);
            for (const entry of refused) expect(isValid(entry.field, entry.value), `${entry.field} = ${JSON.stringify(entry.value)}`).toBe(false);
            const listed = new Set(refused.map((entry) => `${entry.change.at} ${entry.field}`));
            for (const write of mustList) expect(listed.has(write), write).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
