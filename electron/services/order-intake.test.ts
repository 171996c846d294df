import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { IntakePlan } from '../../shared/intake/plan';
import { readZippedForms } from '../../shared/intake/zip-forms';
import type { Member } from '../../shared/model/member';
import type { ListedOrder } from '../../shared/orders/views';
import { pickupDay } from '../testing/pickup-day';
import { call, createProducer, createProduct, refusal } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('orders in from spreadsheets, through the service', () => {
  it('updates the member’s order instead of adding one, refuses the line beyond the stock, and a second import of the same file changes nothing', async () => {
    const day = await pickupDay(await tempDir());
    await call(day.app, 'offers.set', { distributionId: day.distribution.id, productId: day.carrots.id, quantity: 5 });
    const anne = await day.member('Anne Leroy');
    await day.order(anne, [{ product: day.carrots, quantity: 1 }]);
    const file = {
      name: 'reponses.csv',
      contentBase64: csv('Nom;E-mail;Carottes;Pain\nAnne Leroy;;2;1\nZoé Neuve;zoe@example.org;4;\n'),
    };
    const input = { distributionId: day.distribution.id, files: [file] };

    const preview = await call<IntakePlan>(day.app, 'orders.previewImport', input);
    // Anne's 1 kg becomes 2; Zoé wants 4 of the 3 then left: refused, and she has nothing else, so no order and no member.
    expect(preview.counts).toEqual({ ordersCreated: 0, ordersUpdated: 1, ordersUnchanged: 0, membersCreated: 0, linesRefused: 1, responsesRefused: 0 });
    expect(preview.orders[1]!.refused[0]).toMatchObject({ line: 3, key: 'intake.overStock', params: { wanted: 4, remaining: 3 } });
    expect(await call(day.app, 'orders.list', { distributionId: day.distribution.id })).toHaveLength(1);

    expect(await call(day.app, 'orders.import', input)).toEqual(preview.counts);
    const orders = await call<ListedOrder[]>(day.app, 'orders.list', { distributionId: day.distribution.id });
    expect(orders.map((order) => [order.member.name, order.order.lines.map((line) => [line.productName, line.quantity]), order.totalCents])).toEqual([
      ['Anne Leroy', [['Carottes', 2], ['Pain', 1]], 2 * 250 + 380],
    ]);

    const again = await call<IntakePlan>(day.app, 'orders.previewImport', input);
    expect(again.counts).toMatchObject({ ordersCreated: 0, ordersUpdated: 0, ordersUnchanged: 1 });
    expect(again.writes).toEqual([]);
  });

  it('writes one pre-filled order form per member, together in one zip, and reads each back as the blank form, in .xlsx, .ods and CSV', async () => {
    const day = await pickupDay(await tempDir());
    const paul = await day.member('Paul Petit', { phone: '0470 12 34 56' });
    const anne = await day.member('Anne Leroy');
    await day.order(paul, [{ product: day.bread, quantity: 2 }]);
    for (const format of ['xlsx', 'ods', 'csv'] as const) {
      const { files } = await call<{ files: { fileName: string; contentBase64: string }[] }>(day.app, 'orders.orderForms', {
        distributionId: day.distribution.id, format, perMember: true,
      });
      expect(files.map((file) => file.fileName)).toEqual(['bon-de-commande-2026-03-06-par-membre.zip']);
      const inside = unzipSync(Buffer.from(files[0]!.contentBase64, 'base64'));
      expect(Object.keys(inside)).toEqual([`bon-de-commande-2026-03-06-anne-leroy.${format}`, `bon-de-commande-2026-03-06-paul-petit.${format}`]);
      const returned = Object.entries(inside).map(([name, bytes]) => ({ name, contentBase64: Buffer.from(bytes).toString('base64') }));
      const plan = await call<IntakePlan>(day.app, 'orders.previewImport', { distributionId: day.distribution.id, files: returned });
      expect(plan.files.map(({ kind, issues }) => [format, kind, issues])).toEqual([[format, 'orderForm', []], [format, 'orderForm', []]]);
      // Returned as sent: Paul and his 2 loaves, nothing to change; Anne's form names her and orders nothing yet.
      expect(plan.orders.map(({ memberId, action, totalCents, issues }) => ({ memberId, action, totalCents, issues: issues.map((issue) => issue.key) }))).toEqual([
        { memberId: anne.id, action: null, totalCents: 0, issues: ['intake.nothingOrdered'] },
        { memberId: paul.id, action: 'unchanged', totalCents: 760, issues: [] },
      ]);
    }
  });

  it('previews the forms of a zip (LibreOffice .xlsx, .ods and CSV, with a Mac’s __MACOSX/ copy) as the same forms picked one by one', async () => {
    const day = await pickupDay(await tempDir());
    const names = ['order-form-returned.xlsx', 'order-form-returned.ods', 'order-form-returned-fr.csv'];
    const forms = Object.fromEntries(await Promise.all(names.map(async (name) => [name, new Uint8Array(await readFile(join(import.meta.dirname, '../../e2e/import-files', name)))])));
    const zip = zipSync({ ...forms, __MACOSX: { '._order-form-returned.xlsx': new Uint8Array([0, 5, 22, 7]) } });
    const read = readZippedForms('mails.zip', zip, 6_000_000);
    if (!read.ok) throw new Error(read.key);
    const preview = (files: { name: string; bytes: Uint8Array }[]) =>
      call<IntakePlan>(day.app, 'orders.previewImport', {
        distributionId: day.distribution.id,
        files: files.map(({ name, bytes }) => ({ name, contentBase64: Buffer.from(bytes).toString('base64') })),
      });
    const zipped = await preview(read.files);
    const picked = await preview(read.files.map(({ name }) => ({ name: name.replace('mails.zip/', ''), bytes: forms[name.replace('mails.zip/', '')]! })));
    expect(zipped.files.map((file) => [file.name, file.kind])).toEqual([
      ['mails.zip/order-form-returned-fr.csv', 'orderForm'], ['mails.zip/order-form-returned.ods', 'orderForm'], ['mails.zip/order-form-returned.xlsx', 'orderForm'],
    ]);
    expect(JSON.parse(JSON.stringify(zipped).replaceAll('mails.zip/', ''))).toEqual(picked);
  });

  it('writes nothing at all when ordering is closed, unless recorded as late orders', async () => {
    const day = await pickupDay(await tempDir());
    await call(day.app, 'distributions.closeEarly', { id: day.distribution.id });
    const input = { distributionId: day.distribution.id, files: [{ name: 'r.csv', contentBase64: csv('Nom;Pain\nAnne;1\n') }] };
    expect((await refusal(day.app, 'orders.import', input)).key).toBe('intake.orderingClosed');
    expect(await call<Member[]>(day.app, 'members.list', {})).toEqual([]);
    await call(day.app, 'orders.import', { ...input, late: true });
    const [order] = await call<ListedOrder[]>(day.app, 'orders.list', { distributionId: day.distribution.id });
    expect(order).toMatchObject({ member: { name: 'Anne' }, order: { late: true } });
  });

  it('reads the online-form export LibreOffice saved the same in all four formats: .xlsx, .ods, French CSV (Windows-1252, ;), English CSV', async () => {
    const day = await pickupDay(await tempDir());
    const garden = await createProducer(day.app, 'Jardin d’Élise');
    // The day's carrots are Ferme du Bois's; the garden sells carrots too.
    for (const [producerId, name, unit] of [[garden.id, 'Carottes', 'kg'], [day.carrots.producerId, 'Œufs bio x6', 'barquette']] as const) {
      const product = await createProduct(day.app, producerId, { name, unit });
      await call(day.app, 'offers.set', { distributionId: day.distribution.id, productId: product.id, quantity: null });
    }
    await call(day.app, 'offers.set', { distributionId: day.distribution.id, productId: day.bread.id, quantity: 10 });
    await call(day.app, 'members.create', { name: 'Anne Leroy', email: 'anne.leroy@example.org' });
    const plans = [];
    for (const name of ['orders-form-export.xlsx', 'orders-form-export.ods', 'orders-form-export-fr.csv', 'orders-form-export-en.csv']) {
      const contentBase64 = (await readFile(join(import.meta.dirname, '../../e2e/import-files', name))).toString('base64');
      const plan = await call<IntakePlan>(day.app, 'orders.previewImport', { distributionId: day.distribution.id, files: [{ name: 'export', contentBase64 }] });
      plans.push({ counts: plan.counts, orders: plan.orders.map(({ line, name: member, lines, refused, totalCents }) => ({ line, member, lines: lines.map((l) => `${l.quantity} × ${l.productName} (${l.producerName})`), refused: refused.map((r) => r.key), totalCents })) });
    }
    // "Œufs", "É", "’" and "« »" read alike from every file; the 20th response's 3 loaves are refused (1 left) in each.
    for (const plan of plans.slice(1)) expect(plan).toEqual(plans[0]);
    expect(plans[0]!.counts).toEqual({ ordersCreated: 20, ordersUpdated: 0, ordersUnchanged: 0, membersCreated: 19, linesRefused: 1, responsesRefused: 0 });
    expect(plans[0]!.orders[3]).toEqual({ line: 5, member: 'Léon Martin', lines: ['3 × Carottes (Ferme du Bois)', '1 × Pain (Boulangerie Martin)'], refused: [], totalCents: 3 * 250 + 380 });
    expect(plans[0]!.orders[19]).toMatchObject({ line: 21, refused: ['intake.overStock'] });
  });
});
