/**
 * Online ordering through the relay's CouchDB (issue 16): its settings, kept
 * on this machine (shop/shop-account.ts), the sync with it, and members'
 * personal links. Without settings every operation here says so and the
 * rest of Cabas works as before.
 */
import { UserError } from '../../shared/contract/errors';
import type { ShopSettingsInput, ShopSettingsView, ShopSyncReport } from '../../shared/shop/settings';
import type { SyncReport } from '../../shared/sync/status';
import type { Store } from '../store/store';
import { existingDistribution } from './distributions';
import { ordersOf } from './ordered';
import { couchClient } from '../shop/couch-client';
import { agreedLinkKey } from '../shop/link-key';
import { grantMemberAccess, memberLink, memberSecret, secureShop } from '../shop/member-access';
import type { ShopAccount, ShopAccountStore } from '../shop/shop-account';
import { syncShop } from '../shop/shop-sync';
import { stageMemberLink } from '../shop/link-outbox';
import { nameRelayShop, newShopName, relayShopName } from '../shop/shop-name';

function view(account: ShopAccount | null): ShopSettingsView {
  return account
    ? { configured: true, url: account.url, username: account.username, pageUrl: account.pageUrl, database: account.database }
    : { configured: false, url: '', username: '', pageUrl: '', database: '' };
}

/** `mayName`: whether this copy may name the relay's shop (an organiser's; a producer's copy never writes the relay). */
export function shopService(store: () => Store, accounts: ShopAccountStore, now: () => Date, mayName: () => boolean = () => true) {
  const configured = async (): Promise<ShopAccount> => {
    const account = await accounts.read();
    if (!account) throw new UserError('shop.notConfigured');
    return account;
  };
  // Through the account file's queue: a producer access kept at the same moment (network-sync.ts) must stay too.
  const remember = (memberId: string, url: string, linkKey: string) =>
    accounts.update((account) => {
      // Settings changed to another server meanwhile: what was agreed with the old one does not apply.
      if (!account || account.url !== url) return undefined;
      if (account.linkKey === linkKey && account.granted.includes(memberId)) return undefined;
      return { ...account, linkKey, granted: account.granted.includes(memberId) ? account.granted : [...account.granted, memberId] };
    });
  // Grants one after the other: two at once would both rewrite the shop's design document, and one would get a 409.
  let granting: Promise<unknown> = Promise.resolve();
  const grant = (memberId: string) => {
    const next = granting.then(() => grantNow(memberId));
    granting = next.catch(() => undefined);
    return next;
  };
  /** Creates (or renews) the member's access on the server; the link is the same each time (member-access.ts). */
  const grantNow = async (memberId: string) => {
    const account = await configured();
    const member = store().get('member', memberId);
    if (!member) throw new UserError('error.memberNotFound');
    if (member.archivedAt !== null) throw new UserError('error.memberArchived', { name: member.name });
    const client = couchClient(account);
    // The server's key, never one of this machine's own making: another organiser copy's links must keep working (link-key.ts).
    const linkKey = await agreedLinkKey(client, account.database, account.linkKey);
    await secureShop(client, account.database);
    const secret = memberSecret(linkKey, member.id);
    await grantMemberAccess(client, member.id, secret);
    await remember(member.id, account.url, linkKey);
    return { member, link: memberLink(account.pageUrl, account.url, member.id, secret, account.database) };
  };
  // One sync at a time: a second click waits for the first instead of taking the same orders in twice.
  let running: Promise<ShopSyncReport> | null = null;
  const sync = async () => {
    const account = await configured();
    running ??= syncShop(couchClient(account), store(), now(), account.database).finally(() => (running = null));
    return running;
  };
  return {
    'shop.settings': async () => view(await accounts.read()),
    /**
     * Saved as typed, even offline. The link key stays while the server does; with a new server it is
     * left empty, and taken from the server (or made there) at the first link (link-key.ts).
     */
    'shop.saveSettings': async (input: ShopSettingsInput) => {
      const before = await accounts.read();
      const url = input.url.replace(/\/+$/, '');
      const same = before !== null && before.url === url;
      const linkKey = same ? before.linkKey : '';
      // One shop per relay, so that several relays share a CouchDB (a network, issue 16); the relay's name when another
      // organiser's copy gave it one, so that both laptops publish to one shop (shop-name.ts).
      const proposed = relayShopName(store()) ?? (same ? before.database : newShopName());
      const database = mayName() ? await nameRelayShop(store(), proposed) : proposed;
      const account: ShopAccount = { ...input, url, linkKey, database, granted: same ? before.granted : [], ...(same && before.networkKey !== undefined && { networkKey: before.networkKey }) };
      await accounts.save(account);
      return view(account);
    },
    'shop.forgetSettings': async () => {
      await accounts.save(null);
      return view(null);
    },
    'shop.sync': sync,
    /** After each sync of the folders: the shop too, when this machine has the account; its refusal is reported, not thrown. */
    syncIfConfigured: async (): Promise<SyncReport['shop']> => {
      if (!(await accounts.read())) return undefined;
      try {
        return { ok: true, report: await sync() };
      } catch (error) {
        if (error instanceof UserError) return { ok: false, error: error.toAppError() };
        throw error;
      }
    },
    /** Creates (or renews) the member's access and returns the personal link; needs the server. */
    'shop.memberLink': async ({ memberId }: { memberId: string }) => ({ link: (await grant(memberId)).link }),
    /** The link by e-mail: the access created, then a message staged in the outbox (its link filled in only as it leaves). */
    'shop.mailMemberLink': async ({ memberId }: { memberId: string }) => {
      const { member } = await grant(memberId);
      return stageMemberLink(store(), member, now());
    },
    /** The links to print as QR codes on the bag slips: members with an order whose access this machine created. */
    'shop.slipLinks': async ({ distributionId }: { distributionId: string }) => {
      // An unknown distribution is refused like in every change, not answered with no links.
      existingDistribution(store(), distributionId);
      const account = await accounts.read();
      if (!account) return { links: [] };
      const granted = new Set(account.granted);
      const members = new Set(ordersOf(store(), distributionId).filter((order) => order.memberId !== null && order.cancelledAt === null).map((order) => order.memberId!));
      const links = [...members]
        .filter((memberId) => granted.has(memberId))
        .map((memberId) => ({ memberId, link: memberLink(account.pageUrl, account.url, memberId, memberSecret(account.linkKey, memberId), account.database) }));
      return { links };
    },
  };
}
