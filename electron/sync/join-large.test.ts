import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import { serialise } from '../../shared/sync/hlc';
import type { SyncReport } from '../../shared/sync/status';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, openApp } from '../testing/service-calls';
import { signedAs } from '../testing/roster';
import { ROOT } from './folder';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');

describe('a new copy joining a relay with years of history', () => {
  // Issue 11: at five years a snapshot holds ~166 000 changes, and `push(...changes)` ran out of stack.
  it('takes a snapshot of 200 000 changes', { timeout: 120_000 }, async () => {
    const folder = await tempDir();
    const source = await openApp(await tempDir(), start);
    const model = await createProducer(source, 'Ferme du Bois');
    const device = 'e1d5a7c0-0000-4000-8000-000000000001';
    const records = 2_000;
    const changes: ChangeRecord[] = [];
    for (let i = 0; i < 200_000; i++) {
      const entityId = `00000000-0000-4000-8000-${String(i % records).padStart(12, '0')}`;
      const at = serialise({ millis: start.getTime() - 86_400_000 + i, counter: 0, device });
      const fields = i < records ? { ...model, id: entityId, name: `Producteur ${i}` } : { notes: `version ${Math.floor(i / records)}` };
      changes.push({ at, device, entity: 'producer', entityId, fields });
    }
    // The organiser's copy that keeps the roster has written these years into its snapshot (signed with its key).
    await call(source, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
    await call(source, 'sync.now', {});
    await writeFile(join(folder, ROOT, source.workspace.store.deviceId, 'snapshot.json'), await signedAs(source, 0, changes));

    const joining = await openApp(await tempDir(), start);
    await call(joining, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
    const report = await call<SyncReport>(joining, 'sync.now', {});
    expect(report.folders[0]!.problems).toEqual([]);
    const producers = joining.workspace.store.all('producer');
    expect(producers).toHaveLength(records);
    expect(new Set(producers.map((producer) => producer.notes))).toEqual(new Set(['version 99']));
  });
});
