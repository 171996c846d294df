/**
 * Device identity and roles (issue 13, case 5): a copy is what the organiser's
 * signed roster says, never what it writes about itself, and only files signed
 * by its own key are taken from its directory.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import { createBatch, serialiseBatch } from '../../shared/sync/envelope';
import type { SyncStatus } from '../../shared/sync/status';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, createProduct, openApp, refusal, type TestApp } from '../testing/service-calls';
import { enrol, signedAs } from '../testing/roster';
import { ROOT, batchName } from './folder';
import { KEY_FILE, loadIdentity, shortCode } from './identity';
import { approve, firstRoster, readRoster, serialiseRoster } from './roster';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const sync = (app: TestApp) => call(app, 'sync.now', {});
const status = (app: TestApp) => call<SyncStatus>(app, 'sync.status', {});

/** The organiser's copy `a` with two producers, and producer Ferme du Bois's own copy `p` sharing the producers folder. */
async function relayWithProducerCopy(approved = true) {
  const folder = await tempDir();
  const a = await openApp(await tempDir(), start);
  const p = await openApp(await tempDir(), start);
  await call(a, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder });
  await call(p, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder, role: 'producer' });
  const bois = await createProducer(a, 'Ferme du Bois');
  const miel = await createProducer(a, 'Miellerie du Val');
  const honey = await createProduct(a, miel.id, { name: 'Miel', priceCents: 900 });
  await sync(a);
  await sync(p);
  await call(p, 'sync.saveSettings', { producerId: bois.id });
  if (approved) await enrol(a, [p]);
  const pDir = join(folder, ROOT, p.workspace.store.deviceId);
  const nextSeq = async () => (await readdir(pDir)).filter((name) => name.endsWith('.batch')).length + 1;
  return { folder, a, p, bois, miel, honey, pDir, nextSeq };
}

const priceOf = (device: string, at: string, productId: string): ChangeRecord => ({ at, device, entity: 'product', entityId: productId, fields: { priceCents: 1 } });

describe('each copy has its own key pair', () => {
  it('is made once beside device.json, readable by this user only, and never written to a sync folder', async () => {
    const { a, folder } = await relayWithProducerCopy(false);
    const keyFile = join(a.dataDir, KEY_FILE);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const { privateKey } = JSON.parse(await readFile(keyFile, 'utf8')) as { privateKey: string };
    const again = await loadIdentity(a.dataDir);
    expect(shortCode(again.publicKey)).toBe((await status(a)).copies.code);
    const files = await readdir(folder, { recursive: true, withFileTypes: true });
    const texts = await Promise.all(files.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')));
    const body = privateKey.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
    expect(texts.some((text) => text.includes(body.slice(0, 40)))).toBe(false);
  });
});

describe('a copy is what the roster says', () => {
  it('a producer’s copy that declares itself organiser in its device.json still cannot change another producer’s product', async () => {
    const { a, p, honey, pDir, nextSeq } = await relayWithProducerCopy();
    const device = p.workspace.store.deviceId;
    await writeFile(join(pDir, 'device.json'), JSON.stringify({ role: 'organiser', producerId: null, publicKey: (await loadIdentity(p.dataDir)).publicKey }));
    const seq = await nextSeq();
    // Signed with its own key: the file is its own, only the role is usurped.
    await writeFile(join(pDir, batchName(seq)), await signedAs(p, seq, [priceOf(device, `2026-03-04T09:05:00.000Z-0000-${device}`, honey.id)]));
    await sync(a);
    expect(a.workspace.store.get('product', honey.id)?.priceCents).toBe(900);
    expect((await status(a)).setAside.refused).toContainEqual(expect.objectContaining({ code: 'refused', device, record: `product ${honey.id}` }));
  });

  it('a batch forged in another copy’s directory under its id, without its key, is refused and listed', async () => {
    const { a, p, honey, pDir, nextSeq } = await relayWithProducerCopy();
    const victim = p.workspace.store.deviceId;
    const forger = await openApp(await tempDir(), start);
    const seq = await nextSeq();
    const change = priceOf(victim, `2026-03-04T09:05:00.000Z-0000-${victim}`, honey.id);
    // Signed by the forger's own key, then unsigned: neither is the victim's.
    await writeFile(join(pDir, batchName(seq)), await signedAs(forger, seq, [change], victim));
    await writeFile(join(pDir, batchName(seq + 1)), serialiseBatch(createBatch(victim, seq + 1, [change])));
    await sync(a);
    expect(a.workspace.store.get('product', honey.id)?.priceCents).toBe(900);
    const refused = (await status(a)).setAside.refused;
    expect(refused).toContainEqual(expect.objectContaining({ code: 'badSignature', device: victim, file: `${victim}/${batchName(seq)}`, value: 'signature' }));
    expect(refused).toContainEqual(expect.objectContaining({ code: 'badSignature', device: victim, file: `${victim}/${batchName(seq + 1)}`, value: 'unsigned' }));
  });

  it('a copy’s own signed batch changed afterwards (checksum made to match) is refused', async () => {
    const { a, p, bois, pDir } = await relayWithProducerCopy();
    const product = await createProduct(a, bois.id, { name: 'Carottes' });
    const distribution = await call<{ id: string }>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
    await sync(a);
    await sync(p);
    await call(p, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 12 });
    await sync(p);
    const name = (await readdir(pDir)).filter((file) => file.endsWith('.batch')).at(-1)!;
    const batch = JSON.parse(await readFile(join(pDir, name), 'utf8')) as ReturnType<typeof createBatch>;
    const tampered = createBatch(batch.device, batch.seq, batch.changes.map((change) => ({ ...change, fields: { ...change.fields, quantity: 500 } })));
    await writeFile(join(pDir, name), serialiseBatch({ ...tampered, signature: batch.signature! }));
    await sync(a);
    expect(a.workspace.store.all('offer').find((offer) => offer.productId === product.id)?.quantity).not.toBe(500);
    expect((await status(a)).setAside.refused).toContainEqual(expect.objectContaining({ code: 'badSignature', file: `${p.workspace.store.deviceId}/${name}` }));
  });
});

