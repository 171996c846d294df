import { describe, expect, it, vi } from 'vitest';
import type { Member } from '../../shared/model/member';
import { ORDERING_OPEN } from '../testing/pickup-day';
import { enrol } from '../testing/roster';
import { call, openApp, refusal } from '../testing/service-calls';
import { useShopDays, type ShopDay } from '../testing/shop-fixture';
import { useTempDirs } from '../testing/temp-dir';
import { KEYS_DATABASE, linkKeyDoc } from './link-key';
import type { ShopSettingsView } from '../../shared/shop/settings';

// The outbox's mail settings (machine-settings.ts) open electron-store, which loads the real 'electron'.
vi.mock('electron-store', () => import('../testing/fake-electron-store'));

const tempDir = useTempDirs();
const shopDay = useShopDays();

/** A second organiser laptop of the same relay: enrolled through the team folder, then set up with the same CouchDB. */
async function secondCopy(day: ShopDay) {
  const folder = await tempDir();
  const laptop = await openApp(await tempDir(), ORDERING_OPEN);
  for (const app of [day.app, laptop]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
  await enrol(day.app, [laptop]);
  await call(laptop, 'sync.now', {});
  await call(laptop, 'shop.saveSettings', { url: day.couch.url, username: day.couch.admin.username, password: day.couch.admin.password, pageUrl: 'http://127.0.0.1:5199/' });
  return laptop;
}

/** The relay's shop as a copy's Réglages show it. */
async function shopOf(app: Awaited<ReturnType<typeof openApp>>): Promise<string> {
  return (await call<ShopSettingsView>(app, 'shop.settings', {})).database;
}

/** Whether the member's link still opens their order database (what their phone does). */
async function opens(day: ShopDay, member: Member, secret: string): Promise<number> {
  const auth = Buffer.from(`cabas-${member.id.toLowerCase()}:${secret}`).toString('base64');
  return (await fetch(`${day.couch.url}/cabas-member-${member.id.toLowerCase()}/_all_docs`, { headers: { authorization: `Basic ${auth}` } })).status;
}

describe('one link key per relay, shared by its organiser copies through the server', () => {
  it('keeps a link made on the first laptop working after a second laptop, set up with the same server, gives out links', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.member('Anne Leroy');
    const page = await day.page(anne.id);
    const laptop = await secondCopy(day);

    const { link } = await call<{ link: string }>(laptop, 'shop.memberLink', { memberId: anne.id });
    await call(laptop, 'shop.mailMemberLink', { memberId: anne.id });
    expect(new URLSearchParams(link.split('#')[1]).get('secret')).toBe(page.secret);
    // One shop for the relay: the second laptop took the name the first gave it, and its links open that shop.
    expect(await shopOf(laptop)).toBe(await shopOf(day.app));
    expect(new URLSearchParams(link.split('#')[1]).get('shop')).toBe(await shopOf(day.app));
    expect(await opens(day, anne, page.secret)).toBe(200);
    await laptop.close();
  });

  it('keeps the key where only the server admin reads it: no member can', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.page((await day.member('Anne Leroy')).id);
    const keyDoc = linkKeyDoc(await shopOf(day.app));
    expect((await day.admin('GET', keyDoc)).status).toBe(200);
    for (const path of [keyDoc, `${KEYS_DATABASE}/_all_docs?include_docs=true`, `${KEYS_DATABASE}/_changes?include_docs=true`]) {
      expect([401, 403]).toContain((await anne.fetch('GET', path)).status);
    }
    expect([401, 403]).toContain((await anne.fetch('PUT', keyDoc, { key: 'mine' })).status);
  });

  it('refuses, and resets no member’s password, on a copy whose key is not the server’s; entering the server again takes the server’s', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.member('Anne Leroy');
    const page = await day.page(anne.id);
    // Another laptop's key reached the server first (both were set up before the key was kept there).
    const keyDoc = linkKeyDoc(await shopOf(day.app));
    const kept = (await day.admin('GET', keyDoc)).body as { _rev: string };
    expect((await day.admin('PUT', keyDoc, { ...kept, key: 'the-other-laptop-key' })).status).toBe(201);
    const otherSecret = 'unchanged-password';
    const user = (await day.admin('GET', `_users/org.couchdb.user:cabas-${anne.id.toLowerCase()}`)).body as Record<string, unknown>;
    await day.admin('PUT', `_users/org.couchdb.user:cabas-${anne.id.toLowerCase()}`, { ...user, password: otherSecret });

    expect(await refusal(day.app, 'shop.memberLink', { memberId: anne.id })).toMatchObject({ key: 'shop.linkKeyDiffers', params: { url: day.couch.url } });
    expect(await refusal(day.app, 'shop.mailMemberLink', { memberId: anne.id })).toMatchObject({ key: 'shop.linkKeyDiffers' });
    expect(await opens(day, anne, otherSecret)).toBe(200);
    expect(await opens(day, anne, page.secret)).toBe(401);

    await call(day.app, 'shop.forgetSettings', {});
    await call(day.app, 'shop.saveSettings', { url: day.couch.url, username: day.couch.admin.username, password: day.couch.admin.password, pageUrl: 'http://127.0.0.1:5199/' });
    const { link } = await call<{ link: string }>(day.app, 'shop.memberLink', { memberId: anne.id });
    const secret = new URLSearchParams(link.split('#')[1]).get('secret')!;
    expect(secret).not.toBe(page.secret);
    expect(await opens(day, anne, secret)).toBe(200);
  });
});
