/**
 * Printing behind the contract. The services only know a PrintAdapter: in
 * Electron it renders the print view in a hidden window (electron/print.ts);
 * the browser host has none, and the page prints itself with window.print(),
 * whose dialog can also save as PDF. Like Actual's platform modules, the
 * choice is made once at start-up, not tested at every call.
 */
import { UserError } from '../../shared/contract/errors';
import type { PICKUP_LAYOUTS, PrintJob } from '../../shared/contract/operations';
import { translate, type MessageKey } from '../../shared/i18n/messages';
import type { Language } from '../../shared/model/fields';
import type { Store } from '../store/store';
import { existingDistribution } from './distributions';
import { todayIn } from '../../shared/distributions/calendar';
import { readRelay } from './relay';

/** A job checked against the data, with what the save dialog proposes. */
export interface PrintRequest {
  job: PrintJob;
  /** "catalogue-2026-12-04.pdf", "emargement-2026-12-04.pdf": safe as a file name on every system. */
  fileName: string;
  /** The relay's language, for the save dialog. */
  language: Language;
}

export interface PrintAdapter {
  available(): { pdf: boolean; native: boolean };
  pdf(request: PrintRequest): Promise<{ saved: boolean; path?: string }>;
  native(request: PrintRequest): Promise<{ printed: boolean }>;
}

/** The browser host: nothing to print with on this side. */
export const browserPrinting: PrintAdapter = {
  available: () => ({ pdf: false, native: false }),
  pdf: () => Promise.reject(new UserError('error.printUnavailable')),
  native: () => Promise.reject(new UserError('error.printUnavailable')),
};

const PICKUP_FILE_NAMES = {
  list: 'sheets.fileName.pickup',
  items: 'sheets.fileName.items',
  slips: 'sheets.fileName.slips',
} as const satisfies Record<(typeof PICKUP_LAYOUTS)[number], MessageKey>;

/** What the saved file is called, in the relay's language ("emargement-2026-12-04.pdf"); the dictionaries keep these to safe ASCII. */
function fileNameKey(job: PrintJob): MessageKey {
  if (job.view === 'pickup') return PICKUP_FILE_NAMES[job.options.layout ?? 'list'];
  if (job.view === 'statement') return 'accounts.fileName.statement';
  if (job.view === 'producerStatement') return 'invoices.fileName.statement';
  if (job.view === 'invoice') return 'invoices.fileName.invoice';
  if (job.view === 'receipt') return 'receipts.fileName';
  if (job.view === 'producerAccess') return 'network.access.fileName';
  return `sheets.fileName.${job.view}`;
}

export function printService(store: () => Store, adapter: PrintAdapter, now: () => Date = () => new Date()) {
  // A missing distribution (or member, for a statement) is refused here, before any window opens.
  const request = (job: PrintJob): PrintRequest => {
    const source = store();
    const { language, timeZone } = readRelay(source);
    let day: string;
    if (job.view === 'producerStatement') {
      if (!source.get('producer', job.id)) throw new UserError('error.producerNotFound');
      const { distributionId, month } = job.options;
      if (distributionId) day = existingDistribution(source, distributionId).pickupDate;
      else if (month) day = month;
      else throw new UserError('error.invalidInput');
    } else if (job.view === 'invoice') {
      const invoice = source.get('invoice', job.id);
      if (!invoice) throw new UserError('error.invoiceNotFound');
      // A credit note is saved under its own word ("avoir-2026-0002.pdf"), an invoice under "facture-…".
      const name = translate(language, invoice.kind === 'invoice' ? 'invoices.fileName.invoice' : 'invoices.fileName.creditNote');
      return { job, fileName: `${name}-${invoice.number}.pdf`, language };
    } else if (job.view === 'receipt') {
      const order = source.get('order', job.id);
      if (!order) throw new UserError('error.orderNotFound');
      // The basket number, not the member's name, goes into the file name (any characters may be in a name).
      day = `${existingDistribution(source, order.distributionId).pickupDate}-${order.basketNumber}`;
    } else if (job.view === 'producerAccess') {
      // Named by the day it is printed; the producer's name stays out of the file name (any characters may be in it).
      if (!source.get('producer', job.id)) throw new UserError('error.producerNotFound');
      day = todayIn(timeZone, now());
    } else if (job.view === 'statement') {
      if (!source.get('member', job.id)) throw new UserError('error.memberNotFound');
      // A month's statement is named by its month, the whole account by the day it is printed; the member's
      // name stays out of the file name (any characters may be in it).
      day = job.options.month ?? todayIn(timeZone, now());
    } else {
      day = existingDistribution(source, job.id).pickupDate;
    }
    return { job, fileName: `${translate(language, fileNameKey(job))}-${day}.pdf`, language };
  };
  return {
    'print.available': async () => adapter.available(),
    'print.pdf': (job: PrintJob) => adapter.pdf(request(job)),
    'print.native': (job: PrintJob) => adapter.native(request(job)),
  };
}
