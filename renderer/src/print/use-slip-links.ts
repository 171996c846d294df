/**
 * The members' personal ordering links for the bag slips (issue 16), when
 * the relay takes online orders: read once with the sheet. Null until read;
 * a refusal prints the slips without codes rather than not at all.
 */
import { useEffect, useState } from 'react';
import { call } from '../client';

export function useSlipLinks(distributionId: string): ReadonlyMap<string, string> | null {
  const [links, setLinks] = useState<ReadonlyMap<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    void call('shop.slipLinks', { distributionId }).then((outcome) => {
      if (live) setLinks(new Map(outcome.ok ? outcome.value.links.map(({ memberId, link }) => [memberId, link]) : []));
    });
    return () => {
      live = false;
    };
  }, [distributionId]);
  return links;
}
