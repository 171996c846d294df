/**
 * A team folder synced before copies had keys (issue 13, case 5): after the
 * update nothing breaks. The first organiser's copy to sync keeps the roster;
 * the other copy rewrites its files signed and waits for approval, listed;
 * once approved its changes flow again, and nothing of the old files is lost.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/sync/status';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, openApp, type TestApp } from '../testing/service-calls';
import { ROOT } from './folder';
import { KEY_FILE } from './identity';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const sync = (app: TestApp) => call(app, 'sync.now', {});
const status = (app: TestApp) => call<SyncStatus>(app, 'sync.status', {});

/** Puts a copy and its files in the folder back as the version before keys left them: unsigned, format 1, no roster. */
async function asBeforeKeys(app: TestApp, folder: string): Promise<void> {
  await app.close();
  await rm(join(app.dataDir, KEY_FILE));
  await rm(join(app.dataDir, 'sync', 'roster.json'), { force: true });
  const stateFile = join(app.dataDir, 'sync', 'state.json');
  const state = JSON.parse(await readFile(stateFile, 'utf8')) as { folders: Record<string, Record<string, unknown>>; awaiting?: unknown };
  for (const folderState of Object.values(state.folders)) delete folderState.signed;
  delete state.awaiting;
  await writeFile(stateFile, JSON.stringify(state));
  const dir = join(folder, ROOT, app.workspace.store.deviceId);
  await rm(join(dir, 'roster.json'), { force: true });
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    if (name === 'device.json') delete data.publicKey;
    else {
      delete data.signature;
      data.version = 1;
    }
    await writeFile(path, `${JSON.stringify(data)}\n`);
  }
}

describe('a folder synced before copies had keys', () => {
  it('the first organiser’s copy enrols itself; the other waits for approval, then its changes arrive; a new copy gets everything', async () => {
    const folder = await tempDir();
    const dirs = [await tempDir(), await tempDir()];
    let [a, b] = [await openApp(dirs[0]!, start), await openApp(dirs[1]!, start)];
    for (const app of [a, b]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
    await createProducer(a, 'Ferme du Bois');
    await sync(a);
    await sync(b);
    await createProducer(b, 'Miellerie du Val');
    await sync(b);
    await sync(a);
    await asBeforeKeys(a, folder);
    await asBeforeKeys(b, folder);

    // The update.
    [a, b] = [await openApp(dirs[0]!, start), await openApp(dirs[1]!, start)];
    await sync(a);
    expect((await status(a)).copies).toMatchObject({ keeper: true, awaiting: [{ device: b.workspace.store.deviceId, role: 'organiser', code: null }] });
    b.clock.advance(60_000);
    await createProducer(b, 'Chèvrerie des Prés');
    await sync(b);
    const report = await call<{ folders: { problems: { code: string }[] }[] }>(a, 'sync.now', {});
    expect(report.folders[0]!.problems.map((problem) => problem.code)).toEqual(['awaitingApproval']);
    const waiting = (await status(a)).copies.awaiting[0]!;
    expect(waiting.code).toBe((await status(b)).copies.code);
    expect(a.workspace.store.all('producer').map((producer) => producer.name)).not.toContain('Chèvrerie des Prés');

    await call(a, 'sync.approveCopy', { device: b.workspace.store.deviceId });
    await sync(a);
    await sync(b);
    expect(a.workspace.store.all('producer').map((producer) => producer.name).sort()).toEqual(['Chèvrerie des Prés', 'Ferme du Bois', 'Miellerie du Val']);
    expect((await status(a)).setAside.refused).toEqual([]);
    expect((await status(b)).copies).toMatchObject({ keeper: false, approved: true });

    // b's unsigned files are gone, replaced by a signed snapshot: a copy joining later that has a roster can take them.
    const bDir = join(folder, ROOT, b.workspace.store.deviceId);
    for (const name of (await readdir(bDir)).filter((file) => file.endsWith('.batch') || file === 'snapshot.json')) {
      expect(JSON.parse(await readFile(join(bDir, name), 'utf8')), name).toMatchObject({ version: 2, signature: expect.any(String) });
    }
    // And a new copy finds everyone's data.
    const c = await openApp(await tempDir(), start);
    await call(c, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
    await sync(c);
    expect(c.workspace.store.all('producer').map((producer) => producer.name).sort()).toEqual(['Chèvrerie des Prés', 'Ferme du Bois', 'Miellerie du Val']);
  });
});
