import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncReport } from '../../shared/sync/status';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, openApp, type TestApp } from '../testing/service-calls';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const sync = (app: TestApp) => call<SyncReport>(app, 'sync.now', {});

describe('a power cut in the middle of a journal append', () => {
  it('the changes made after it still reach the other copies, across restarts', async () => {
    const folder = await tempDir();
    const a = await openApp(await tempDir(), start);
    const b = await openApp(await tempDir(), start);
    for (const app of [a, b]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
    await createProducer(a, 'Ferme du Bois');
    await sync(a);
    // The cut: half a line at the end of the journal.
    await appendFile(join(a.dataDir, 'sync', 'journal.jsonl'), '{"n":99,"origin":null,"change":{"at":"2026');

    const restarted = await openApp(a.dataDir, start);
    await createProducer(restarted, 'Miellerie du Val');
    const again = await openApp(a.dataDir, start);
    await createProducer(again, 'Chèvrerie des Prés');
    await sync(again);

    await sync(b);
    expect(b.workspace.store.all('producer').map((producer) => producer.name).sort()).toEqual(['Chèvrerie des Prés', 'Ferme du Bois', 'Miellerie du Val']);
  });
});
