import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus, BackupInfo } from '../../shared/contract/results';
import type { Member } from '../../shared/model/member';
import { manualClock, openTestBackend } from '../testing/fixtures';
import { call as value } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { EXPECTED_FILES } from './expected-files';

const tempDir = useTempDirs();


/** A relay with a producer, a member and a payment: relay files, members.json and a month of accounts. */
async function relayFolder() {
  const dataDir = await tempDir();
  const clock = manualClock(new Date(2026, 2, 2, 9, 0));
  const backend = await openTestBackend({ dataDir, now: clock.now });
  await value(backend, 'producers.create', { name: 'Ferme du Bois' });
  const member = await value<Member>(backend, 'members.create', { name: 'Zoé Martin' });
  await value(backend, 'accounts.recordPayment', { memberId: member.id, amountCents: 2000, method: 'cash' });
  const backup = await value<BackupInfo>(backend, 'backups.create', {});
  return { dataDir, clock, backup };
}

describe('a data file deleted behind the app’s back', () => {
  for (const file of ['members.json', 'accounts/2026-03.json']) {
    it(`${file} removed: the folder opens on the recovery screen naming it, and a restore brings it back`, async () => {
      const { dataDir, clock, backup } = await relayFolder();
      await rm(join(dataDir, file));
      const backend = await openTestBackend({ dataDir, now: clock.now });
      expect(await value<AppStatus>(backend, 'app.status', {})).toMatchObject({ state: 'recovery', problem: { file, reason: 'missing' } });
      expect(await backend.dispatch('members.list', {})).toEqual({ ok: false, error: { key: 'error.recoveryMode' } });

      expect(await value<AppStatus>(backend, 'backups.restore', { id: backup.id })).toMatchObject({ state: 'ready' });
      expect(await value<Member[]>(backend, 'members.list', {})).toHaveLength(1);
      expect((await openTestBackend({ dataDir, now: clock.now })).workspace.inRecovery).toBe(false);
    });
  }

  it('a brand-new empty folder opens ready and writes nothing until the first change', async () => {
    const dataDir = await tempDir();
    const backend = await openTestBackend({ dataDir });
    expect(backend.workspace.inRecovery).toBe(false);
    expect(await readdir(dataDir)).not.toContain(EXPECTED_FILES);
    await value(backend, 'producers.create', { name: 'Ferme du Bois' });
    await backend.workspace.store.fold();
    expect(JSON.parse(await readFile(join(dataDir, EXPECTED_FILES), 'utf8'))).toMatchObject({ files: ['producers.json'] });
  });

  it('a folder written before the list existed opens ready and starts the list from its files', async () => {
    const { dataDir, clock } = await relayFolder();
    await rm(join(dataDir, EXPECTED_FILES));
    expect((await openTestBackend({ dataDir, now: clock.now })).workspace.inRecovery).toBe(false);
    expect(JSON.parse(await readFile(join(dataDir, EXPECTED_FILES), 'utf8'))).toMatchObject({ files: ['accounts/2026-03.json', 'members.json', 'producers.json'] });
  });
});
