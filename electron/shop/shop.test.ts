import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ListedOrder } from '../../shared/orders/views';
import type { ShopSyncReport } from '../../shared/shop/settings';
import { useShopDays } from '../testing/shop-fixture';
import { call, refusal } from '../testing/service-calls';
import { snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { SHOP_ACCOUNT_FILE, shopAccountFile } from './shop-account';

// machine-settings.ts (where Electron's seal lives) opens electron-store, which loads the real 'electron'.
vi.mock('electron-store', () => import('../testing/fake-electron-store'));

const tempDir = useTempDirs();
const shopDay = useShopDays();

describe('online ordering through the relay’s CouchDB', () => {
  it('publishes the products on sale with their remaining stock and slots, and nothing about members, orders or money', async () => {
    const day = await shopDay(await tempDir());
    await call(day.app, 'offers.set', { distributionId: day.distribution.id, productId: day.carrots.id, quantity: 10 });
    const anne = await day.member('Anne Leroy', { phone: '0470 12 34 56' });
    await call(day.app, 'members.update', { id: anne.id, changes: { email: 'anne@example.org', notes: 'allergique aux noix' } });
    await day.order(anne, [{ product: day.carrots, quantity: 3 }]);

    await call<ShopSyncReport>(day.app, 'shop.sync', {});
    const [shop, ...others] = await day.shopDocs();
    expect(others).toEqual([]);
    expect(shop!.products.map((product) => [product.name, product.producerName, product.unit, product.priceCents, product.remaining])).toEqual([
      ['Pain', 'Boulangerie Martin', 'piece', 380, null],
      ['Carottes', 'Ferme du Bois', 'kg', 250, 7],
    ]);
    const everything = JSON.stringify((await day.admin('GET', `${day.shopDatabase}/_all_docs?include_docs=true`)).body);
    for (const secret of ['Anne', '0470', 'anne@example.org', 'noix', anne.id]) expect(everything).not.toContain(secret);
    // The amount owed (3 × 2.50 €) as a value: random ids may hold the digits 750 (a flake once in about 30 runs).
    expect(everything).not.toMatch(/(?<![0-9a-f-])750(?![0-9a-f-])/);
  });

  it('gives each member a database no other member can read or write, and a shop they can read but not change', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.page((await day.member('Anne Leroy')).id);
    const paul = await day.page((await day.member('Paul Petit')).id);
    await call(day.app, 'shop.sync', {});
    expect(await anne.submit([{ productId: day.carrots.id, quantity: 2 }])).toBe(201);

    const annesOrder = `cabas-member-${anne.memberId}/_all_docs`;
    expect([401, 403]).toContain((await paul.fetch('GET', annesOrder)).status);
    expect([401, 403]).toContain((await paul.fetch('PUT', `cabas-member-${anne.memberId}/order:x`, { type: 'order' })).status);
    expect((await anne.fetch('GET', annesOrder)).status).toBe(200);
    expect((await paul.fetch('GET', `${day.shopDatabase}/_all_docs`)).status).toBe(200);
    expect([401, 403]).toContain((await paul.fetch('PUT', `${day.shopDatabase}/distribution:fake`, { type: 'distribution' })).status);
    // The member cannot write the status Cabas answers with, nor a quantity that is not a whole number.
    const order = await anne.order();
    expect((await anne.fetch('PUT', `cabas-member-${anne.memberId}/order:${day.distribution.id}`, { ...order, status: { state: 'accepted' } })).status).toBe(403);
    expect((await anne.fetch('PUT', `cabas-member-${anne.memberId}/order:${day.distribution.id}`, { ...order, lines: [{ productId: day.carrots.id, quantity: 1.5 }] })).status).toBe(403);
    // A wrong secret is refused.
    const outsider = await fetch(`${day.couch.url}/${annesOrder}`, { headers: { authorization: `Basic ${Buffer.from(`${anne.username}:wrong`).toString('base64')}` } });
    expect(outsider.status).toBe(401);
  });

  it('takes members’ orders in at the sync, first submitted first served: the stock is never oversold and the refused line is written back', async () => {
    const day = await shopDay(await tempDir());
    await call(day.app, 'offers.set', { distributionId: day.distribution.id, productId: day.carrots.id, quantity: 3 });
    const anne = await day.page((await day.member('Anne Leroy')).id);
    const paul = await day.page((await day.member('Paul Petit')).id);
    await call(day.app, 'shop.sync', {});
    // Paul saves his page a second after Anne; the relay sees both only at its next sync.
    await paul.submit([{ productId: day.carrots.id, quantity: 2 }, { productId: day.bread.id, quantity: 1 }], { submittedAt: '2026-03-04T09:00:01.000Z' });
    await anne.submit([{ productId: day.carrots.id, quantity: 2 }], { submittedAt: '2026-03-04T09:00:00.000Z' });
    expect((await anne.order()).status).toBeNull();

    const report = await call<ShopSyncReport>(day.app, 'shop.sync', {});
    expect(report).toMatchObject({ ordersTakenIn: 2, linesRefused: 1 });
    const orders = await call<ListedOrder[]>(day.app, 'orders.list', { distributionId: day.distribution.id });
    expect(orders.map((each) => [each.member.name, each.order.lines.map((line) => [line.productName, line.quantity])])).toEqual([
      ['Anne Leroy', [['Carottes', 2]]],
      ['Paul Petit', [['Pain', 1]]],
    ]);
    expect((await anne.order()).status).toMatchObject({ state: 'accepted', refused: [] });
    expect((await paul.order()).status).toMatchObject({
      state: 'partlyRefused',
      refused: [{ productId: day.carrots.id, productName: 'Carottes', wanted: 2, remaining: 1 }],
      lines: [{ productName: 'Pain', quantity: 1 }],
    });
    expect((await day.shopDocs())[0]!.products.find((product) => product.productId === day.carrots.id)!.remaining).toBe(1);

    // A second sync with nothing new changes nothing.
    expect(await call<ShopSyncReport>(day.app, 'shop.sync', {})).toMatchObject({ ordersTakenIn: 0 });
  });

  it('changes and cancels an order submitted before closing; a submission after closing is not taken', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.page((await day.member('Anne Leroy')).id);
    await anne.submit([{ productId: day.carrots.id, quantity: 2 }, { productId: day.bread.id, quantity: 1 }]);
    await call(day.app, 'shop.sync', {});
    const linesOf = async () =>
      (await call<ListedOrder[]>(day.app, 'orders.list', { distributionId: day.distribution.id, includeCancelled: true })).map((each) => [
        each.order.cancelledAt !== null, each.order.lines.map((line) => [line.productName, line.quantity]),
      ]);

    day.app.clock.advance(60_000);
    await anne.submit([{ productId: day.carrots.id, quantity: 1 }]);
    await call(day.app, 'shop.sync', {});
    expect(await linesOf()).toEqual([[false, [['Carottes', 1]]]]);

    day.app.clock.advance(60_000);
    await anne.submit([{ productId: day.carrots.id, quantity: 1 }], { cancelled: true });
    await call(day.app, 'shop.sync', {});
    expect(await linesOf()).toEqual([[true, [['Carottes', 1]]]]);
    expect((await anne.order()).status?.state).toBe('cancelled');

    // Thursday: ordering closed on Wednesday night. The page's late change is answered "closed" and changes nothing.
    day.app.clock.set(new Date('2026-03-05T10:00:00.000Z'));
    await anne.submit([{ productId: day.bread.id, quantity: 4 }]);
    await call(day.app, 'shop.sync', {});
    expect(await linesOf()).toEqual([[true, [['Carottes', 1]]]]);
    expect((await anne.order()).status?.state).toBe('closed');
  });

  it('is kept current by the app’s own sync, whose report says what the shop did; an unreachable shop does not fail the sync', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.page((await day.member('Anne Leroy')).id);
    await anne.submit([{ productId: day.bread.id, quantity: 2 }]);
    const report = await call<{ shop?: { ok: boolean; report?: ShopSyncReport } }>(day.app, 'sync.now', {});
    expect(report.shop).toMatchObject({ ok: true, report: { ordersTakenIn: 1, published: 1 } });
    expect((await anne.order()).status?.state).toBe('accepted');
    await day.couch.close();
    expect(await call(day.app, 'sync.now', {})).toMatchObject({ shop: { ok: false, error: { key: 'shop.offline' } } });
  });

  it('is synced by "Sync now" on a relay with no shared folder: no folder to sync, the shop still is', async () => {
    const day = await shopDay(await tempDir());
    expect(day.app.syncer.settings()).toMatchObject({ teamFolder: null, producersFolder: null });
    const anne = await day.page((await day.member('Anne Leroy')).id);
    await anne.submit([{ productId: day.bread.id, quantity: 2 }]);
    const report = await call<{ folders: unknown[]; shop?: { ok: boolean; report?: ShopSyncReport } }>(day.app, 'sync.now', {});
    expect(report.folders).toEqual([]);
    expect(report.shop).toMatchObject({ ok: true, report: { ordersTakenIn: 1 } });
    expect((await anne.order()).status?.state).toBe('accepted');
  });

  it('is synced by the timed sync too, on a relay with no shared folder', async () => {
    const day = await shopDay(await tempDir());
    expect(day.app.syncer.settings()).toMatchObject({ teamFolder: null, producersFolder: null });
    const anne = await day.page((await day.member('Anne Leroy')).id);
    await anne.submit([{ productId: day.bread.id, quantity: 2 }]);
    // What the timer runs every few minutes (its schedule: electron/sync/timed-sync.test.ts).
    await day.app.syncer.timedSync();
    expect((await anne.order()).status?.state).toBe('accepted');
    expect((await day.shopDocs())[0]!.publishedAt).toBe(day.app.clock.now().toISOString());
  });

  it('says the server cannot be reached, and changes nothing, when the relay is offline', async () => {
    const dataDir = await tempDir();
    const day = await shopDay(dataDir);
    const url = day.couch.url;
    await day.couch.close();
    await day.app.workspace.store.fold();
    const before = await snapshotFolder(dataDir);
    const error = await refusal(day.app, 'shop.sync', {});
    expect(error).toMatchObject({ key: 'shop.offline', params: { url } });
    await day.app.workspace.store.fold();
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('without settings, says online ordering is not set up; a bad address is refused', async () => {
    const day = await shopDay(await tempDir());
    await call(day.app, 'shop.forgetSettings', {});
    expect(await call(day.app, 'shop.settings', {})).toMatchObject({ configured: false });
    expect(await refusal(day.app, 'shop.sync', {})).toMatchObject({ key: 'shop.notConfigured' });
    const bad = await refusal(day.app, 'shop.saveSettings', { url: 'ftp://x', username: 'a', password: 'b', pageUrl: 'http://127.0.0.1/' });
    expect(bad.issues?.[0]).toMatchObject({ path: 'url', key: 'validation.httpUrl' });
  });
});

