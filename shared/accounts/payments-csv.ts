/**
 * The payments export for the accountant (issue 7): every payment and every
 * reversal of one, oldest first, with the local date and time, the payer, the
 * method, the reference and the amount (a reversal negative). Written with
 * shared/csv/write.ts, which neutralises formula-like cells.
 */
import { centsCell } from '../csv/write';
import { toLocal } from '../distributions/calendar';
import { translate } from '../i18n/messages';
import type { Language } from '../model/fields';
import { byTime, type AccountEntry } from './ledger';

export interface PaymentRowsOptions {
  language: Language;
  timeZone: string;
  /** Relay days, inclusive. */
  from?: string;
  to?: string;
  /** The member's name, or a walk-in buyer's (may be empty). */
  nameOf: (entry: AccountEntry) => string;
}

export function paymentRows(entries: readonly AccountEntry[], { language, timeZone, from, to, nameOf }: PaymentRowsOptions): string[][] {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const header = ['date', 'time', 'payer', 'method', 'reference', 'amount', 'kind', 'reason'].map((column) =>
    t(`accounts.csv.${column}` as Parameters<typeof translate>[1]),
  );
  const rows = entries
    .filter((entry) => entry.method !== undefined)
    .map((entry) => ({ entry, local: toLocal(entry.at, timeZone) }))
    .filter(({ local }) => (from === undefined || local.date >= from) && (to === undefined || local.date <= to))
    .sort((a, b) => byTime(a.entry, b.entry))
    .map(({ entry, local }) => [
      local.date,
      local.time,
      nameOf(entry) || t('accounts.walkIn'),
      t(`accounts.method.${entry.method!}`),
      entry.reference,
      centsCell(entry.amountCents),
      t(`accounts.kind.${entry.kind}`),
      entry.reason,
    ]);
  return [header, ...rows];
}
