/**
 * What the organiser does once for each new copy (issue 13): each copy syncs, so
 * its key and the role it asks for are in the folder; the organiser's copy syncs,
 * sees them waiting, and approves them (on screen, after comparing the codes).
 */
import { createBatch, serialiseBatch, signedText } from '../../shared/sync/envelope';
import type { ChangeRecord } from '../../shared/model/change';
import type { SyncStatus } from '../../shared/sync/status';
import { loadIdentity } from '../sync/identity';
import { call, type TestApp } from './service-calls';

export async function enrol(organiser: TestApp, copies: readonly TestApp[]): Promise<void> {
  // First, so that the organiser's copy is the one that keeps the roster.
  await call(organiser, 'sync.now', {});
  for (const copy of copies) await call(copy, 'sync.now', {});
  await call(organiser, 'sync.now', {});
  const { copies: seen } = await call<SyncStatus>(organiser, 'sync.status', {});
  for (const copy of copies) {
    const device = copy.workspace.store.deviceId;
    if (!seen.awaiting.some((waiting) => waiting.device === device)) throw new Error(`copy ${device} is not waiting for approval`);
    await call(organiser, 'sync.approveCopy', { device });
  }
}

/** A batch file as `app`'s copy writes it: signed with its key (what a hostile copy can do in its own directory). */
export async function signedAs(app: TestApp, seq: number, changes: ChangeRecord[], claimed = app.workspace.store.deviceId): Promise<string> {
  const identity = await loadIdentity(app.dataDir);
  const batch = createBatch(claimed, seq, changes);
  return serialiseBatch({ ...batch, signature: identity.sign(signedText(batch)) });
}
