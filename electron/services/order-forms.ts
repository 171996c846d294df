/**
 * Order forms to send to members (issue 12): for a distribution, one sheet
 * with the member's cells on top and one row per product on sale — producer,
 * unit, price, remaining stock and an empty quantity column — as .xlsx, .ods
 * or CSV; optionally one file per member, with their name and their current
 * order already filled in, so a returned form that changes nothing imports
 * as nothing — those come as one zip, one download for 150 members rather than
 * 150 the browser would ask about one by one. The titles are those
 * shared/intake/order-form.ts reads back.
 */
import { utils, write } from '@e965/xlsx';
import { zipSync, type Zippable } from 'fflate';
import { centsCell, writeCsv } from '../../shared/csv/write';
import type { Language } from '../../shared/model/fields';
import { translate } from '../../shared/i18n/messages';
import type { Member } from '../../shared/model/member';
import { remaining } from '../../shared/offers/stock';
import { UserError } from '../../shared/contract/errors';
import { compareText, fold } from '../../shared/text/normalise';
import type { Store } from '../store/store';
import { existingDistribution } from './distributions';
import { intakeOffers } from './order-intake';
import { orderedByProduct, ordersOf } from './ordered';
import { readRelay } from './relay';

export const ORDER_FORM_FORMATS = ['xlsx', 'ods', 'csv'] as const;
export type OrderFormFormat = (typeof ORDER_FORM_FORMATS)[number];

type Cell = string | number;

/** A name as a file name: "Marie D’Hondt" → "marie-d-hondt". */
function fileSlug(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'membre';
}

function formRows(
  language: Language,
  heading: string,
  member: Pick<Member, 'name' | 'email' | 'phone'> | null,
  products: readonly { productName: string; producerName: string; unit: string; priceCents: number; left: number | null; quantity: number | null }[],
  csv: boolean,
): Cell[][] {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  return [
    [heading],
    [t('intake.form.name'), member?.name ?? ''],
    [t('intake.form.email'), member?.email ?? ''],
    [t('intake.form.phone'), member?.phone ?? ''],
    [],
    [t('intake.form.product'), t('intake.form.producer'), t('intake.form.unit'), t('intake.form.price'), t('intake.form.remaining'), t('intake.form.quantity')],
    ...products.map((product) => [
      product.productName,
      product.producerName,
      t(`catalogue.unit.${product.unit}` as Parameters<typeof translate>[1]),
      // A number in a workbook (so a member's sheet can total it); a French decimal in the CSV.
      csv ? centsCell(product.priceCents) : product.priceCents / 100,
      product.left === null ? t('intake.form.unlimited') : product.left,
      product.quantity ?? '',
    ]),
  ];
}

function encode(rows: Cell[][], format: OrderFormFormat, sheetName: string): Buffer {
  if (format === 'csv') {
    // Every line as wide as the table, as a spreadsheet saves it: the title line alone would not show the separator.
    const width = Math.max(...rows.map((row) => row.length));
    const padded = rows.map((row) => [...row.map(String), ...Array<string>(width - row.length).fill('')]);
    return Buffer.from(writeCsv(padded), 'utf8');
  }
  const sheet = utils.aoa_to_sheet(rows);
  sheet['!cols'] = [{ wch: 32 }, { wch: 28 }, { wch: 12 }, { wch: 10 }, { wch: 14 }, { wch: 10 }];
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, sheetName.slice(0, 31));
  return Buffer.from(write(book, { type: 'buffer', bookType: format }) as Buffer);
}

export function orderFormsService(store: () => Store) {
  return {
    'orders.orderForms': async ({ distributionId, format, perMember }: { distributionId: string; format: OrderFormFormat; perMember: boolean }) => {
      const source = store();
      const distribution = existingDistribution(source, distributionId);
      const { language } = readRelay(source);
      const ordered = orderedByProduct(source, distributionId);
      const offers = intakeOffers(source, distributionId).sort(
        (a, b) => compareText(a.producerName, b.producerName) || compareText(a.productName, b.productName),
      );
      const heading = translate(language, 'intake.form.heading', { date: distribution.pickupDate });
      const base = `${translate(language, 'intake.form.fileName')}-${distribution.pickupDate}`;
      const sheetName = translate(language, 'intake.form.sheet');
      const rowsFor = (member: Member | null) => {
        const order = member && ordersOf(source, distributionId).find((each) => each.memberId === member.id && !each.counter && each.cancelledAt === null);
        const products = offers.map((offer) => {
          const held = order?.lines.find((line) => line.productId === offer.productId)?.quantity ?? null;
          // What this member can still have: what is left, plus what their own order holds.
          const left = remaining(offer, ordered.get(offer.productId) ?? 0);
          return { ...offer, left: left === null ? null : left + (held ?? 0), quantity: held };
        });
        return formRows(language, heading, member, products, format === 'csv');
      };
      if (!perMember) return { files: [{ fileName: `${base}.${format}`, contentBase64: encode(rowsFor(null), format, sheetName).toString('base64') }] };
      const members = source.all('member').filter((member) => member.archivedAt === null).sort((a, b) => compareText(a.name, b.name));
      if (members.length === 0) throw new UserError('intake.form.noMembers');
      const entries: Zippable = {};
      for (const member of members) {
        let fileName = `${base}-${fileSlug(member.name)}`;
        // Two members of the same name get two files.
        for (let index = 2; Object.hasOwn(entries, `${fileName}.${format}`); index++) fileName = `${base}-${fileSlug(member.name)}-${index}`;
        // A workbook is a zip already: stored as it is, not squeezed a second time.
        entries[`${fileName}.${format}`] = [encode(rowsFor(member), format, sheetName), { level: format === 'csv' ? 6 : 0 }];
      }
      const zip = zipSync(entries, { mtime: new Date(`${distribution.pickupDate}T12:00:00Z`) });
      return { files: [{ fileName: `${base}-${translate(language, 'intake.form.perMemberName')}.zip`, contentBase64: Buffer.from(zip).toString('base64') }] };
    },
  };
}
