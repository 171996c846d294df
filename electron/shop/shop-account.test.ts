import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHOP_ACCOUNT_FILE, shopAccountFile, type ShopAccount } from './shop-account';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const account: ShopAccount = { url: 'https://couch.example', username: 'admin', password: 'pw', pageUrl: 'https://shop.example/', linkKey: 'k', granted: [], database: 'cabas-shop' };

describe('the machine’s shop account file', () => {
  it('keeps both a member link granted and the network key saved at the same moment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cabas-account-'));
    folders.push(dir);
    await shopAccountFile(dir).save(account);
    // The shop service and the network service each hold the file; neither waits for the other.
    const shop = shopAccountFile(dir);
    const network = shopAccountFile(dir);
    await Promise.all([
      shop.update((current) => current && { ...current, granted: [...current.granted, 'member-anne'] }),
      network.update((current) => current && { ...current, networkKey: 'network-key' }),
    ]);
    const saved = await shopAccountFile(dir).read();
    expect(saved?.granted).toEqual(['member-anne']);
    expect(saved?.networkKey).toBe('network-key');
    expect(JSON.parse(await readFile(join(dir, SHOP_ACCOUNT_FILE), 'utf8')).password).toBe('pw');
  });

  it('leaves the file as it is when a change has nothing to do, and forgets the account on null', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cabas-account-'));
    folders.push(dir);
    const file = shopAccountFile(dir);
    await file.update(() => undefined);
    expect(await file.read()).toBeNull();
    await file.save(account);
    await file.update(() => null);
    expect(await file.read()).toBeNull();
  });
});
