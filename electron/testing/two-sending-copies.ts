/**
 * Two organisers' copies of one relay sharing a team folder, ordering open (issue 15): the start of the
 * tests about which copy sends the outbox's messages, made through the real services — the unit tests'
 * (electron/outbox/two-copies.test.ts) and the e2e's (e2e/doubled-sending.spec.ts), which then opens each
 * copy's folder in the browser host.
 */
import type { MailSettingsPatch } from '../../shared/outbox/mail-settings';
import type { TransportFactory } from '../outbox/transport';
import { dayWithOrders } from './outbox-day';
import { ORDERING_OPEN } from './pickup-day';
import { enrol } from './roster';
import { call, openApp, type TestApp } from './service-calls';

/** Where each copy keeps its data, and the team folder they sync through. */
export interface CopyFolders {
  a: string;
  b: string;
  team: string;
}

/** A second passes on both copies' clocks: what happens next happens after what came before. */
export function later(...apps: TestApp[]): void {
  for (const app of apps) app.clock.advance(1_000);
}

/** Each copy syncs, then the first again: each has what the other wrote. */
export async function syncBoth(a: TestApp, b: TestApp): Promise<void> {
  await call(a, 'sync.now', {});
  await call(b, 'sync.now', {});
  await call(a, 'sync.now', {});
}

/** Closes both copies when their set-up fails, so that no folder stays held by an app no test will close. */
async function closedOnFailure<T>(apps: TestApp[], setUp: () => Promise<T>): Promise<T> {
  try {
    return await setUp();
  } catch (error) {
    for (const app of apps) await app.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Copy A with the relay of the outbox tests (outbox-day.ts) and copy B, approved by A, both synced through
 * the team folder; no mail server yet. `transport` stands in for the mail server on both.
 */
export async function twoCopies(folders: CopyFolders, transport?: TransportFactory) {
  const { app: a, distribution } = await dayWithOrders(folders.a, transport);
  const b = await openApp(folders.b, ORDERING_OPEN, transport);
  return closedOnFailure([a, b], async () => {
    for (const app of [a, b]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folders.team });
    await enrol(a, [b]);
    await syncBoth(a, b);
    return { a, b, distribution };
  });
}

/**
 * Each copy gets the mail server `smtp` before hearing of the other's, so both claim the sending role while
 * offline, B a second after A: B's claim wins the merge.
 */
export async function bothClaimOffline(folders: CopyFolders, smtp: MailSettingsPatch, transport?: TransportFactory) {
  const copies = await twoCopies(folders, transport);
  const { a, b } = copies;
  return closedOnFailure([a, b], async () => {
    later(a, b);
    await call(a, 'mail.saveSettings', smtp);
    later(a, b);
    await call(b, 'mail.saveSettings', smtp);
    return copies;
  });
}
