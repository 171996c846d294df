/**
 * An issued invoice or credit note (issue 15): a producer's statement for a month or a
 * distribution, numbered and frozen. Its figures are copied in when it is issued, so
 * nothing changed later (a rate, a weighed line, a product's name) rewrites it; a
 * correction is a credit note that cancels it, never an edit.
 */
import { z } from 'zod';
import { basisPoints, id, instant, localDate, text } from './fields';

const cents = z.number().int();
/** Quantities are whole pieces today; sold by weight may bring decimals, and an issued figure must still load. */
const quantity = z.number();

export const INVOICE_KINDS = ['invoice', 'creditNote'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.month' });

export const statementPeriodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('month'), month }),
  z.strictObject({ kind: z.literal('distribution'), distributionId: id }),
]);
export type StatementPeriod = z.infer<typeof statementPeriodSchema>;

const vatShareSchema = z.strictObject({ vatRateBp: basisPoints, grossCents: cents, netCents: cents, vatCents: cents });

export const statementFiguresSchema = z.strictObject({
  distributions: z.array(
    z.strictObject({
      distributionId: id,
      pickupDate: localDate,
      grossCents: cents,
      hostCommissionCents: cents,
      serviceFeeCents: cents,
      hostCommissionBp: basisPoints,
      serviceFeeBp: basisPoints,
    }),
  ),
  products: z.array(z.strictObject({ productId: z.string().max(100), productName: text(200), quantity, grossCents: cents })),
  vat: z.array(vatShareSchema),
  grossCents: cents,
  hostCommissionCents: cents,
  serviceFeeCents: cents,
  /** VAT the relay charges on its commission and fee (0 when it charges none). */
  feeVatBp: basisPoints,
  feeVatCents: cents,
  owedCents: cents,
  /** Refunded to members for this producer's missing lines: shown, not a sale. */
  missingCents: cents,
});
export type StatementFigures = z.infer<typeof statementFiguresSchema>;

export const invoiceSchema = z.strictObject({
  id,
  kind: z.enum(INVOICE_KINDS),
  /** The numbering year (in the relay's time zone) and the place in its sequence, from 1. */
  year: z.number().int().min(2000).max(9999),
  sequence: z.number().int().min(1),
  /** As printed: year and sequence, e.g. 2026-0007. */
  number: z.string().regex(/^\d{4}-\d{4,}$/),
  producerId: id,
  producerName: text(200),
  period: statementPeriodSchema,
  /** For a credit note, the figures of the invoice it cancels, negated. */
  figures: statementFiguresSchema,
  /** A credit note names the invoice it cancels; null on an invoice. */
  creditOf: id.nullable(),
  creditOfNumber: z.string().nullable(),
  reason: text(500),
  /** The copy that gave the number: two copies giving the same one offline is a conflict to list. */
  issuedBy: z.string().max(100),
  issuedAt: instant,
});
export type Invoice = z.infer<typeof invoiceSchema>;
