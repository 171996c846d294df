import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { create } from 'qrcode';
import { describe, expect, it, vi } from 'vitest';
import { qrDrawing } from '../../shared/shop/qr';
import { useShopDays } from '../testing/shop-fixture';
import { call, refusal } from '../testing/service-calls';
import { snapshotFolder, useTempDirs } from '../testing/temp-dir';

// machine-settings.ts (where Electron's seal lives) opens electron-store, which loads the real 'electron'.
vi.mock('electron-store', () => import('../testing/fake-electron-store'));

const tempDir = useTempDirs();
const shopDay = useShopDays();

describe('a member’s personal ordering link, delivered', () => {
  it('goes out through the outbox as an e-mail holding the link, while the relay’s data never hold its secret', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.member('Anne Leroy');
    await call(day.app, 'members.update', { id: anne.id, changes: { email: 'anne@example.org' } });
    const { link } = await call<{ link: string }>(day.app, 'shop.memberLink', { memberId: anne.id });
    const secret = new URLSearchParams(link.split('#')[1]).get('secret')!;

    expect(await call(day.app, 'shop.mailMemberLink', { memberId: anne.id })).toMatchObject({ prepared: true, pickupDate: '2026-03-06' });
    await day.app.outbox.sweep();
    const folder = join(day.app.dataDir, 'messages', '2026-03-06');
    const [file, ...others] = (await readdir(folder)).filter((name) => name.startsWith('memberLink-'));
    expect(others).toEqual([]);
    const mail = await simpleParser(await readFile(join(folder, file!)));
    expect(mail.to).toMatchObject({ value: [{ address: 'anne@example.org' }] });
    expect(mail.text).toContain(link);

    // The outbox's record (synced to the other copies) holds a placeholder; no data file holds the secret.
    await day.app.workspace.store.fold();
    const files = Object.entries(await snapshotFolder(day.app.dataDir)).filter(([path]) => !path.startsWith('messages/'));
    expect(files.some(([path, text]) => path.startsWith('outbox/') && text.includes('[[cabas:personal-ordering-link]]'))).toBe(true);
    for (const [path, text] of files) expect(text, path).not.toContain(secret);

    // Asked again: the message already waiting is not staged twice.
    expect(await call(day.app, 'shop.mailMemberLink', { memberId: anne.id })).toMatchObject({ prepared: false, status: 'prepared' });
  });

  it('leaves the closing messages to be prepared when ordering closes', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.member('Anne Leroy');
    await day.order(anne, [{ product: day.carrots, quantity: 1 }]);
    await call(day.app, 'shop.mailMemberLink', { memberId: anne.id });
    day.app.clock.set(new Date('2026-03-05T10:00:00.000Z'));
    await day.app.outbox.sweep();
    const names = await readdir(join(day.app.dataDir, 'messages', '2026-03-06'));
    expect(names.filter((name) => name.startsWith('memberConfirmation-'))).toHaveLength(1);
  });

  it('is refused while no distribution is open for ordering', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.member('Anne Leroy');
    day.app.clock.set(new Date('2026-03-05T10:00:00.000Z'));
    expect(await refusal(day.app, 'shop.mailMemberLink', { memberId: anne.id })).toMatchObject({ key: 'shop.linkNoDistribution' });
  });

  it('is printed on the bag slip of each member whose access was created, as the QR code of the link', async () => {
    const day = await shopDay(await tempDir());
    const anne = await day.member('Anne Leroy');
    const paul = await day.member('Paul Petit');
    for (const member of [anne, paul]) await day.order(member, [{ product: day.bread, quantity: 1 }]);
    const { link } = await call<{ link: string }>(day.app, 'shop.memberLink', { memberId: anne.id });
    // Paul never asked for a link: his slip has no code (his access does not exist on the server).
    expect(await call(day.app, 'shop.slipLinks', { distributionId: day.distribution.id })).toEqual({ links: [{ memberId: anne.id, link }] });
    // The code drawn encodes the link itself, whole (the library splits it into byte and alphanumeric segments).
    const segments = create(link, { errorCorrectionLevel: 'M' }).segments.map((segment) => Buffer.from(segment.data as Uint8Array).toString('latin1'));
    expect(segments.join('')).toBe(link);
    expect(qrDrawing(link).path).toMatch(/^M4 4h7v1h-7z/);
  });

  it('refuses the slip links of a distribution this copy does not hold rather than printing slips without codes', async () => {
    const day = await shopDay(await tempDir());
    expect(await refusal(day.app, 'shop.slipLinks', { distributionId: day.bread.id })).toMatchObject({ key: 'error.distributionNotFound' });
  });
});
