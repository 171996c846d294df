/**
 * A message staged in the outbox once per recipient and distribution, outside a closing: a member's personal link
 * (electron/shop/link-outbox.ts), a producer's own access (electron/shop/access-outbox.ts). The outbox keeps its
 * messages by distribution, so the message goes with the earliest distribution whose status the caller accepts.
 * Asking again leaves the message as it is (sent or waiting): the outbox never sends it twice.
 */
import { UserError } from '../../shared/contract/errors';
import { distributionStatus } from '../../shared/distributions/schedule';
import type { MessageKey } from '../../shared/i18n/messages';
import type { Distribution, DistributionStatus } from '../../shared/model/distribution';
import type { MessageDraft, OutboxKind, OutboxStatus } from '../../shared/model/outbox';
import type { MessageRelay, Recipient } from '../../shared/outbox/compose';
import type { Store } from '../store/store';
import { messageId, record, relayOf } from './prepare';

export interface StagedOnce {
  /** False when the message was already in the outbox: then `status` is where it stands. */
  prepared: boolean;
  status: OutboxStatus;
  /** The pickup day of the distribution the message goes with. */
  pickupDate: string;
}

export interface OnceMessage {
  kind: OutboxKind;
  recipient: Recipient;
  /** The distributions the message may go with, by their status now. */
  goesWith: (status: DistributionStatus) => boolean;
  /** Said when no distribution will take it. */
  noDistribution: MessageKey;
  compose: (relay: MessageRelay, distribution: Distribution) => MessageDraft;
}

export async function stageOnce(store: Store, message: OnceMessage, now: Date): Promise<StagedOnce> {
  return store.transact((tx) => {
    const relay = relayOf(tx);
    const [distribution] = tx
      .all('distribution')
      .filter((each) => message.goesWith(distributionStatus(each, now, relay.timeZone)))
      .sort((a, b) => a.pickupDate.localeCompare(b.pickupDate));
    if (!distribution) throw new UserError(message.noDistribution);
    const existing = tx.get('outboxMessage', messageId(distribution.id, message.kind, message.recipient.id));
    if (existing) return { prepared: false, status: existing.status, pickupDate: distribution.pickupDate };
    tx.put('outboxMessage', record(distribution.id, message.compose(relay, distribution), now.toISOString()));
    return { prepared: true, status: 'prepared' as const, pickupDate: distribution.pickupDate };
  });
}
