/**
 * A member's personal link staged in the outbox (issue 16), once per member and distribution (stage-once.ts). It
 * goes with the distribution open for ordering (the earliest pickup), which is the one the member will order in.
 */
import type { Member } from '../../shared/model/member';
import { memberLinkMessage } from '../../shared/shop/link-message';
import { stageOnce, type StagedOnce } from '../outbox/stage-once';
import type { Store } from '../store/store';

export async function stageMemberLink(store: Store, member: Member, now: Date): Promise<StagedOnce> {
  const recipient = { id: member.id, name: member.name, email: member.email };
  return stageOnce(
    store,
    {
      kind: 'memberLink',
      recipient,
      goesWith: (status) => status === 'open',
      noDistribution: 'shop.linkNoDistribution',
      compose: (relay, distribution) => memberLinkMessage(relay, distribution, recipient),
    },
    now,
  );
}
