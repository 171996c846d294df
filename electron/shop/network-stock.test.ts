import { describe, expect, it } from 'vitest';
import type { NetworkStockList } from '../../shared/shop/network';
import type { SyncReport } from '../../shared/sync/status';
import { useRelayNetworks } from '../testing/relay-network';
import { call, refusal, type TestApp } from '../testing/service-calls';
import { offersOf } from '../services/offers';
import { NETWORK_DATABASE } from './network-calendar';

const { network } = useRelayNetworks();

const sync = (app: TestApp) => call<SyncReport>(app, 'sync.now', {});
const quantityAt = (app: TestApp, distributionId: string, productId: string) => offersOf(app.workspace.store, distributionId).find((offer) => offer.productId === productId)?.quantity;

describe('a producer declares stock to every relay of the network', () => {
  it('lists relay B’s distribution on the farm’s copy; the quantity declared there reaches relay B only', async () => {
    const net = await network();
    const { relayA, farm, relayB, distributionB, tick } = net;
    await call(relayB, 'relay.update', { name: 'Relais de Namur' });
    // The farm publishes its catalogue; relay B takes it in and publishes its calendar; the farm reads it.
    await sync(farm);
    await sync(relayB);
    await sync(relayA.app);
    await sync(farm);

    const list = await call<NetworkStockList>(farm, 'network.stock', {});
    // Relay A's Friday is the farm's own relay's: declared on its stock screen, not listed twice.
    expect(list.distributions.map((each) => [each.relayName, each.pickupDate])).toEqual([['Relais de Namur', '2026-03-07']]);
    expect(list.products.map((product) => product.name)).toEqual(['Carottes']);

    tick();
    const declared = await call<NetworkStockList>(farm, 'network.declareStock', { distributionId: distributionB.id, productId: relayA.carrots.id, quantity: 7 });
    expect(declared.distributions[0]!.offers).toEqual([{ productId: relayA.carrots.id, quantity: 7 }]);
    tick();
    await sync(farm);
    const before = quantityAt(relayA.app, relayA.distribution.id, relayA.carrots.id);
    expect((await sync(relayB)).network).toMatchObject({ ok: true, report: { offers: 1, refused: 0 } });
    expect(quantityAt(relayB, distributionB.id, relayA.carrots.id)).toBe(7);
    expect((await sync(relayA.app)).network).toMatchObject({ ok: true, report: { offers: 0, refused: 0 } });
    expect(quantityAt(relayA.app, relayA.distribution.id, relayA.carrots.id)).toBe(before);
    expect(offersOf(relayA.app.workspace.store, distributionB.id)).toEqual([]);

    // Left empty afterwards: not offered at relay B any more.
    tick();
    await call(farm, 'network.declareStock', { distributionId: distributionB.id, productId: relayA.carrots.id, quantity: null });
    tick();
    await sync(farm);
    await sync(relayB);
    expect(offersOf(relayB.workspace.store, distributionB.id).find((offer) => offer.productId === relayA.carrots.id)?.withdrawnAt).not.toBeNull();
  });

  it('refuses what is not the farm’s to declare there, and changes nothing', async () => {
    const net = await network();
    const { relayA, farm, relayB, distributionB } = net;
    await sync(farm);
    await sync(relayB);
    await sync(farm);
    const before = await call<NetworkStockList>(farm, 'network.stock', {});
    const declare = (payload: Record<string, unknown>) => refusal(farm, 'network.declareStock', { distributionId: distributionB.id, productId: relayA.carrots.id, quantity: 3, ...payload });
    expect((await declare({ productId: relayA.bread.id })).key).toBe('network.notOwnProduct');
    expect((await declare({ distributionId: relayA.distribution.id })).key).toBe('network.unknownDistribution');
    expect((await declare({ quantity: -2 })).issues?.[0]).toMatchObject({ path: 'quantity', key: 'validation.notNegative' });
    // An organiser's copy has no such list.
    expect((await refusal(relayB, 'network.stock', {})).key).toBe('network.notProducerCopy');
    expect(await call<NetworkStockList>(farm, 'network.stock', {})).toEqual(before);
  });

  it('the calendar tells producers the relay, the day and the closing, nothing about members', async () => {
    const net = await network();
    await sync(net.relayA.app);
    const calendar = JSON.stringify(await net.admin('GET', `${NETWORK_DATABASE}/_all_docs?include_docs=true`));
    expect(calendar).toContain(net.relayA.distribution.id);
    for (const secret of ['Anne', '0470', 'example.org', 'order', 'member', 'Cents']) expect(calendar).not.toContain(secret);
  });
});
