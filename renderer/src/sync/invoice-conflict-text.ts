/**
 * How each document holding a shared invoice number reads on the sync screen (issue 15):
 * what it is, for whom, when it was issued, and whether a credit note already cancelled it.
 */
import type { MessageParams } from '../../../shared/contract/errors';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Language } from '../../../shared/model/fields';
import type { InvoiceNumberConflict } from '../../../shared/sync/conflicts';

type Translate = (key: MessageKey, params?: MessageParams) => string;
type HeldBy = InvoiceNumberConflict['invoices'][number];

export function invoiceCopyText(held: HeldBy, t: Translate, language: Language, timeZone: string): string {
  const what = t(held.invoiceKind === 'invoice' ? 'sync.invoiceCopy.invoice' : 'sync.invoiceCopy.creditNote', {
    producer: held.producerName,
    date: formatDateTime(language, held.issuedAt, timeZone),
  });
  return held.creditedBy === null ? what : `${what} — ${t('sync.invoiceCopy.credited', { number: held.creditedBy })}`;
}
