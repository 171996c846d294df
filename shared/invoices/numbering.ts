/**
 * Invoice numbers (issue 15): one sequence per relay and year, invoices and credit notes
 * alike, without gaps. The next number is taken from the invoices already stored, inside
 * the transaction that writes the new one, so a number exists only with its invoice: a
 * crash leaves both or neither, and a restart continues from what is on disk.
 *
 * Only organisers' copies issue numbers; two of them working offline can still give the
 * same number. That is never merged away: both invoices stay, and the shared number is
 * listed for the organiser (sync conflicts, invoices page).
 */
import type { Invoice } from '../model/invoice';

export function nextSequence(invoices: Iterable<Pick<Invoice, 'year' | 'sequence'>>, year: number): number {
  let last = 0;
  for (const invoice of invoices) if (invoice.year === year && invoice.sequence > last) last = invoice.sequence;
  return last + 1;
}

export function invoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}

/** Numbers held by more than one invoice, each with its invoices oldest first. */
export function sharedNumbers<T extends Pick<Invoice, 'id' | 'number' | 'issuedAt'>>(invoices: Iterable<T>): { number: string; invoices: T[] }[] {
  const byNumber = new Map<string, T[]>();
  for (const invoice of invoices) byNumber.set(invoice.number, [...(byNumber.get(invoice.number) ?? []), invoice]);
  return [...byNumber.entries()]
    .filter(([, held]) => held.length > 1)
    .map(([number, held]) => ({ number, invoices: held.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id)) }))
    .sort((a, b) => a.number.localeCompare(b.number));
}

/**
 * The organiser's fix for a shared number is to cancel all its invoices but one with credit
 * notes (issued invoices are never renumbered): a number is settled once at most one of the
 * documents holding it still stands. Credit notes never stand cancelled, so two of them
 * holding one number stay listed.
 */
export function unsettledSharedNumbers<T extends Pick<Invoice, 'id' | 'number' | 'issuedAt' | 'kind' | 'creditOf'>>(
  invoices: readonly T[],
): { number: string; invoices: (T & { creditedBy: string | null })[] }[] {
  const creditedBy = new Map(invoices.flatMap((invoice) => (invoice.creditOf ? [[invoice.creditOf, invoice.number] as const] : [])));
  return sharedNumbers(invoices)
    .map(({ number, invoices: held }) => ({ number, invoices: held.map((invoice) => ({ ...invoice, creditedBy: creditedBy.get(invoice.id) ?? null })) }))
    .filter(({ invoices: held }) => held.filter((invoice) => invoice.creditedBy === null).length > 1);
}

/** Sequences missing below the last one of a year: none may be, unless two copies broke the rule. */
export function missingSequences(invoices: Iterable<Pick<Invoice, 'year' | 'sequence'>>, year: number): number[] {
  const held = new Set<number>();
  for (const invoice of invoices) if (invoice.year === year) held.add(invoice.sequence);
  const last = Math.max(0, ...held);
  return Array.from({ length: last }, (_, index) => index + 1).filter((sequence) => !held.has(sequence));
}