describe('the CouchDB account on this machine', () => {
  it('is kept in a file only its user can read, and the screen never gets the password back', async () => {
    const dir = await tempDir();
    const file = shopAccountFile(dir);
    await file.save({ url: 'https://couch.example', username: 'admin', password: 'pw', pageUrl: 'https://shop.example/', linkKey: 'k', granted: [], database: 'cabas-shop-1' });
    expect((await stat(join(dir, SHOP_ACCOUNT_FILE))).mode & 0o777).toBe(0o600);
    expect(await file.read()).toMatchObject({ password: 'pw', linkKey: 'k' });
    await file.save(null);
    expect(await file.read()).toBeNull();
  });
});

describe('the account in Electron', () => {
  it('keeps the password sealed by safeStorage, never as typed', async () => {
    const { safeStorageSeal } = await import('../machine-settings');
    const dir = await tempDir();
    await shopAccountFile(dir, safeStorageSeal()).save({ url: 'https://couch.example', username: 'admin', password: 'pw-in-clear', pageUrl: 'https://shop.example/', linkKey: 'key-in-clear', granted: [], database: 'cabas-shop-1', networkKey: 'network-key-in-clear' });
    const text = await readFile(join(dir, SHOP_ACCOUNT_FILE), 'utf8');
    expect(text).not.toContain('pw-in-clear');
    expect(text).not.toContain('key-in-clear');
    // The network's key too: producers' passwords derive from it (producer-access.ts).
    expect(text).not.toContain('network-key-in-clear');
    expect(await shopAccountFile(dir, safeStorageSeal()).read()).toMatchObject({ password: 'pw-in-clear', networkKey: 'network-key-in-clear' });
    // A file sealed by the keychain is not read as plain text by another means.
    expect(await shopAccountFile(dir).read()).toBeNull();
  });
});
