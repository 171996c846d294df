/**
 * The producer's order sheet as a PDF (issue 15), attached to the e-mail sent
 * when ordering closes: what to bring, then the share-out per basket, in the
 * words of the printed delivery sheet (sheets.delivery.*). The printed sheets
 * are made by a browser (electron/print.ts, page.pdf()), which the outbox in
 * the main process has not at hand; pdf-lib writes this plain document in
 * Node. Its font is DejaVu Sans, shipped with the app (dejavu-fonts-ttf) and
 * embedded as a subset of the characters used: Helvetica, which every reader
 * has, knows only WinAnsi and printed "Łukasz Őrs" or "Șalată" with "?".
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
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

export interface DeliveryPdf {
  pdf: Uint8Array;
  /** Characters of the sheet the font has no glyph for (CJK, emoji): printed as an empty box, and listed beside the message. */
  missing: string[];
}

const require = createRequire(import.meta.url);

/**
 * pdf-lib and its font kit take ~40 MB of memory once loaded: they load with the first sheet, not with the app
 * (issue 11: memory after open).
 */
async function pdfLibraries() {
  const [pdf, fontkit] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  return { PDFDocument: pdf.PDFDocument, rgb: pdf.rgb, fontkit: fontkit.default };
}
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

/** The font files, read once: from the app's own node_modules, never the machine's fonts. */
function fontFiles(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const read = (name: string) => readFile(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
  fonts ??= Promise.all([read('DejaVuSans.ttf'), read('DejaVuSans-Bold.ttf')]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      // A read that failed is tried again at the next sheet.
      fonts = null;
      throw error;
    },
  );
  return fonts;
}

/** The text as drawn (thin and narrow spaces as plain ones); a character either weight lacks is kept, and noted in `missing`. */
function printable(fonts: { regular: PDFFont; bold: PDFFont }, missing: Set<string>): (text: string) => string {
  const inBold = new Set(fonts.bold.getCharacterSet());
  const known = new Set(fonts.regular.getCharacterSet().filter((code) => inBold.has(code)));
  return (text) => {
    const drawn = text.replace(/[\u202f\u2009]/g, ' ');
    for (const char of drawn) if (!known.has(char.codePointAt(0)!) && char.trim() !== '') missing.add(char);
    return drawn;
  };
}

class Writer {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly document: PDFDocument,
    private readonly colour: typeof rgb,
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
      color: this.colour(options.colour ?? 0, options.colour ?? 0, options.colour ?? 0),
    });
  }
}

function weightText(t: (key: MessageKey, params?: MessageParams) => string, language: Language, weight: SheetWeight): string {
  const weighed = weight.weighedGrams === null ? t('weight.toWeigh') : t('weight.weighed', { weight: formatWeight(language, weight.weighedGrams) });
  return `${t('weight.estimated', { weight: formatWeight(language, weight.estimatedGrams) })} · ${weighed}`;
}

export async function deliveryPdf(input: DeliveryPdfInput): Promise<DeliveryPdf> {
  const { language, delivery } = input;
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const unit = (product: DeliveryProduct) => (product.unit === null ? '' : t(`catalogue.unit.${product.unit}` as MessageKey));
  const quantity = (product: DeliveryProduct) => [String(product.quantity), unit(product), product.packDescription === '' ? '' : `(${product.packDescription})`].filter((part) => part !== '').join(' ');

  const { PDFDocument, rgb, fontkit } = await pdfLibraries();
  const document = await PDFDocument.create();
  const title = t('sheets.delivery.title', { producer: delivery.producerName });
  document.setTitle(title);
  document.setAuthor(input.relayName);
  document.setCreator('Cabas');
  document.setProducer('Cabas');
  document.setCreationDate(input.at);
  document.setModificationDate(input.at);
  document.registerFontkit(fontkit);
  const files = await fontFiles();
  // Subsets: only the glyphs the sheet uses go into the file (a whole DejaVu Sans is 740 kB).
  const regular = await document.embedFont(files.regular, { subset: true });
  const bold = await document.embedFont(files.bold, { subset: true });
  const day = longDay(language, input.pickupDate);
  const missing = new Set<string>();
  const writer = new Writer(document, rgb, { regular, bold }, printable({ regular, bold }, missing), t('sheets.delivery.context', { relay: input.relayName, day, producer: delivery.producerName }));

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
  return { pdf: await document.save(), missing: [...missing] };
}
