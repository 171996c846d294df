/**
 * A producer's statement (or an issued invoice's figures) as a spreadsheet for the accountant,
 * in three blocks: sales by product, VAT per rate, then the amounts down to what is owed.
 * Headings in the relay's language, amounts as the settlement CSV writes them.
 */
import { centsCell } from '../csv/write';
import { formatPercent } from '../i18n/format';
import { translate } from '../i18n/messages';
import type { Language } from '../model/fields';
import type { StatementFigures } from '../model/invoice';

export function statementRows(figures: StatementFigures, language: Language): string[][] {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const quantityCell = (quantity: number) => String(quantity).replace('.', ',');
  return [
    [t('invoices.csv.product'), t('invoices.csv.quantity'), t('invoices.csv.gross')],
    ...figures.products.map((product) => [product.productName, quantityCell(product.quantity), centsCell(product.grossCents)]),
    [],
    [t('invoices.csv.vatRate'), t('invoices.csv.net'), t('invoices.csv.vat'), t('invoices.csv.gross')],
    ...figures.vat.map((share) => [`${formatPercent(language, share.vatRateBp)} %`, centsCell(share.netCents), centsCell(share.vatCents), centsCell(share.grossCents)]),
    [],
    [t('invoices.csv.gross'), centsCell(figures.grossCents)],
    [t('invoices.csv.commission'), centsCell(figures.hostCommissionCents)],
    [t('invoices.csv.serviceFee'), centsCell(figures.serviceFeeCents)],
    [`${t('invoices.csv.feeVat')} (${formatPercent(language, figures.feeVatBp)} %)`, centsCell(figures.feeVatCents)],
    [t('invoices.csv.owed'), centsCell(figures.owedCents)],
    [t('invoices.csv.refunded'), centsCell(figures.missingCents)],
  ];
}
