import { describe, expect, it } from 'vitest';
import type { SyncReport, SyncStatus } from '../../shared/sync/status';
import { useRelayNetworks } from '../testing/relay-network';
import { call, refusal, type TestApp } from '../testing/service-calls';
import { generateKeyPairSync, sign } from 'node:crypto';
import { loadIdentity, type Identity } from '../sync/identity';
import { offersOf } from '../services/offers';
import { couchClient } from './couch-client';
import { signDocument, stockId, type ProducerCatalogue, type ProducerStock } from './network-documents';
import { publishProducer } from './network-publish';
import { readShopLink } from '../../renderer/shop/shop-link';
import { SHOP_DATABASE } from '../../shared/shop/documents';
import type { ShopSettingsView } from '../../shared/shop/settings';
import { shopAccountFile } from './shop-account';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const { tempDir, network } = useRelayNetworks();

const sync = (app: TestApp) => call<SyncReport>(app, 'sync.now', {});

/** A key that is not the producer's copy's: what someone else with the server's account could sign with. */
function strangerIdentity(): Identity {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64'),
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  };
}


const refusedOf = async (app: TestApp) => (await call<SyncStatus>(app, 'sync.status', {})).setAside.refused;

describe('a network of relays on one CouchDB', () => {
  it('a producer’s copy publishes its catalogue and stock; both relays take it in, each keeping its own stock', async () => {
    const net = await network();
    const { relayA, farm, relayB, tick } = net;
    tick();
    await call(relayA.app, 'products.update', { id: relayA.carrots.id, changes: { priceCents: 270 } });
    await sync(relayA.app);
    await sync(farm);
    tick();
    // The farm declares 12 kg of carrots for relay A's Friday, on its own copy; it reaches CouchDB only (no folder sync since).
    await call(farm, 'offers.set', { distributionId: relayA.distribution.id, productId: relayA.carrots.id, quantity: 12 });
    const published = await publishProducer(couchClient(net.settings), farm.workspace.store, net.farmA.id, await loadIdentity(farm.dataDir), farm.clock.now());
    expect(published).toMatchObject({ products: 1, distributions: 1 });

    const reportA = await sync(relayA.app);
    expect(reportA.network).toMatchObject({ ok: true, report: { role: 'organiser', producers: 1, offers: 1, refused: 0 } });
    expect(offersOf(relayA.app.workspace.store, relayA.distribution.id).find((offer) => offer.productId === relayA.carrots.id)?.quantity).toBe(12);

    // Relay B sets its own quantity for its Saturday; the farm's catalogue arrives, relay A's stock does not.
    const reportB = await sync(relayB);
    expect(reportB.network).toMatchObject({ ok: true, report: { role: 'organiser', products: 1, offers: 0, refused: 0 } });
    const carrotsB = relayB.workspace.store.get('product', relayA.carrots.id);
    expect(carrotsB).toMatchObject({ name: 'Carottes', priceCents: 270, producerId: net.farmB.id });
    tick();
    await call(relayB, 'offers.set', { distributionId: net.distributionB.id, productId: relayA.carrots.id, quantity: 5 });
    expect(offersOf(relayB.workspace.store, relayA.distribution.id)).toEqual([]);

    // A price change at relay A reaches relay B through the farm's copy; B's quantity stays B's.
    tick();
    await call(relayA.app, 'products.update', { id: relayA.carrots.id, changes: { priceCents: 290 } });
    await call(relayA.app, 'offers.set', { distributionId: relayA.distribution.id, productId: relayA.carrots.id, quantity: 15 });
    await sync(relayA.app);
    // The organiser's changes are later than what the farm published: they stand, not undone by the older publication.
    expect(relayA.app.workspace.store.get('product', relayA.carrots.id)?.priceCents).toBe(290);
    expect(offersOf(relayA.app.workspace.store, relayA.distribution.id).find((offer) => offer.productId === relayA.carrots.id)?.quantity).toBe(15);
    tick();
    expect((await sync(farm)).network).toMatchObject({ ok: true, report: { role: 'producer', networkId: net.networkId } });
    await sync(relayB);
    expect(relayB.workspace.store.get('product', relayA.carrots.id)?.priceCents).toBe(290);
    expect(offersOf(relayB.workspace.store, net.distributionB.id).map((offer) => offer.quantity)).toEqual([5]);
    // A sync with nothing new writes nothing.
    expect((await sync(relayB)).network).toMatchObject({ report: { products: 0, offers: 0 } });
  });

  it('refuses and lists a forged document: another key, a changed signed document, another producer’s product', async () => {
    const net = await network();
    const { relayA, farm, relayB, database, admin } = net;
    await sync(farm);
    await sync(relayB);
    // Later than anything the relays hold, as a forger would date it.
    net.tick();
    const at = net.farm.clock.now().toISOString();
    const catalogue = (await admin('GET', `${database}/catalogue`)) as unknown as ProducerCatalogue;
    const carrots = catalogue.products[0]!;
    const farmKey = await loadIdentity(farm.dataDir);

    // Signed by a key that is not the farm copy's, then the farm's own document with its price changed after signing.
    const stranger = signDocument<ProducerCatalogue>(strangerIdentity(), { _id: 'catalogue', type: 'catalogue', publishedAt: at, products: [{ ...carrots, priceCents: 1, updatedAt: at }] });
    expect(await admin('PUT', `${database}/catalogue`, { ...stranger, _rev: catalogue._rev })).toMatchObject({ ok: true });
    const byStranger = await sync(relayB);
    expect(byStranger.network).toMatchObject({ report: { products: 0, refused: 1 } });
    const rewritten = (await admin('GET', `${database}/catalogue`)) as unknown as ProducerCatalogue;
    const genuine = signDocument<ProducerCatalogue>(farmKey, { _id: 'catalogue', type: 'catalogue', publishedAt: at, products: [{ ...carrots, updatedAt: at }] });
    expect(await admin('PUT', `${database}/catalogue`, { ...genuine, products: [{ ...carrots, priceCents: 1, updatedAt: at }], _rev: rewritten._rev })).toMatchObject({ ok: true });
    // Signed by the farm's own key but naming the bakery's bread (at relay A, where the bread is the bakery's).
    const bread = signDocument<ProducerStock>(farmKey, { _id: stockId(relayA.distribution.id), type: 'stock', distributionId: relayA.distribution.id, publishedAt: at, offers: [{ productId: relayA.bread.id, quantity: 1, priceCents: null, withdrawn: false, updatedAt: at }] });
    const published = await admin('GET', `${database}/${encodeURIComponent(bread._id)}`);
    expect(await admin('PUT', `${database}/${encodeURIComponent(bread._id)}`, { ...bread, _rev: published._rev })).toMatchObject({ ok: true });

    await sync(relayB);
    await sync(relayA.app);
    expect(relayB.workspace.store.get('product', carrots.productId)?.priceCents).toBe(250);
    expect(offersOf(relayA.app.workspace.store, relayA.distribution.id).find((offer) => offer.productId === relayA.bread.id)?.quantity).toBeNull();
    expect((await refusedOf(relayB)).map((entry) => [entry.code, entry.file])).toEqual([['networkUnsigned', `${database}/catalogue`]]);
    expect(await refusedOf(relayA.app)).toContainEqual(expect.objectContaining({ code: 'networkNotOwn', file: `${database}/${bread._id}`, record: `offer ${relayA.distribution.id} ${relayA.bread.id}` }));
  });

  it('holds nothing personal: no member, order, phone, e-mail or amount in the producer’s database', async () => {
    const net = await network();
    await sync(net.farm);
    const everything = JSON.stringify(await net.admin('GET', `${net.database}/_all_docs?include_docs=true`));
    expect(everything).toContain('Carottes');
    for (const secret of ['Anne', '0470', 'example.org', 'ferme@', 'order', 'member']) expect(everything).not.toContain(secret);
  });

  it('a network id is 24 hex digits: anything else is refused on the producer and changes nothing', async () => {
    const net = await network();
    const error = await refusal(net.relayB, 'producers.update', { id: net.farmB.id, changes: { networkId: 'not-a-network-id' } });
    expect(error.issues?.[0]).toMatchObject({ key: 'validation.networkId' });
    expect(net.relayB.workspace.store.get('producer', net.farmB.id)?.networkId).toBe(net.networkId);
  });
});

