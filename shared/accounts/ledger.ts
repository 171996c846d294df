/**
 * A member's account (issue 7): an append-only list of entries in integer cents.
 *
 * Sign convention, seen from the member: a credit (money the relay owes the
 * member, or holds for them) is positive, a debit (money the member owes) is
 * negative. So an order is negative, a payment or a refund positive, and a
 * reversal carries the opposite amount of the entry it cancels. The balance is
 * the plain sum: positive = credit to use, negative = debt to pay.
 *
 * Entries are never edited or deleted. A mistake is cancelled by a reversal
 * entry with a reason; an entry is reversed at most once, and a reversal is not
 * itself reversed (a wrongly cancelled entry is recorded again), so every entry
 * is either open, reversed once, or a reversal — and reversing every open entry
 * brings any account back to zero.
 *
 * Walk-in buyers at the counter (issue 7, counter sales) have no account: their
 * sale's entries carry `memberId: null` and the counter sale's `orderId`, so
 * each walk-in sale is its own small ledger (order debit + payment, summing to
 * zero once paid) and the till still sees the cash. Entries taken at a
 * distribution's counter carry its `distributionId`: that is what the till of
 * that distribution counts.
 */
import { z } from 'zod';
import { UserError } from '../contract/errors';
import { id, instant, text } from '../model/fields';

