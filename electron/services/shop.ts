/**
 * Online ordering through the relay's CouchDB (issue 16): its settings, kept
 * on this machine (shop/shop-account.ts), the sync with it, and members'
 * personal links. Without settings every operation here says so and the
 * rest of Cabas works as before.
 */
import { randomBytes } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import type { ShopSettingsInput, ShopSettingsView, ShopSyncReport } from '../../shared/shop/settings';
import type { SyncReport } from '../../shared/sync/status';
import type { Store } from '../store/store';
import { couchClient } from '../shop/couch-client';
import { grantMemberAccess, memberLink, memberSecret, secureShop } from '../shop/member-access';
import type { ShopAccount, ShopAccountStore } from '../shop/shop-account';
import { syncShop } from '../shop/shop-sync';

function view(account: ShopAccount | null): ShopSettingsView {
  return account
    ? { configured: true, url: account.url, username: account.username, pageUrl: account.pageUrl, database: account.database }
    : { configured: false, url: '', username: '', pageUrl: '', database: '' };
}

export function shopService(store: () => Store, accounts: ShopAccountStore, now: () => Date) {
  const configured = async (): Promise<ShopAccount> => {
    const account = await accounts.read();
    if (!account) throw new UserError('shop.notConfigured');
    return account;
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
    /** Saved as typed, even offline; the link key stays unless the server changes (a new server, new links). */
    'shop.saveSettings': async (input: ShopSettingsInput) => {
      const before = await accounts.read();
      const same = before !== null && before.url === input.url;
      const linkKey = same ? before.linkKey : randomBytes(32).toString('base64url');
      // One shop per relay, so that several relays share a CouchDB (a network, issue 16); kept with the server, as the link key.
      const database = same ? before.database : `cabas-shop-${randomBytes(8).toString('hex')}`;
      const account: ShopAccount = { ...input, url: input.url.replace(/\/+$/, ''), linkKey, database };
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
    'shop.memberLink': async ({ memberId }: { memberId: string }) => {
      const account = await configured();
      const member = store().get('member', memberId);
      if (!member) throw new UserError('error.memberNotFound');
      if (member.archivedAt !== null) throw new UserError('error.memberArchived', { name: member.name });
      const client = couchClient(account);
      await secureShop(client, account.database);
      const secret = memberSecret(account.linkKey, member.id);
      await grantMemberAccess(client, member.id, secret);
      return { link: memberLink(account.pageUrl, account.url, member.id, secret, account.database) };
    },
  };
}