describe('one shop per relay on a shared CouchDB', () => {
  it('each relay publishes to its own shop database and its members’ links open it; neither takes down the other’s distributions', async () => {
    const net = await network();
    const { relayA, relayB, admin } = net;
    const shopA = (await call<ShopSettingsView>(relayA.app, 'shop.settings', {})).database;
    const shopB = (await call<ShopSettingsView>(relayB, 'shop.settings', {})).database;
    expect(shopA).toMatch(/^cabas-shop-[0-9a-f]{16}$/);
    expect(shopB).not.toBe(shopA);
    await sync(relayA.app);
    await sync(relayB);
    const ids = async (database: string) => ((await admin('GET', `${database}/_all_docs`)).rows as { id: string }[]).map((row) => row.id).filter((id) => id.startsWith('distribution:'));
    expect(await ids(shopA)).toEqual([`distribution:${relayA.distribution.id}`]);
    expect(await ids(shopB)).not.toContain(`distribution:${relayA.distribution.id}`);
    const { link } = await call<{ link: string }>(relayA.app, 'shop.memberLink', { memberId: (await relayA.member('Paul Petit')).id });
    expect(readShopLink(link.split('#')[1]!)?.shop).toBe(shopA);
  });

  it('a relay set up before networks keeps its shop, and the links its members hold still open it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'shop-account.json'), JSON.stringify({ url: 'https://couch.example', username: 'admin', password: 'pw', pageUrl: 'https://shop.example/', linkKey: 'k', seal: 'plain' }));
    expect(await shopAccountFile(dir).read()).toMatchObject({ database: SHOP_DATABASE, linkKey: 'k' });
    expect(readShopLink('#couch=https%3A%2F%2Fcouch.example&member=m1&secret=s')?.shop).toBe(SHOP_DATABASE);
  });
});
