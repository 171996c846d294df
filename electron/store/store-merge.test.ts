/**
 * Store.merge: changes from other copies land per field, last writer wins, on
 * disk and in memory; the rules of shared/sync/merge.ts hold on the store.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import { producerRecord } from '../testing/fixtures';
import { useTempDirs } from '../testing/temp-dir';
import { openStore, type Store } from './store';

const tempDir = useTempDirs();
const other = '0b6f7c62-7d3c-4c4e-9a59-2a9f1f6c0d11';
const third = 'f0000000-7d3c-4c4e-9a59-2a9f1f6c0d11';
const at = (minute: number, device = other) => `2026-03-04T09:${String(minute).padStart(2, '0')}:00.000Z-0000-${device}`;

async function open(dataDir: string): Promise<Store> {
  const opened = await openStore({ dataDir, now: () => new Date('2026-03-04T09:30:00.000Z') });
  if (opened.state !== 'ready') throw new Error('not ready');
  return opened.store;
}

function created(record: { id: string }, stamp: string, entity: ChangeRecord['entity'] = 'producer'): ChangeRecord {
  return { at: stamp, device: stamp.slice(-36), entity, entityId: record.id, fields: { ...record } };
}

const set = (id: string, fields: Record<string, unknown>, stamp: string): ChangeRecord => ({ at: stamp, device: stamp.slice(-36), entity: 'producer', entityId: id, fields });

describe('Store.merge', () => {
  it('keeps the later write of each field, whatever the order they arrive in, and the result is on disk', async () => {
    const producer = producerRecord();
    const changes = [created(producer, at(1)), set(producer.id, { name: 'Ferme A' }, at(5)), set(producer.id, { name: 'Ferme B', notes: 'bio' }, at(3, third))];
    const forward = await open(await tempDir());
    const backward = await open(await tempDir());
    await forward.merge(changes, 'team');
    // One at a time, newest first: what cannot land yet is parked and handed back with the next, as the sync engine does.
    let parked: ChangeRecord[] = [];
    for (const change of [...changes].reverse()) parked = (await backward.merge([...parked, change], 'team')).parked;
    expect(parked).toEqual([]);
    for (const store of [forward, backward]) {
      expect(store.get('producer', producer.id)).toMatchObject({ name: 'Ferme A', notes: 'bio' });
      expect(store.stampsOf('producer', producer.id)).toMatchObject({ name: at(5), notes: at(3, third) });
    }
    expect((await open(forward.dataDir)).get('producer', producer.id)).toEqual(forward.get('producer', producer.id));
    expect((await open(forward.dataDir)).stampsOf('producer', producer.id)).toEqual(forward.stampsOf('producer', producer.id));
  });

  it('merging the same changes again changes nothing and writes nothing', async () => {
    const store = await open(await tempDir());
    const producer = producerRecord();
    const changes = [created(producer, at(1)), set(producer.id, { name: 'Ferme A' }, at(5))];
    await store.merge(changes, 'team');
    const again = await store.merge(changes, 'team');
    expect(again.applied).toEqual([]);
  });

  it('an equal timestamp with two values (a hand-made file) is settled the same way on every copy', async () => {
    const producer = producerRecord();
    const one = await open(await tempDir());
    const two = await open(await tempDir());
    const a = set(producer.id, { name: 'Alpha' }, at(7));
    const b = set(producer.id, { name: 'Beta' }, at(7));
    await one.merge([created(producer, at(1)), a, b], 'team');
    await two.merge([created(producer, at(1)), b, a], 'team');
    expect(one.get('producer', producer.id)!.name).toBe(two.get('producer', producer.id)!.name);
  });

  it('a change to a record whose creation has not arrived is parked, then lands with it', async () => {
    const store = await open(await tempDir());
    const producer = producerRecord();
    const update = set(producer.id, { name: 'Ferme A' }, at(5));
    const first = await store.merge([update], 'team');
    expect(first.parked).toEqual([update]);
    expect(store.get('producer', producer.id)).toBeUndefined();
    const second = await store.merge([...first.parked, created(producer, at(1))], 'team');
    expect(second.parked).toEqual([]);
    expect(store.get('producer', producer.id)!.name).toBe('Ferme A');
  });

  it('a removal beats older writes, and a later write brings the record back whole', async () => {
    const store = await open(await tempDir());
    const distributionId = randomUUID();
    const slot = { id: randomUUID(), distributionId, start: '17:00', end: '17:30', capacity: 10, createdAt: '2026-03-04T09:00:00.000Z', updatedAt: '2026-03-04T09:00:00.000Z' };
    const removal: ChangeRecord = { at: at(4), device: other, entity: 'slot', entityId: slot.id, fields: {}, removed: true };
    await store.merge([created(slot, at(1), 'slot'), removal, { ...set(slot.id, { capacity: 12 }, at(3, third)), entity: 'slot' }], 'team');
    expect(store.get('slot', slot.id)).toBeUndefined();
    const reopened = await open(store.dataDir);
    expect(reopened.get('slot', slot.id)).toBeUndefined();
    await reopened.merge([{ ...set(slot.id, { capacity: 14 }, at(6, third)), entity: 'slot' }], 'team');
    expect(reopened.get('slot', slot.id)).toEqual({ ...slot, capacity: 14 });
  });

  it('a local change after a merge is stamped after every timestamp merged', async () => {
    const store = await open(await tempDir());
    const producer = producerRecord();
    // The other copy's clock is 20 minutes ahead of this one (within nothing: merge itself does not judge drift).
    await store.merge([created(producer, at(50))], 'team');
    await store.transact((tx) => void tx.put('producer', { ...tx.get('producer', producer.id)!, notes: 'ici' }));
    expect(store.stampsOf('producer', producer.id)!.notes! > at(50)).toBe(true);
  });

  it('one schema-invalid field is refused on its own: the record, its creation and the change\'s other fields are kept', async () => {
    const store = await open(await tempDir());
    const producer = producerRecord({ distanceKm: 12 });
    const creation = created(producer, at(1));
    const bad = set(producer.id, { distanceKm: 'far', notes: 'bio' }, at(5));
    const result = await store.merge([creation, bad], 'team');
    expect(result.parked).toEqual([]);
    expect(store.get('producer', producer.id)).toEqual({ ...producer, notes: 'bio' });
    expect(result.refused).toEqual([{ change: bad, field: 'distanceKm', value: 'far', reason: 'validation.number' }]);
    // What this copy relays to the others carries no refused value.
    expect(result.applied).toEqual([creation, { ...bad, fields: { notes: 'bio' } }]);
    // Merged again (a batch read twice), nothing changes and it is refused the same way.
    const again = await store.merge([creation, bad], 'team');
    expect(again.applied).toEqual([]);
    expect(again.refused).toEqual(result.refused);
    expect((await open(store.dataDir)).get('producer', producer.id)).toEqual({ ...producer, notes: 'bio' });
  });

  it('a refused write falls back to the latest valid write of the same field, whatever the order the changes arrive in', async () => {
    const producer = producerRecord({ distanceKm: 12 });
    const changes = [created(producer, at(1)), set(producer.id, { distanceKm: 30 }, at(3, third)), set(producer.id, { distanceKm: -4 }, at(5))];
    for (const order of [changes, [...changes].reverse()]) {
      const store = await open(await tempDir());
      let parked: ChangeRecord[] = [];
      for (const change of order) parked = (await store.merge([...parked, change], 'team')).parked;
      expect(parked).toEqual([]);
      expect(store.get('producer', producer.id)!.distanceKm).toBe(30);
      expect(store.stampsOf('producer', producer.id)!.distanceKm).toBe(at(3, third));
    }
  });

  it('a field named "__proto__" in another copy\'s change is refused with the record, never read through the prototype', async () => {
    const store = await open(await tempDir());
    const producer = producerRecord();
    await store.merge([created(producer, at(1))], 'team');
    const sneaky = JSON.parse(`{"at":"${at(5)}","device":"${other}","entity":"producer","entityId":"${producer.id}","fields":{"__proto__":{"name":"Piraté"},"notes":"x"}}`) as ChangeRecord;
    const result = await store.merge([sneaky], 'team');
    expect(result.parked).toEqual([sneaky]);
    expect(store.get('producer', producer.id)).toEqual(producer);
  });
});
