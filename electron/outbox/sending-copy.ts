/**
 * Which organiser's copy sends the e-mails (issue 15). The outbox stays on each
 * copy (shared/sync/levels.ts): two organisers' copies both prepare the same
 * messages when ordering closes, and two with a mail server would both send
 * them. The relay, which every copy shares, names one copy: the first copy
 * that sets a mail server takes it, and the organiser can move it to another
 * ("send from this computer"). The copy taking over sends only what it
 * prepares (or is asked to send again) from then on: what it had prepared
 * before is the other copy's to send, and was most likely sent already.
 *
 * The outbox itself does not sync, so the new sending copy cannot tell which of
 * the messages it prepared before the move the old copy sent: sending them all
 * by itself would risk a second copy of each. It lists those still waiting for
 * a distribution to come (waitingFromBefore) and sends them only when the
 * organiser, who knows whether the old copy went away before sending, asks for
 * it ("Envoyer aussi les messages en attente").
 *
 * Two copies taking it while neither has synced would both send until they
 * sync; the relay's merge then keeps one of them everywhere. So a copy that
 * takes it sends only once a sync with the team folder has finished after its
 * claim and the claim is still the relay's (roleConfirmed): had another copy's
 * claim won the merge, the relay would name that copy. What remains possible
 * (README): two copies claiming in the same unsynced window, the first to sync
 * confirmed before the other's claim reaches the folder, both send from their
 * confirmations until the first syncs again. That is not left silent: the sync
 * that shows a copy another copy's claim lists, on that copy, what it sent after
 * that claim (sentAfterLoss), each message perhaps sent twice. A copy without a
 * team folder is alone: its claim stands at once.
 */
import { RELAY_ID } from '../store/entities';
import type { Store, Transaction } from '../store/store';
import type { OutboxMessage } from '../../shared/model/outbox';
import { DEFAULT_RELAY_SETTINGS, type RelaySettings } from '../../shared/model/relay';
import type { DoubledSending, SendingCopy } from '../../shared/outbox/views';
import { distributionStatus } from '../../shared/distributions/schedule';
import { readRelay } from '../services/relay';
import { readTimestamp } from '../../shared/sync/hlc';
import { stampOf } from '../../shared/sync/stamps';
import type { SendingClaim } from './mail-settings';

export function sendingCopy(source: Store | Transaction, deviceId: string): SendingCopy {
  const sender = readRelay(source).mailSender;
  if (sender === null) return 'none';
  return sender.device === deviceId ? 'here' : 'elsewhere';
}

function put(tx: Transaction, mailSender: RelaySettings['mailSender']): void {
  // The first write of the relay writes the whole record: the defaults in it are not news to other copies.
  const baseline = tx.get('relay', RELAY_ID) ? undefined : { ...DEFAULT_RELAY_SETTINGS, id: RELAY_ID };
  tx.put('relay', { ...readRelay(tx), mailSender, id: RELAY_ID }, { baseline });
}

/** What a copy wrote when it took the role: the relay's new mailSender. */
export type MailSender = NonNullable<RelaySettings['mailSender']>;

/** This copy sends from now on, unless one already does: what a copy does when it gets a mail server. `claimed`: the sender it wrote. */
export async function takeIfFree(store: Store, at: Date): Promise<{ copy: SendingCopy; claimed: MailSender | null }> {
  if (readRelay(store).mailSender !== null) return { copy: sendingCopy(store, store.deviceId), claimed: null };
  return store.transact((tx) => {
    if (readRelay(tx).mailSender !== null) return { copy: sendingCopy(tx, store.deviceId), claimed: null };
    const claimed = { device: store.deviceId, since: at.toISOString() };
    put(tx, claimed);
    return { copy: 'here' as const, claimed };
  });
}

/** This copy sends from now on, whichever did before (the organiser's choice). */
export async function takeOver(store: Store, at: Date): Promise<MailSender> {
  const claimed = { device: store.deviceId, since: at.toISOString() };
  await store.transact((tx) => put(tx, claimed));
  return claimed;
}

/**
 * Whether this copy, the sending one, may send: it is alone (`teamSyncedAt` undefined: no team folder), or a
 * team sync finished after the claim it wrote (`claim`, machine-local) and the relay still holds that claim.
 * A claim this copy has no record of (made before these records were kept) stands.
 */
export function roleConfirmed(sender: MailSender, claim: SendingClaim | null, teamSyncedAt: string | null | undefined): boolean {
  if (teamSyncedAt === undefined || claim === null || claim.device !== sender.device || claim.since !== sender.since) return true;
  return teamSyncedAt !== null && teamSyncedAt > claim.at;
}

/**
 * Whether this copy sends `message`: it is the sending copy, and prepared the message — or the organiser
 * put it back to send here ("Renvoyer") — since it became it. A message untouched since it was prepared
 * before then was the other copy's to send.
 */
export function sendsHere(store: Store, message: Pick<OutboxMessage, 'updatedAt'>): boolean {
  const sender = readRelay(store).mailSender;
  return sender !== null && sender.device === store.deviceId && message.updatedAt >= sender.since;
}

/**
 * Messages this copy, now the sending one, prepared before it became it and never tried: the old copy's to
 * send, and perhaps never sent (it went away first). Only for distributions still to come and messages
 * with an address: a confirmation after the pickup would only confuse.
 */
export function waitingFromBefore(source: Store | Transaction, deviceId: string, now: Date): OutboxMessage[] {
  const sender = readRelay(source).mailSender;
  if (sender === null || sender.device !== deviceId) return [];
  const { timeZone } = readRelay(source);
  return source.all('outboxMessage').filter((message) => {
    if (message.status !== 'prepared' || message.attempts > 0 || message.toEmail === '' || message.updatedAt >= sender.since) return false;
    const distribution = source.get('distribution', message.distributionId);
    const status = distribution && distributionStatus(distribution, now, timeZone);
    return status === 'open' || status === 'closed';
  });
}

/**
 * This copy held the sending role (`claim`, its machine-local record) and a sync now shows another copy's claim
 * holding it: the messages this copy sent from the moment of that claim may have been sent by the other copy too.
 * The moment is the relay.mailSender field's timestamp in the sync ledger, the other copy's clock when it wrote
 * it (its `since` may be the epoch: the first copy to send sends all it prepared). Null: no loss to look at.
 */
export function sentAfterLoss(store: Store, claim: SendingClaim | null): DoubledSending | null {
  const sender = readRelay(store).mailSender;
  if (claim === null || claim.device !== store.deviceId || sender === null || sender.device === store.deviceId) return null;
  const stamp = readTimestamp(stampOf(store.stampsOf('relay', RELAY_ID), 'mailSender'));
  // Without a readable timestamp, every message sent from here counts: better listed once too often than silently.
  const since = new Date(stamp?.millis ?? 0).toISOString();
  const messages = store
    .all('outboxMessage')
    // The outbox does not sync: every message sent in this store was sent from this copy.
    .filter((message) => message.status === 'sent' && message.sentAt !== null && message.sentAt >= since)
    .sort((a, b) => a.sentAt!.localeCompare(b.sentAt!))
    .map(({ id, toName, toEmail, subject, sentAt }) => ({ id, toName, toEmail, subject, sentAt: sentAt! }));
  return { by: sender.device, since, messages };
}