export const ENTRY_KINDS = ['order', 'payment', 'refund', 'reversal'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const PAYMENT_METHODS = ['cash', 'card', 'transfer', 'cheque', 'other'] as const;
export const paymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof paymentMethod>;

/** A million euros either way: far beyond a relay's week, small enough that sums stay exact integers. */
const MAX_AMOUNT_CENTS = 100_000_000;

export const accountEntrySchema = z
  .strictObject({
    id,
    /** null: a walk-in buyer's counter sale (then `orderId` names the sale). */
    memberId: id.nullable(),
    at: instant,
    kind: z.enum(ENTRY_KINDS),
    /** Integer cents, credit positive and debit negative (see the file's comment). */
    amountCents: z.number().int().min(-MAX_AMOUNT_CENTS).max(MAX_AMOUNT_CENTS),
    /** Payments always; a reversal of a payment copies it, so the till sees cash given back. */
    method: paymentMethod.optional(),
    /** Cheque number, bank-statement line, receipt… */
    reference: text(200),
    orderId: id.optional(),
    /** The refund of one missing line names it, so finding the line again reverses that refund. */
    lineId: id.optional(),
    /** Taken at this distribution's counter: its till counts it. */
    distributionId: id.optional(),
    /** The entry this reversal cancels. */
    reverses: id.optional(),
    /**
     * A payment recorded again because two copies each reversed it offline: it
     * names the extra reversal it cancels out, so the books stay append-only.
     */
    restores: id.optional(),
    /** Why: required for a reversal. */
    reason: text(500),
  })
  .superRefine((entry, ctx) => {
    const issue = (path: keyof typeof entry, message: 'validation.required' | 'validation.invalid') =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    switch (entry.kind) {
      case 'order':
        if (entry.amountCents >= 0) issue('amountCents', 'validation.invalid');
        if (entry.orderId === undefined) issue('orderId', 'validation.required');
        break;
      case 'payment':
        if (entry.amountCents <= 0) issue('amountCents', 'validation.invalid');
        if (entry.method === undefined) issue('method', 'validation.required');
        break;
      case 'refund':
        if (entry.amountCents <= 0) issue('amountCents', 'validation.invalid');
        break;
      case 'reversal':
        if (entry.amountCents === 0) issue('amountCents', 'validation.invalid');
        if (entry.reverses === undefined) issue('reverses', 'validation.required');
        if (entry.reason === '') issue('reason', 'validation.required');
        break;
    }
    if (entry.method !== undefined && entry.kind !== 'payment' && entry.kind !== 'reversal') issue('method', 'validation.invalid');
    if (entry.reverses !== undefined && entry.kind !== 'reversal') issue('reverses', 'validation.invalid');
    if (entry.restores !== undefined && entry.kind !== 'payment') issue('restores', 'validation.invalid');
    if (entry.memberId === null && entry.orderId === undefined) issue('orderId', 'validation.required');
  });
export type AccountEntry = z.infer<typeof accountEntrySchema>;

/** The member's balance: the sum of the entries, credit positive. */
export function balance(entries: Iterable<Pick<AccountEntry, 'amountCents'>>): number {
  let sum = 0;
  for (const entry of entries) sum += entry.amountCents;
  return sum;
}

/**
 * A new entry cancelling `entry`: opposite amount, same member, order, line,
 * distribution and method. The ledger-level rules (not reversed yet) are `reverseIn`'s.
 */
export function reverse(entry: AccountEntry, reason: string, at: string, entryId: string): AccountEntry {
  if (entry.kind === 'reversal') throw new UserError('validation.invalid', undefined, [{ path: 'reverses', key: 'validation.invalid' }]);
  const why = reason.trim();
  if (why === '') throw new UserError('validation.required', undefined, [{ path: 'reason', key: 'validation.required' }]);
  const reversal: AccountEntry = {
    id: entryId,
    memberId: entry.memberId,
    at,
    kind: 'reversal',
    amountCents: -entry.amountCents,
    reference: entry.reference,
    reverses: entry.id,
    reason: why,
  };
  if (entry.method !== undefined) reversal.method = entry.method;
  if (entry.orderId !== undefined) reversal.orderId = entry.orderId;
  if (entry.lineId !== undefined) reversal.lineId = entry.lineId;
  // A reversed counter payment leaves the same till it came into.
  if (entry.distributionId !== undefined) reversal.distributionId = entry.distributionId;
  return reversal;
}

/** Cancels the entry `targetId` of this ledger, refusing an unknown entry or one already reversed. */
export function reverseIn(entries: readonly AccountEntry[], targetId: string, reason: string, at: string, entryId: string): AccountEntry {
  const target = entries.find((entry) => entry.id === targetId);
  if (!target || entries.some((entry) => entry.reverses === targetId)) {
    throw new UserError('validation.invalid', undefined, [{ path: 'reverses', key: 'validation.invalid' }]);
  }
  return reverse(target, reason, at, entryId);
}

/** The entries still counting: neither reversed nor reversals. Reversing each of them zeroes the balance. */
export function openEntries(entries: readonly AccountEntry[]): AccountEntry[] {
  const reversed = new Set(entries.flatMap((entry) => (entry.reverses === undefined ? [] : [entry.reverses])));
  return entries.filter((entry) => entry.kind !== 'reversal' && !reversed.has(entry.id));
}

export type LedgerIssue =
  | { kind: 'duplicateId'; entryId: string }
  | { kind: 'reversedTwice'; entryId: string; reversalIds: string[] }
  | { kind: 'unknownEntry'; reversalId: string; entryId: string }
  | { kind: 'reversalOfReversal'; reversalId: string; entryId: string }
  | { kind: 'wrongReversal'; reversalId: string; entryId: string };

/**
 * What breaks the append-only rules in one member's ledger (say, after a sync
 * merged two copies that each reversed the same payment offline): an entry
 * reversed twice, a reversal of nothing known or of a reversal, or one whose
 * amount or member does not mirror its entry. Empty when the ledger is sound.
 */
export function ledgerIssues(entries: readonly AccountEntry[]): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  const byId = new Map<string, AccountEntry>();
  for (const entry of entries) {
    if (byId.has(entry.id)) issues.push({ kind: 'duplicateId', entryId: entry.id });
    else byId.set(entry.id, entry);
  }
  const reversalsOf = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.reverses === undefined) continue;
    const target = byId.get(entry.reverses);
    if (!target) issues.push({ kind: 'unknownEntry', reversalId: entry.id, entryId: entry.reverses });
    else if (target.kind === 'reversal') issues.push({ kind: 'reversalOfReversal', reversalId: entry.id, entryId: target.id });
    else if (target.amountCents !== -entry.amountCents || target.memberId !== entry.memberId || target.method !== entry.method) {
      issues.push({ kind: 'wrongReversal', reversalId: entry.id, entryId: target.id });
    }
    reversalsOf.set(entry.reverses, [...(reversalsOf.get(entry.reverses) ?? []), entry.id]);
  }
  // An extra reversal cancelled out by a payment recorded again (`restores`) no longer counts.
  const restored = new Set(entries.flatMap((entry) => (entry.restores === undefined ? [] : [entry.restores])));
  for (const [entryId, reversalIds] of reversalsOf) {
    const standing = reversalIds.filter((reversalId) => !restored.has(reversalId));
    if (standing.length > 1) issues.push({ kind: 'reversedTwice', entryId, reversalIds: standing });
  }
  return issues;
}

export interface StatementLine {
  entry: AccountEntry;
  /** The balance just after this entry. */
  balanceCents: number;
}

/**
 * Oldest first. Instants are compared as times, not as text, since "…00Z" and
 * "…00.000Z" are the same instant. Entries of the same instant (a basket collected
 * and paid at the counter in one step) read as it happened: the debit, then the
 * payment, then refunds and reversals; then by id, so every copy and every restart
 * lists them alike (the order records come back from disk is not the order they were made).
 */
export function byTime(a: AccountEntry, b: AccountEntry): number {
  return Date.parse(a.at) - Date.parse(b.at) || ENTRY_KINDS.indexOf(a.kind) - ENTRY_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id);
}

/** The account statement: entries in time order (`byTime`), each with the running balance. */
export function statement(entries: readonly AccountEntry[]): StatementLine[] {
  const sorted = [...entries].sort(byTime);
  let running = 0;
  return sorted.map((entry) => {
    running += entry.amountCents;
    return { entry, balanceCents: running };
  });
}
