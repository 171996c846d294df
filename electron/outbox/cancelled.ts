/**
 * The whole distribution cancelled, and restored (issue 15). Who may have read
 * something about the day hears it is off; who has not yet (their confirmation
 * or order sheet still waiting, told.ts) gets it withdrawn instead — a member,
 * who placed the order, still hears it is off; a producer, who never saw the
 * sheet, hears nothing. Restored, whoever may have read that it was off hears
 * it is back, with their order or sheet as it stands; a notice that never left
 * is withdrawn, and the others follow the usual closing.
 */
import { distributionStatus } from '../../shared/distributions/schedule';
import type { Distribution } from '../../shared/model/distribution';
import { distributionCancelledMessage } from '../../shared/outbox/compose';
import type { Transaction } from '../store/store';
import { closingDrafts, messageId, outboxOf, prepareAsItStands, recipientOf, record, relayOf } from './prepare';
import { toldOf, withdrawAll } from './told';
import { CANCELLED, DISTRIBUTION_CANCELLED, fingerprint, recipientKey } from './updates';
import { readRelay } from '../services/relay';

type Kind = 'producerOrder' | 'memberConfirmation';

/**
 * The organiser cancels the whole distribution: each member with an order and each producer with
 * something ordered (or who may have read a closing message) hears there is nothing to pay and nothing
 * to deliver — whether ordering had closed or not. Marked as an update for whoever may have read a
 * closing message. Once per cancellation: cancelled again without a restore, nobody is told twice.
 */
export function prepareDistributionCancelled(tx: Transaction, distribution: Distribution, deviceId: string, now: Date): number {
  const relay = relayOf(tx);
  const { told, unsent } = toldOf(tx, deviceId, outboxOf(tx, distribution.id));
  const recipients = new Map<string, { kind: Kind; id: string; name: string; email: string }>();
  for (const { draft } of closingDrafts(tx, distribution)) {
    if (draft.kind === 'producerOrder' || draft.kind === 'memberConfirmation') recipients.set(recipientKey(draft), { kind: draft.kind, id: draft.recipientId, name: draft.toName, email: draft.toEmail });
  }
  // Whoever was last told their order no longer holds has already heard they have nothing to pay.
  for (const [key, before] of told) {
    if (recipients.has(key) || fingerprint(before) === CANCELLED || (before.kind !== 'producerOrder' && before.kind !== 'memberConfirmation')) continue;
    recipients.set(key, { kind: before.kind, ...recipientOf(tx, before) });
  }
  let count = 0;
  for (const key of new Set([...recipients.keys(), ...unsent.keys()])) {
    const waiting = unsent.get(key) ?? [];
    const notice = waiting.find((message) => fingerprint(message) === DISTRIBUTION_CANCELLED);
    const withdrawnNow = waiting.filter((message) => message !== notice);
    withdrawAll(tx, withdrawnNow, 'distributionCancelled', now);
    const before = told.get(key);
    const recipient = recipients.get(key);
    if (!recipient || notice || (before && fingerprint(before) === DISTRIBUTION_CANCELLED)) continue;
    // The order sheet never left: the producer knows of no order, and needs no word of its cancellation.
    if (recipient.kind === 'producerOrder' && !before && withdrawnNow.length > 0) continue;
    const update = before !== undefined && fingerprint(before) !== CANCELLED;
    const draft = distributionCancelledMessage(relay, distribution, recipient.kind, recipient, update);
    const first = `${recipient.id}/distribution-cancelled`;
    // A second cancellation after a restore is news again: its notice has its own id.
    const identity = tx.get('outboxMessage', messageId(distribution.id, recipient.kind, first)) ? `${first}/${distribution.cancelledAt}` : first;
    tx.put('outboxMessage', { ...record(distribution.id, draft, now.toISOString(), identity), fingerprint: DISTRIBUTION_CANCELLED });
    count += 1;
  }
  return count;
}

/**
 * The organiser restores a cancelled distribution (`cancelledAt`: when it had been cancelled). A notice
 * of the cancellation still waiting is withdrawn; whoever may have read one hears the day is back, with
 * their order or sheet as it stands. Ordering closed: the closing messages follow as usual for the others
 * (a confirmation withdrawn at the cancellation is written again); ordering open: they wait for the closing,
 * and the notices written now, dated before it, do not count as its messages.
 */
export async function prepareDistributionRestored(tx: Transaction, distribution: Distribution, deviceId: string, cancelledAt: string, now: Date): Promise<number> {
  const { unsent } = toldOf(tx, deviceId, outboxOf(tx, distribution.id));
  for (const waiting of unsent.values()) withdrawAll(tx, waiting.filter((message) => fingerprint(message) === DISTRIBUTION_CANCELLED), 'distributionRestored', now);
  const status = distributionStatus(distribution, now, readRelay(tx).timeZone);
  if (status !== 'open' && status !== 'closed') return 0;
  // Ordering closed: the usual closing for everyone, told as it stands (who read of the cancellation hears it is back).
  if (status === 'closed') return prepareAsItStands(tx, distribution, deviceId, now, `restored/${cancelledAt}`);
  return prepareAsItStands(tx, distribution, deviceId, now, `restored/${cancelledAt}`, { only: (before) => before !== undefined && fingerprint(before) === DISTRIBUTION_CANCELLED });
}
