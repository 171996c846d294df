/**
 * A member's personal link staged in the outbox (issue 16). The outbox keeps
 * its messages by distribution: the link goes with the distribution open for
 * ordering (the earliest pickup), which is the one the member will order in.
 * Staged once per member and distribution: asking again leaves the message
 * as it is (sent or waiting), so the outbox never sends it twice.
 */
import { UserError } from '../../shared/contract/errors';
import { distributionStatus } from '../../shared/distributions/schedule';
import type { Member } from '../../shared/model/member';
import type { OutboxStatus } from '../../shared/model/outbox';
import { memberLinkMessage } from '../../shared/shop/link-message';
import type { Store } from '../store/store';
import { messageId, record } from '../outbox/prepare';
import { readRelay } from '../services/relay';

export async function stageMemberLink(store: Store, member: Member, now: Date): Promise<{ prepared: boolean; status: OutboxStatus; pickupDate: string }> {
  return store.transact((tx) => {
    const relay = readRelay(tx);
    const [distribution] = tx
      .all('distribution')
      .filter((each) => distributionStatus(each, now, relay.timeZone) === 'open')
      .sort((a, b) => a.pickupDate.localeCompare(b.pickupDate));
    if (!distribution) throw new UserError('shop.linkNoDistribution');
    const existing = tx.get('outboxMessage', messageId(distribution.id, 'memberLink', member.id));
    if (existing) return { prepared: false, status: existing.status, pickupDate: distribution.pickupDate };
    const draft = memberLinkMessage(
      { name: relay.name, language: relay.language, timeZone: relay.timeZone, currency: relay.currency },
      distribution,
      { id: member.id, name: member.name, email: member.email },
    );
    tx.put('outboxMessage', record(distribution.id, draft, now.toISOString()));
    return { prepared: true, status: 'prepared' as const, pickupDate: distribution.pickupDate };
  });
}
