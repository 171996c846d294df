/**
 * A producer's own account on the network's server staged in the outbox
 * (issue 16), as a member's link is (link-outbox.ts). The outbox keeps its
 * messages by distribution: the access goes with the next distribution still
 * to come (ordering open, coming or closed, not yet distributed), since a
 * producer's access is not tied to an ordering window. Staged once per
 * producer and distribution: asking again leaves the message as it is (sent
 * or waiting), so the outbox never sends it twice.
 */
import { UserError } from '../../shared/contract/errors';
import { distributionStatus } from '../../shared/distributions/schedule';
import type { Producer } from '../../shared/model/producer';
import type { OutboxStatus } from '../../shared/model/outbox';
import { producerAccessMessage } from '../../shared/shop/access-message';
import type { Store } from '../store/store';
import { messageId, record, relayOf } from '../outbox/prepare';

export async function stageProducerAccess(store: Store, producer: Producer, now: Date): Promise<{ prepared: boolean; status: OutboxStatus; pickupDate: string }> {
  // Without an address the message could only wait in the outbox for nobody: said at once instead.
  if (producer.email === '') throw new UserError('network.access.noEmail', { name: producer.name });
  return store.transact((tx) => {
    const relay = relayOf(tx);
    const [distribution] = tx
      .all('distribution')
      .filter((each) => !['cancelled', 'distributed'].includes(distributionStatus(each, now, relay.timeZone)))
      .sort((a, b) => a.pickupDate.localeCompare(b.pickupDate));
    if (!distribution) throw new UserError('network.access.noDistribution');
    const existing = tx.get('outboxMessage', messageId(distribution.id, 'producerAccess', producer.id));
    if (existing) return { prepared: false, status: existing.status, pickupDate: distribution.pickupDate };
    tx.put('outboxMessage', record(distribution.id, producerAccessMessage(relay, { id: producer.id, name: producer.name, email: producer.email }), now.toISOString()));
    return { prepared: true, status: 'prepared' as const, pickupDate: distribution.pickupDate };
  });
}
