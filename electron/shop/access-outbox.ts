/**
 * A producer's own account on the network's server staged in the outbox (issue 16), once per producer and
 * distribution (stage-once.ts), as a member's link is (link-outbox.ts). It goes with the next distribution still to
 * come (ordering open, coming or closed, not yet distributed), since a producer's access is not tied to an ordering
 * window.
 */
import { UserError } from '../../shared/contract/errors';
import type { Producer } from '../../shared/model/producer';
import { producerAccessMessage } from '../../shared/shop/access-message';
import { stageOnce, type StagedOnce } from '../outbox/stage-once';
import type { Store } from '../store/store';

export async function stageProducerAccess(store: Store, producer: Producer, now: Date): Promise<StagedOnce> {
  // Without an address the message could only wait in the outbox for nobody: said at once instead.
  if (producer.email === '') throw new UserError('network.access.noEmail', { name: producer.name });
  const recipient = { id: producer.id, name: producer.name, email: producer.email };
  return stageOnce(
    store,
    {
      kind: 'producerAccess',
      recipient,
      goesWith: (status) => status !== 'cancelled' && status !== 'distributed',
      noDistribution: 'network.access.noDistribution',
      compose: (relay) => producerAccessMessage(relay, recipient),
    },
    now,
  );
}
