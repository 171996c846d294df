/**
 * Issue 13's convergence property against a hostile folder: batches in another
 * copy's directory that are signed by it or not (or by a stranger's key), with
 * valid and invalid changes (a field no schema accepts, an impossible or far
 * future timestamp), some stamped with another copy's device id (the organiser's
 * own, or a stranger's: relayed, as an organiser's copy may), written out of
 * order, some twice, with syncs in between. The organiser's copy and a copy
 * joining later must end on the same data — the valid changes, last writer
 * wins, relayed ones alike on both — and the organiser's sync screen must list
 * every refused file and change, nothing that was taken, and a relayed change
 * under its own name that won (reading.ts: the rule depends on the file's
 * author alone, so every copy takes the same; relayed-changes.test.ts has a
 * producer's copy, whose relays are refused everywhere).
 */
import fc from 'fast-check';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import type { Producer } from '../../shared/model/producer';
import { createBatch, serialiseBatch, signedText } from '../../shared/sync/envelope';
import { serialise } from '../../shared/sync/hlc';
import type { SyncStatus } from '../../shared/sync/status';
import { enrol } from '../testing/roster';
import { call, createProducer, openApp, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { ROOT } from './folder';
import { loadIdentity } from './identity';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const MINUTE = 60_000;

type Field = 'name' | 'notes' | 'distanceKm';
type Kind = 'valid' | 'badField' | 'badStamp' | 'futureStamp';
/** Whose device id the change is stamped with: the copy that writes the file, the organiser's copy, or a copy unknown to both. */
type Stamp = 'copy' | 'organiser' | 'other';
interface Forged {
  target: number;
  field: Field;
  kind: Kind;
  stamp: Stamp;
  /** Minutes after the producers were made: later batches may carry older changes (late), and the other way round. */
  minute: number;
  word: string;
}
interface Batch {
  signedBy: 'copy' | 'nobody' | 'stranger';
  changes: Forged[];
  /** Written a second time, under the next number, as a sync tool restoring an old file would. */
  twice: boolean;
  syncAfter: boolean;
}

const forged: fc.Arbitrary<Forged> = fc.record({
  target: fc.integer({ min: 0, max: 1 }),
  field: fc.constantFrom<Field>('name', 'notes', 'distanceKm'),
  kind: fc.constantFrom<Kind>('valid', 'valid', 'valid', 'badField', 'badStamp', 'futureStamp'),
  stamp: fc.constantFrom<Stamp>('copy', 'copy', 'organiser', 'other'),
  minute: fc.integer({ min: 1, max: 50 }),
  word: fc.constantFrom('Bio', 'Val', 'Pré', 'Clos'),
});
const batch: fc.Arbitrary<Batch> = fc.record({
  signedBy: fc.constantFrom<Batch['signedBy']>('copy', 'copy', 'nobody', 'stranger'),
  changes: fc.array(forged, { minLength: 1, maxLength: 4 }),
  twice: fc.boolean(),
  syncAfter: fc.boolean(),
});

const validValue = (field: Field, word: string, index: number) => (field === 'distanceKm' ? index + 1 : `${word} ${index}`);
const invalidValue = (field: Field) => (field === 'distanceKm' ? 'far' : 42);

const producersOf = (app: TestApp) =>
  [...app.workspace.store.all('producer')]
    .sort((x, y) => x.id.localeCompare(y.id))
    .map(({ id, name, notes, distanceKm }) => ({ id, name, notes, distanceKm }));

describe('forged, unsigned, invalid, late and duplicated batches (property)', () => {
  it('the organiser’s copy and a copy joining later converge on the valid changes, and every refusal is listed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 5 }), fc.infiniteStream(fc.boolean()), async (batches, swaps) => {
        const folder = await tempDir();
        const a = await openApp(await tempDir(), start);
        const b = await openApp(await tempDir(), start);
        for (const app of [a, b]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
        const producers: Producer[] = [await createProducer(a, 'Ferme du Bois'), await createProducer(a, 'Miellerie du Val')];
        await call(a, 'sync.now', {});
        await call(b, 'sync.now', {});
        await enrol(a, [b]);
        // Past every forged change's time, so none waits for this copy's clock.
        a.clock.set(new Date(start.getTime() + 120 * MINUTE));
        const device = b.workspace.store.deviceId;
        const bDir = join(folder, ROOT, device);
        const copyKey = await loadIdentity(b.dataDir);
        const strangerKey = await loadIdentity(await tempDir());

        // The model: the original values, then every valid change taken by last writer wins.
        const expected = new Map(producers.map((p) => [p.id, { id: p.id, name: p.name, notes: p.notes, distanceKm: p.distanceKm }]));
        const latest = new Map<string, string>();
        /** Per field, whether its last writer is a change relayed under the organiser's own id (then listed on its copy). */
        const ownWins = new Map<string, ChangeRecord>();
        const stranger = 'c0ffee00-0000-4000-8000-000000000000';
        const stampOf = (stamp: Stamp) => (stamp === 'copy' ? device : stamp === 'organiser' ? a.workspace.store.deviceId : stranger);
        const refusals = new Set<string>();
        const key = (code: string, file: string | undefined, record: string, field?: string) => JSON.stringify([code, file ?? '', record, field ?? '']);

        // Numbered in order of creation, written in a shuffled order: a later batch may arrive first (the reader waits for the gap).
        let seq = (await readdir(bDir)).filter((name) => name.endsWith('.batch')).length;
        let counter = 0;
        const files: { seq: number; text: string; syncAfter: boolean }[] = [];
        for (const each of batches) {
          const changes: ChangeRecord[] = each.changes.map((change, index) => {
            const millis = start.getTime() + change.minute * MINUTE;
            const stamped = stampOf(change.stamp);
            const at =
              change.kind === 'badStamp'
                ? `2200-13-45T99:99:99.999Z-0000-${stamped}`
                : serialise({ millis: change.kind === 'futureStamp' ? millis + 3 * 24 * 60 * MINUTE : millis, counter: counter++, device: stamped });
            const value = change.kind === 'badField' ? invalidValue(change.field) : validValue(change.field, change.word, counter * 10 + index);
            return { at, device: stamped, entity: 'producer', entityId: producers[change.target]!.id, fields: { [change.field]: value } };
          });
          for (let copy = 0; copy < (each.twice ? 2 : 1); copy += 1) {
            seq += 1;
            const file = `${device}/${String(seq).padStart(8, '0')}.batch`;
            const unsigned = createBatch(device, seq, changes);
            const signer = each.signedBy === 'copy' ? copyKey : each.signedBy === 'stranger' ? strangerKey : null;
            files.push({ seq, text: serialiseBatch(signer ? { ...unsigned, signature: signer.sign(signedText(unsigned)) } : unsigned), syncAfter: each.syncAfter });
            if (each.signedBy !== 'copy') {
              refusals.add(key('badSignature', file, ''));
              continue;
            }
            each.changes.forEach((change, index) => {
              const record = `producer ${producers[change.target]!.id}`;
              const written = changes[index]!;
              if (change.kind === 'badField') refusals.add(key('invalidField', undefined, record, change.field));
              else if (change.kind === 'badStamp') refusals.add(key('badTimestamp', file, record));
              else if (change.kind === 'futureStamp') refusals.add(key('futureTimestamp', file, record));
              else {
                const slot = `${written.entityId} ${change.field}`;
                if ((latest.get(slot) ?? '') < written.at) {
                  latest.set(slot, written.at);
                  (expected.get(written.entityId) as Record<string, unknown>)[change.field] = written.fields[change.field];
                  if (change.stamp === 'organiser') ownWins.set(slot, written);
                  else ownWins.delete(slot);
                }
              }
            });
          }
        }
        for (let i = 0; i + 1 < files.length; i += 1) if (swaps.next().value) [files[i], files[i + 1]] = [files[i + 1]!, files[i]!];
        for (const file of files) {
          await writeFile(join(bDir, `${String(file.seq).padStart(8, '0')}.batch`), file.text);
          if (file.syncAfter) await call(a, 'sync.now', {});
        }
        await call(a, 'sync.now', {});

        const late = await openApp(await tempDir(), a.clock.now());
        await call(late, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
        await call(late, 'sync.now', {});

        const want = [...expected.values()].sort((x, y) => x.id.localeCompare(y.id));
        expect(producersOf(a)).toEqual(want);
        expect(producersOf(late)).toEqual(want);
        const { setAside } = await call<SyncStatus>(a, 'sync.status', {});
        // A relayed change under the organiser's own id is listed there when it changed something at the time it was read:
        // always for the last writer of a field; an earlier one only if nothing newer had been merged yet.
        const own = setAside.refused.filter((entry) => entry.code === 'ownDevice');
        const others = setAside.refused.filter((entry) => entry.code !== 'ownDevice');
        expect(new Set(others.map((entry) => key(entry.code, entry.file, entry.record ?? '', entry.field)))).toEqual(refusals);
        for (const change of ownWins.values()) expect(own).toContainEqual(expect.objectContaining({ device, record: `producer ${change.entityId}`, value: change.at }));
        for (const entry of own) expect(entry.value?.endsWith(a.workspace.store.deviceId)).toBe(true);
        expect(setAside.parked).toEqual([]);
        for (const app of [a, b, late]) await app.close();
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});
