/**
 * The producer's order sheet as a PDF (issue 15), attached to the e-mail sent
 * when ordering closes: what to bring, then the share-out per basket, in the
 * words of the printed delivery sheet (sheets.delivery.*). The printed sheets
 * are made by a browser (electron/print.ts, page.pdf()), which the outbox in
 * the main process has not at hand; pdf-lib writes this plain document in
 * Node, with a font every PDF reader has (Helvetica).
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatWeight, longDay } from '../../shared/i18n/format';
import { translate, type MessageKey } from '../../shared/i18n/messages';
import type { MessageParams } from '../../shared/contract/errors';
import type { Language } from '../../shared/model/fields';
import type { DeliveryProduct, ProducerDelivery } from '../../shared/sheets/delivery-sheet';
import type { SheetWeight } from '../../shared/sheets/source';

/** A4 in points, 15 mm margins. */
const PAGE = { width: 595.28, height: 841.89, margin: 42.5 };
const SIZE = { title: 15, text: 10, small: 8.5 };
const LEADING = 14;

export interface DeliveryPdfInput {
  language: Language;
  relayName: string;
  pickupDate: string;
  pickupStart: string;
  pickupEnd: string;
  delivery: ProducerDelivery;
  /** The PDF's dates: the moment the message was prepared, so the same sheet makes the same file. */
  at: Date;
}

/** Helvetica covers Latin-1 and a few more (€, ’, œ): a character outside it prints as "?" rather than failing the message. */
function printable(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  return (text) =>
    [...text.replace(/[\u202f\u2009]/g, ' ')]
      .map((char) => (known.has(char.codePointAt(0)!) ? char : '?'))
      .join('');
}

class Writer {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly document: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly clean: (text: string) => string,
    /** Repeated at the top of every page after the first: a loose page still says whose sheet it is. */
    private readonly runningHead: string,
  ) {
    this.newPage(false);
  }

  private newPage(withHead: boolean): void {
    this.page = this.document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    if (withHead) this.text(this.runningHead, { size: SIZE.small, colour: 0.35 });
  }

  /** Room for `lines` more lines on this page, or a new page (a heading is never left alone at a page's foot). */
  ensure(lines: number): void {
    if (this.y - lines * LEADING < PAGE.margin) this.newPage(true);
  }

  text(text: string, options: { size?: number; bold?: boolean; x?: number; colour?: number } = {}): void {
    this.ensure(1);
    this.at(text, options.x ?? 0, options);
    this.y -= LEADING * ((options.size ?? SIZE.text) / SIZE.text);
  }

  /** One table row: each cell at its column's offset from the left margin. */
  row(cells: readonly { text: string; x: number; bold?: boolean }[]): void {
    this.ensure(1);
    for (const cell of cells) this.at(cell.text, cell.x, { bold: cell.bold });
    this.y -= LEADING;
  }

  gap(): void {
    this.y -= LEADING / 2;
  }

  private at(text: string, x: number, options: { size?: number; bold?: boolean; colour?: number }): void {
    this.page.drawText(this.clean(text), {
      x: PAGE.margin + x,
      y: this.y - (options.size ?? SIZE.text),
      size: options.size ?? SIZE.text,
      font: options.bold ? this.fonts.bold : this.fonts.regular,
      color: rgb(options.colour ?? 0, options.colour ?? 0, options.colour ?? 0),
    });
  }
}

function weightText(t: (key: MessageKey, params?: MessageParams) => string, language: Language, weight: SheetWeight): string {
  const weighed = weight.weighedGrams === null ? t('weight.toWeigh') : t('weight.weighed', { weight: formatWeight(language, weight.weighedGrams) });
  return `${t('weight.estimated', { weight: formatWeight(language, weight.estimatedGrams) })} · ${weighed}`;
}

export async function deliveryPdf(input: DeliveryPdfInput): Promise<Uint8Array> {
  const { language, delivery } = input;
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const unit = (product: DeliveryProduct) => (product.unit === null ? '' : t(`catalogue.unit.${product.unit}` as MessageKey));
  const quantity = (product: DeliveryProduct) => [String(product.quantity), unit(product), product.packDescription === '' ? '' : `(${product.packDescription})`].filter((part) => part !== '').join(' ');

  const document = await PDFDocument.create();
  const title = t('sheets.delivery.title', { producer: delivery.producerName });
  document.setTitle(title);
  document.setAuthor(input.relayName);
  document.setCreator('Cabas');
  document.setProducer('Cabas');
  document.setCreationDate(input.at);
  document.setModificationDate(input.at);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const day = longDay(language, input.pickupDate);
  const writer = new Writer(document, { regular, bold }, printable(regular), t('sheets.delivery.context', { relay: input.relayName, day, producer: delivery.producerName }));

  writer.text(title, { size: SIZE.title, bold: true });
  writer.text(`${input.relayName} · ${day} · ${input.pickupStart}–${input.pickupEnd}`);
  writer.gap();

  writer.text(t('sheets.delivery.toBring'), { bold: true });
  writer.row([
    { text: t('sheets.column.product'), x: 0, bold: true },
    { text: t('sheets.column.quantity'), x: 260, bold: true },
  ]);
  for (const product of delivery.products) {
    writer.row([
      { text: product.productName, x: 0 },
      { text: quantity(product), x: 260 },
    ]);
    if (product.weight) writer.text(weightText(t, language, product.weight), { x: 260, size: SIZE.small });
  }
  writer.gap();

  writer.text(t('sheets.delivery.bagging'), { bold: true });
  for (const product of delivery.products) {
    // The product's heading, its column titles and a first row stay together on one page.
    writer.ensure(4);
    writer.gap();
    writer.text(t('sheets.delivery.productTotal', { product: product.productName, quantity: quantity(product) }), { bold: true });
    writer.row([
      { text: t('sheets.column.basketNumber'), x: 0, bold: true },
      { text: t('sheets.column.member'), x: 70, bold: true },
      { text: t('sheets.column.quantity'), x: 360, bold: true },
    ]);
    for (const basket of product.baskets) {
      writer.row([
        { text: String(basket.basketNumber), x: 0 },
        { text: basket.name, x: 70 },
        { text: basket.weight ? `${basket.quantity} (${weightText(t, language, basket.weight)})` : String(basket.quantity), x: 360 },
      ]);
    }
  }
  return document.save();
}
