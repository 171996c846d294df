/**
 * mail.json is rewritten whole by the settings screen, the sending claim and the doubled-sending notice:
 * each write reads the file as the one before it left it, so none of them loses another's change.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DoubledSending } from '../../shared/outbox/views';
import { useTempDirs } from '../testing/temp-dir';
import { dismissDoubled, MAIL_FILE, readMailSettings, saveMailSettings, saveRoleLost, saveSendingClaim } from './mail-settings';

/** A disk that fails the next write (full, pulled out), the way a test hook stops the store's writes. */
const disk = vi.hoisted(() => ({ failNext: false }));
vi.mock('../store/atomic-write', async (original) => {
  const actual = await original<typeof import('../store/atomic-write')>();
  return {
    ...actual,
    writeFileAtomic: async (...args: Parameters<typeof actual.writeFileAtomic>) => {
      if (disk.failNext) {
        disk.failNext = false;
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      return actual.writeFileAtomic(...args);
    },
  };
});

const tempDir = useTempDirs();

const server = { host: 'smtp.example.org', port: 465, secure: true, user: 'relais', fromAddress: 'relais@example.org', password: 'secret' };
const claim = { device: 'this-laptop', since: '2026-03-02T08:00:00.000Z', at: '2026-03-02T08:00:01.000Z' };
const sentTwice: DoubledSending = {
  by: 'other-laptop',
  since: '2026-03-03T09:00:00.000Z',
  messages: [{ id: 'message-anne', toName: 'Anne', toEmail: 'anne@example.org', subject: 'Votre panier', sentAt: '2026-03-03T10:00:00.000Z' }],
};

async function onDisk(dir: string) {
  return JSON.parse(await readFile(join(dir, MAIL_FILE), 'utf8')) as Record<string, unknown>;
}

describe('mail.json, written by one queue', () => {
  it('keeps the mail server saved at the instant the doubled-sending notice is written', async () => {
    const dir = await tempDir();
    await saveSendingClaim(dir, claim);
    await Promise.all([saveMailSettings(dir, server), saveRoleLost(dir, () => sentTwice)]);
    expect(await onDisk(dir)).toMatchObject({ host: 'smtp.example.org', fromAddress: 'relais@example.org', password: 'secret', claim: null, doubled: sentTwice });
  });

  it('keeps the mail server saved at the instant the organiser dismisses the notice', async () => {
    const dir = await tempDir();
    await saveSendingClaim(dir, claim);
    await saveRoleLost(dir, () => sentTwice);
    await Promise.all([dismissDoubled(dir), saveMailSettings(dir, server)]);
    expect(await onDisk(dir)).toMatchObject({ host: 'smtp.example.org', password: 'secret', doubled: null });
  });

  it('reads the claim the notice spends as the queue hands it over, not as it stood when the notice was asked for', async () => {
    const dir = await tempDir();
    const newer = { ...claim, at: '2026-03-04T08:00:00.000Z' };
    // The newer claim is queued first: the loss is judged on it, and it is the claim spent.
    await Promise.all([saveSendingClaim(dir, newer), saveRoleLost(dir, (current) => (current?.at === newer.at ? sentTwice : null))]);
    expect(await onDisk(dir)).toMatchObject({ claim: null, doubled: sentTwice });
  });

  it('refuses a server without a From address and writes nothing', async () => {
    const dir = await tempDir();
    await expect(saveMailSettings(dir, { ...server, fromAddress: '' })).rejects.toMatchObject({ key: 'error.invalidInput', issues: [{ path: 'fromAddress' }] });
    await expect(stat(join(dir, MAIL_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes the next change after a write that failed, and the failed one changed nothing', async () => {
    const dir = await tempDir();
    await saveMailSettings(dir, server);
    disk.failNext = true;
    const [failed, saved] = await Promise.allSettled([saveSendingClaim(dir, claim), saveMailSettings(dir, { user: 'organiser' })]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { code: 'ENOSPC' } });
    expect(saved.status).toBe('fulfilled');
    const settings = await readMailSettings(dir);
    expect(settings).toMatchObject({ host: 'smtp.example.org', user: 'organiser', password: 'secret', claim: null });
  });
});
