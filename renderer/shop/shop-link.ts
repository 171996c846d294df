/**
 * What the member's personal link carries after `#` (electron/shop/member-access.ts):
 * the CouchDB address, the member's id and secret. The fragment never reaches a server.
 */
import { memberUser, SHOP_DATABASE } from '../../shared/shop/documents';

export interface ShopLink {
  couch: string;
  memberId: string;
  username: string;
  secret: string;
  /** The relay's shop database; a link made before relay networks names none and opens the first shop's. */
  shop: string;
}

export function readShopLink(hash: string): ShopLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const couch = params.get('couch');
  const memberId = params.get('member');
  const secret = params.get('secret');
  if (!couch || !memberId || !secret) return null;
  return { couch: couch.replace(/\/+$/, ''), memberId, username: memberUser(memberId), secret, shop: params.get('shop') || SHOP_DATABASE };
}
