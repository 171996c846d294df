import { describe, expect, it } from 'vitest';
import type { Producer } from '../../shared/model/producer';
import type { ProducerAccess } from '../../shared/shop/network';
import type { SyncReport } from '../../shared/sync/status';
import { useRelayNetworks } from '../testing/relay-network';
import { call, createProducer, refusal, type TestApp } from '../testing/service-calls';
import { offersOf } from '../services/offers';
import { NETWORK_DATABASE, PRODUCER_ROLE } from './network-calendar';
import { producerDatabase } from './network-documents';

const { network } = useRelayNetworks();

const sync = (app: TestApp) => call<SyncReport>(app, 'sync.now', {});

/** A request as a producer's account makes it: its status is what CouchDB allowed. */
async function as(access: ProducerAccess, method: string, path: string, body?: unknown): Promise<number> {
  const response = await fetch(`${access.url}/${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${access.username}:${access.password}`).toString('base64')}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await response.text();
  return response.status;
}

describe('a producer’s own account on the network’s CouchDB', () => {
  it('the farm’s copy publishes with its own account, the same whichever relay made it', async () => {
    const net = await network();
    const { relayA, farm, relayB, distributionB, tick } = net;
    const access = await call<ProducerAccess>(relayB, 'network.grantProducer', { producerId: net.farmB.id });
    expect(access).toMatchObject({ url: net.couch.url, username: `cabas-producer-${net.networkId}` });
    expect(access.password).not.toBe(net.couch.admin.password);
    // A second relay's grant gives the same password: it never locks the farm's copy out.
    expect(await call<ProducerAccess>(relayA.app, 'network.grantProducer', { producerId: net.farmA.id })).toEqual(access);

    await call(farm, 'shop.saveSettings', { url: access.url, username: access.username, password: access.password, pageUrl: access.url });
    expect((await sync(farm)).network).toMatchObject({ ok: true, report: { role: 'producer', products: 1 } });
    await sync(relayB);
    await sync(farm);
    tick();
    await call(farm, 'network.declareStock', { distributionId: distributionB.id, productId: relayA.carrots.id, quantity: 4 });
    tick();
    expect((await sync(farm)).network).toMatchObject({ ok: true });
    await sync(relayB);
    expect(offersOf(relayB.workspace.store, distributionB.id).find((offer) => offer.productId === relayA.carrots.id)?.quantity).toBe(4);
  });

  it('producer B can neither write nor read producer A’s database, nor write the calendar; it writes its own', async () => {
    const net = await network();
    const { relayB } = net;
    const bakery = await createProducer(relayB, 'Boulangerie Lenoir');
    await call<{ producer: Producer }>(relayB, 'producers.update', { id: bakery.id, changes: { networkId: 'abcdef0123456789abcdef01' } });
    const accessA = await call<ProducerAccess>(relayB, 'network.grantProducer', { producerId: net.farmB.id });
    const accessB = await call<ProducerAccess>(relayB, 'network.grantProducer', { producerId: bakery.id });
    await sync(relayB);

    const forged = { type: 'catalogue', products: [] };
    expect(await as(accessB, 'PUT', `${producerDatabase(net.networkId)}/catalogue`, forged)).toBeOneOf([401, 403]);
    expect(await as(accessB, 'GET', `${producerDatabase(net.networkId)}/_all_docs`)).toBeOneOf([401, 403]);
    expect(await as(accessB, 'PUT', `${NETWORK_DATABASE}/distribution:forged`, { type: 'distribution' })).toBeOneOf([401, 403]);
    expect(await as(accessB, 'PUT', `${producerDatabase('abcdef0123456789abcdef01')}/catalogue`, forged)).toBe(201);
    expect(await as(accessA, 'GET', `${NETWORK_DATABASE}/_all_docs`)).toBe(200);
    // Even let in by `_security` (every producer's role added by hand), B's write is refused by the validate function.
    await net.admin('PUT', `${producerDatabase(net.networkId)}/_security`, { admins: { names: [], roles: [] }, members: { names: [accessA.username], roles: [PRODUCER_ROLE] } });
    expect(await as(accessB, 'GET', `${producerDatabase(net.networkId)}/_all_docs`)).toBe(200);
    expect(await as(accessB, 'PUT', `${producerDatabase(net.networkId)}/catalogue`, forged)).toBe(403);
    expect(await as(accessA, 'PUT', `${producerDatabase(net.networkId)}/catalogue`, forged)).toBe(201);
  });

  it('is refused for a producer without a network id, and on a copy without the server', async () => {
    const net = await network();
    const plain = await createProducer(net.relayB, 'Miellerie');
    expect((await refusal(net.relayB, 'network.grantProducer', { producerId: plain.id })).key).toBe('network.noNetworkId');
    await call(net.relayB, 'shop.forgetSettings', {});
    expect((await refusal(net.relayB, 'network.grantProducer', { producerId: net.farmB.id })).key).toBe('shop.notConfigured');
  });
});
