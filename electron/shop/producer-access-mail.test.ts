import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { ProducerAccess } from '../../shared/shop/network';
import { useRelayNetworks } from '../testing/relay-network';
import { call, refusal, type TestApp } from '../testing/service-calls';
import { snapshotFolder } from '../testing/temp-dir';

const { network } = useRelayNetworks();

/** The `.eml` files of one kind written for the distribution of `pickupDate`. */
async function emlFiles(app: TestApp, pickupDate: string, kind: string): Promise<string[]> {
  const folder = join(app.dataDir, 'messages', pickupDate);
  return (await readdir(folder)).filter((name) => name.startsWith(`${kind}-`)).map((name) => join(folder, name));
}

describe('a producer’s own account on the network’s server, delivered', () => {
  it('goes out through the outbox as an e-mail holding the account, while the relay’s data never hold its password', async () => {
    const net = await network();
    const { relayB, farmB } = net;
    await call(relayB, 'producers.update', { id: farmB.id, changes: { email: 'ferme.du.bois@example.org' } });

    expect(await call(relayB, 'network.mailProducerAccess', { producerId: farmB.id })).toMatchObject({ prepared: true, status: 'prepared', pickupDate: '2026-03-07' });
    await relayB.outbox.sweep();
    const access = await call<ProducerAccess>(relayB, 'network.grantProducer', { producerId: farmB.id });
    const [file, ...others] = await emlFiles(relayB, '2026-03-07', 'producerAccess');
    expect(others).toEqual([]);
    const mail = await simpleParser(await readFile(file!));
    expect(mail.to).toMatchObject({ value: [{ address: 'ferme.du.bois@example.org', name: 'Ferme du Bois' }] });
    // The subject's accented letters come through the header's UTF-8 encoding.
    expect(mail.subject).toMatch(/^Votre accès au serveur du réseau/);
    expect(mail.text).toContain(`Serveur : ${access.url}`);
    expect(mail.text).toContain(`Compte : ${access.username}`);
    expect(mail.text).toContain(`Mot de passe : ${access.password}`);

    // The outbox's record holds placeholders; no data file holds the account's name or password.
    await relayB.workspace.store.fold();
    const files = Object.entries(await snapshotFolder(relayB.dataDir)).filter(([path]) => !path.startsWith('messages/'));
    expect(files.some(([path, text]) => path.startsWith('outbox/') && text.includes('[[cabas:producer-password]]'))).toBe(true);
    for (const [path, text] of files) {
      expect(text, path).not.toContain(access.password);
      expect(text, path).not.toContain(access.username);
    }

    // Asked again: the message already in the outbox is not staged, nor written, twice.
    expect(await call(relayB, 'network.mailProducerAccess', { producerId: farmB.id })).toMatchObject({ prepared: false });
    await relayB.outbox.sweep();
    expect(await emlFiles(relayB, '2026-03-07', 'producerAccess')).toHaveLength(1);
  });

  it('is refused for a producer without an e-mail address, and nothing is staged', async () => {
    const net = await network();
    const { relayB, farmB } = net;
    expect(await refusal(relayB, 'network.mailProducerAccess', { producerId: farmB.id })).toMatchObject({ key: 'network.access.noEmail', params: { name: 'Ferme du Bois' } });
    await relayB.outbox.sweep();
    expect(await emlFiles(relayB, '2026-03-07', 'producerAccess').catch(() => [])).toEqual([]);
  });
});
