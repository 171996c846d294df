/**
 * Two relays and a producer's own copy on one CouchDB (issue 16, relay networks): the start of
 * every network test. Relay A shares a folder with the farm's copy; relay B never did.
 */
import { afterEach } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Producer } from '../../shared/model/producer';
import { startCouchServer, type CouchServer } from './couch-server';
import { ORDERING_OPEN, pickupDay } from './pickup-day';
import { enrol } from './roster';
import { call, createProducer, openApp, type TestApp } from './service-calls';
import { useTempDirs } from './temp-dir';
import { producerDatabase } from '../shop/network-documents';

const sync = (app: TestApp) => call(app, 'sync.now', {});

/**
 * Relay A (Ferme du Bois's usual relay: a shared folder with the farm's own copy) and relay B
 * (never shared a folder with it), both with their shop on the same CouchDB.
 */
export async function relayNetwork(tempDir: () => Promise<string>, keep: (server: CouchServer) => void) {
  const couch = await startCouchServer();
  keep(couch);
  const settings = { url: couch.url, username: couch.admin.username, password: couch.admin.password, pageUrl: 'http://127.0.0.1:5199/' };
  const folder = await tempDir();

  const relayA = await pickupDay(await tempDir());
  const farmA = (await call<{ producer: Producer }>(relayA.app, 'producers.update', { id: relayA.carrots.producerId, changes: { email: 'ferme@example.org', phone: '0470 99 88 77' } })).producer;
  const anne = await relayA.member('Anne Leroy', { phone: '0470 12 34 56' });
  await relayA.order(anne, [{ product: relayA.carrots, quantity: 2 }]);
  await call(relayA.app, 'sync.saveSettings', { producersFolder: folder, autoSyncMinutes: 0 });

  const farm = await openApp(await tempDir(), ORDERING_OPEN);
  await call(farm, 'sync.saveSettings', { producersFolder: folder, role: 'producer', autoSyncMinutes: 0 });
  // The farm's copy takes the producer list from the folder, says which producer it is, and is approved.
  await sync(relayA.app);
  await sync(farm);
  await call(farm, 'sync.saveSettings', { producerId: farmA.id });
  await enrol(relayA.app, [farm]);
  await sync(farm);

  const relayB = await openApp(await tempDir(), ORDERING_OPEN);
  const farmB = await createProducer(relayB, 'Ferme du Bois');
  const distributionB = await call<DistributionView>(relayB, 'distributions.create', { pickupDate: '2026-03-07', pickupStart: '10:00', pickupEnd: '12:00' });

  for (const app of [relayA.app, farm, relayB]) await call(app, 'shop.saveSettings', settings);
  const { networkId } = await call<{ networkId: string }>(farm, 'network.identity', {});
  await call(relayA.app, 'producers.update', { id: farmA.id, changes: { networkId } });
  // Typed as the producer reads it out: grouped, in capitals.
  await call(relayB, 'producers.update', { id: farmB.id, changes: { networkId: networkId.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ') } });

  const database = producerDatabase(networkId);
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${couch.url}/${path}`, {
      method,
      headers: { authorization: `Basic ${Buffer.from(`${couch.admin.username}:${couch.admin.password}`).toString('base64')}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  /** A minute passes on every machine: each change is later than the one before, as on real clocks. */
  const tick = () => {
    for (const app of [relayA.app, farm, relayB]) app.clock.advance(60_000);
  };
  return { couch, settings, relayA, farm, farmA, relayB, farmB, distributionB, networkId, database, admin, tick };
}

/** Call once at the top of a test file: a maker of networks, their servers closed and folders removed after each test. */
export function useRelayNetworks() {
  const tempDir = useTempDirs();
  const servers: CouchServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return { tempDir, network: () => relayNetwork(tempDir, (server) => void servers.push(server)) };
}