describe('approving a copy by its code', () => {
  it('an unapproved copy’s changes wait, listed with its code, and arrive once the organiser approves it', async () => {
    const { a, p, bois } = await relayWithProducerCopy(false);
    const product = await createProduct(a, bois.id, { name: 'Carottes' });
    const distribution = await call<{ id: string }>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
    await sync(a);
    await sync(p);
    await call(p, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 12 });
    await sync(p);
    const report = await call<{ folders: { problems: { code: string; device?: string }[] }[] }>(a, 'sync.now', {});
    const device = p.workspace.store.deviceId;
    expect(report.folders[0]!.problems).toContainEqual(expect.objectContaining({ code: 'awaitingApproval', device }));
    expect(a.workspace.store.all('offer').find((offer) => offer.productId === product.id)?.quantity).toBeUndefined();
    const mine = await status(p);
    expect(mine.copies).toMatchObject({ keeper: false, approved: false });
    const theirs = await status(a);
    expect(theirs.copies.awaiting).toEqual([{ device, role: 'producer', producerId: bois.id, code: mine.copies.code }]);

    expect((await refusal(p, 'sync.approveCopy', { device })).key).toBe('error.producerCopy');
    await call(a, 'sync.approveCopy', { device });
    await sync(a);
    expect(a.workspace.store.all('offer').find((offer) => offer.productId === product.id)?.quantity).toBe(12);
    await sync(p);
    expect((await status(p)).copies).toMatchObject({ approved: true, keeperCode: theirs.copies.code });
  });

  it('a copy of an older version (no key) waits and cannot be approved until updated', async () => {
    const { a, folder } = await relayWithProducerCopy();
    const old = join(folder, ROOT, 'c0ffee00-0000-4000-8000-000000000000');
    await mkdir(old);
    await writeFile(join(old, 'device.json'), JSON.stringify({ role: 'organiser', producerId: null }));
    await sync(a);
    expect((await status(a)).copies.awaiting).toContainEqual({ device: 'c0ffee00-0000-4000-8000-000000000000', role: 'organiser', producerId: null, code: null });
    expect((await refusal(a, 'sync.approveCopy', { device: 'c0ffee00-0000-4000-8000-000000000000' })).key).toBe('error.copyWithoutKey');
  });
});

describe('the roster kept by the organiser’s copy', () => {
  it('lost with its sync/ folder, is taken back from the sync folder where it signed it: approved copies stay approved', async () => {
    const { a, p } = await relayWithProducerCopy();
    await sync(a);
    await a.close();
    await rm(join(a.dataDir, 'sync', 'roster.json'));
    const reopened = await openApp(a.dataDir, start);
    await sync(reopened);
    const { copies } = await status(reopened);
    expect(copies.keeper).toBe(true);
    expect(copies.awaiting).toEqual([]);
    expect(copies.roster.map((copy) => copy.device)).toContain(p.workspace.store.deviceId);
  });
});

describe('the roster file', () => {
  it('is taken only when signed by its keeper: a roster changed or signed by another key is not', async () => {
    const dir = await tempDir();
    const keeper = await loadIdentity(join(dir, 'k'));
    const other = await loadIdentity(join(dir, 'o'));
    const roster = approve(keeper, firstRoster(keeper, 'keeper', start), { device: 'p', publicKey: other.publicKey, role: 'producer', producerId: 'x' }, start);
    expect(readRoster(serialiseRoster(roster))).toEqual(roster);
    const promoted = { ...roster, copies: roster.copies.map((copy) => ({ ...copy, role: 'organiser' as const })) };
    expect(readRoster(serialiseRoster(promoted))).toBeNull();
    const selfMade = firstRoster(other, 'keeper', start);
    expect(readRoster(serialiseRoster(selfMade), { keeper: 'keeper', keeperKey: keeper.publicKey })).toBeNull();
    expect(() => approve(other, roster, { device: 'q', publicKey: other.publicKey, role: 'organiser', producerId: null }, start)).toThrow();
  });
});
