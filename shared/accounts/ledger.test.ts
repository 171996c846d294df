import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../contract/errors';
import {
  accountEntrySchema,
  balance,
  ledgerIssues,
  openEntries,
  PAYMENT_METHODS,
  reverse,
  reverseIn,
  statement,
  type AccountEntry,
} from './ledger';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const member = uuid(999_999);
const order = uuid(888_888);
const at = (minute: number) => new Date(Date.UTC(2026, 2, 6, 16, minute)).toISOString();
const entry = (n: number, fields: Partial<AccountEntry>): AccountEntry => ({
  id: uuid(n), memberId: member, at: at(n), kind: 'payment', amountCents: 1000, method: 'cash', reference: '', reason: '', ...fields,
});

/** Each refused field as "path:key". */
function refusals(value: unknown): string[] {
  const result = accountEntrySchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
}

describe('an account entry', () => {
  it('accepts each kind with its sign: order debit (negative), payment and refund credit (positive), reversal the opposite of its entry', () => {
    expect(refusals(entry(1, { kind: 'order', amountCents: -2340, method: undefined, orderId: order }))).toEqual([]);
    expect(refusals(entry(2, { kind: 'payment', amountCents: 1500, method: 'cheque', reference: 'chèque 0042' }))).toEqual([]);
    expect(refusals(entry(3, { kind: 'refund', amountCents: 250, method: undefined, orderId: order }))).toEqual([]);
    expect(refusals(entry(4, { kind: 'reversal', amountCents: -1500, reverses: uuid(2), reason: 'saisie en double' }))).toEqual([]);
  });

  it('refuses a wrong sign, a payment without method, a reversal without target or reason, and fields that belong to another kind', () => {
    expect(refusals(entry(1, { kind: 'order', amountCents: 2340, method: undefined }))).toEqual(['amountCents:validation.invalid', 'orderId:validation.required']);
    expect(refusals(entry(2, { amountCents: -1500, method: undefined }))).toEqual(['amountCents:validation.invalid', 'method:validation.required']);
    expect(refusals(entry(3, { kind: 'refund', amountCents: 0, reverses: uuid(1) }))).toEqual([
      'amountCents:validation.invalid', 'method:validation.invalid', 'reverses:validation.invalid',
    ]);
    expect(refusals(entry(4, { kind: 'reversal', amountCents: 0, reason: '   ' }))).toEqual([
      'amountCents:validation.invalid', 'reverses:validation.required', 'reason:validation.required',
    ]);
    expect(refusals(entry(5, { amountCents: 10.5 })).map((issue) => issue.split(':')[0])).toEqual(['amountCents']);
    expect(accountEntrySchema.safeParse({ ...entry(6, {}), extra: 1 }).error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
  });
});

describe('reversing', () => {
  const payment = entry(1, { amountCents: 1500, reference: 'reçu 7', orderId: order });

  it('makes a new entry with the opposite amount, same member, order and method, and the reason; the entry itself is untouched', () => {
    const before = structuredClone(payment);
    const reversal = reverse(payment, '  erreur de caisse ', at(5), uuid(2));
    expect(reversal).toEqual({
      id: uuid(2), memberId: member, at: at(5), kind: 'reversal', amountCents: -1500, method: 'cash',
      reference: 'reçu 7', orderId: order, reverses: uuid(1), reason: 'erreur de caisse',
    });
    expect(accountEntrySchema.parse(reversal)).toEqual(reversal);
    expect(payment).toEqual(before);
    expect(balance([payment, reversal])).toBe(0);
  });

  it('refuses a blank reason and the reversal of a reversal', () => {
    expect(() => reverse(payment, '  ', at(5), uuid(2))).toThrow(UserError);
    const reversal = reverse(payment, 'erreur', at(5), uuid(2));
    expect(() => reverse(reversal, 'encore', at(6), uuid(3))).toThrow(UserError);
  });

  it('in a ledger, refuses an unknown entry and an entry already reversed, and a double reversal that slipped in (a sync merge) is reported', () => {
    const reversal = reverseIn([payment], uuid(1), 'erreur', at(5), uuid(2));
    expect(() => reverseIn([payment, reversal], uuid(1), 'encore', at(6), uuid(3))).toThrow(UserError);
    expect(() => reverseIn([payment], uuid(42), 'erreur', at(6), uuid(3))).toThrow(UserError);
    const twice = reverse(payment, 'sur l’autre poste', at(7), uuid(3));
    expect(ledgerIssues([payment, reversal])).toEqual([]);
    expect(ledgerIssues([payment, reversal, twice])).toEqual([{ kind: 'reversedTwice', entryId: uuid(1), reversalIds: [uuid(2), uuid(3)] }]);
  });

  it('reports a reversal of nothing known, of a reversal, one that does not mirror its entry, and a repeated id', () => {
    const reversal = reverse(payment, 'erreur', at(5), uuid(2));
    expect(ledgerIssues([
      payment,
      reversal,
      { ...reversal, id: uuid(3), reverses: uuid(2), amountCents: 1500 },
      { ...reversal, id: uuid(4), reverses: uuid(42) },
      entry(5, { kind: 'refund', amountCents: 100, method: undefined }),
      { ...reversal, id: uuid(6), reverses: uuid(5), amountCents: -99, method: undefined },
      entry(5, {}),
    ])).toEqual([
      { kind: 'duplicateId', entryId: uuid(5) },
      { kind: 'reversalOfReversal', reversalId: uuid(3), entryId: uuid(2) },
      { kind: 'unknownEntry', reversalId: uuid(4), entryId: uuid(42) },
      { kind: 'wrongReversal', reversalId: uuid(6), entryId: uuid(5) },
    ]);
  });
});

describe('the statement', () => {
  it('lists entries oldest first with the running balance; same instant whatever the precision', () => {
    const lines = statement([
      entry(3, { kind: 'order', amountCents: -2340, method: undefined, orderId: order, at: '2026-03-06T17:00:00Z' }),
      entry(1, { amountCents: 1000, at: '2026-03-01T09:00:00.000Z' }),
      entry(4, { amountCents: 1340, at: '2026-03-06T17:00:00.000Z' }),
      entry(2, { kind: 'refund', amountCents: 250, method: undefined, at: '2026-03-06T16:59:59.999Z' }),
    ]);
    expect(lines.map((line) => [line.entry.id, line.balanceCents])).toEqual([[uuid(1), 1000], [uuid(2), 1250], [uuid(3), -1090], [uuid(4), 250]]);
    expect(statement([])).toEqual([]);
  });

  it('a basket collected and paid in one step reads debit then payment, however the entries were recorded or read back', () => {
    const instant = '2026-03-06T17:00:00.000Z';
    const debit = entry(9, { kind: 'order', amountCents: -2340, method: undefined, orderId: order, at: instant });
    const payment = entry(3, { amountCents: 1340, at: instant });
    const advance = entry(1, { amountCents: 1000, at: '2026-03-01T09:00:00.000Z' });
    for (const recorded of [[advance, payment, debit], [debit, advance, payment], [payment, debit, advance]]) {
      expect(statement(recorded).map((line) => [line.entry.kind, line.balanceCents])).toEqual([['payment', 1000], ['order', -1340], ['payment', 0]]);
    }
  });
});

describe('for any sequence of orders, payments, refunds and reversals', () => {
  const step = fc.oneof(
    fc.record({ op: fc.constant('order' as const), cents: fc.integer({ min: 1, max: 50_000 }) }),
    fc.record({ op: fc.constant('payment' as const), cents: fc.integer({ min: 1, max: 50_000 }), method: fc.constantFrom(...PAYMENT_METHODS) }),
    fc.record({ op: fc.constant('refund' as const), cents: fc.integer({ min: 1, max: 5_000 }) }),
    fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
  );

  type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

  /** Plays the steps through the ledger functions, checking after each that nothing recorded before has changed. */
  function play(steps: Step[]): AccountEntry[] {
    const entries: AccountEntry[] = [];
    steps.forEach((s, n) => {
      const before = structuredClone(entries);
      const base = { id: uuid(n), memberId: member, at: at(n % 60), reference: '', reason: '' };
      if (s.op === 'reverse') {
        const target = entries[s.pick % Math.max(entries.length, 1)];
        const refused = !target || target.kind === 'reversal' || entries.some((e) => e.reverses === target.id);
        if (refused) expect(() => reverseIn(entries, target?.id ?? uuid(999_000), 'erreur', base.at, base.id)).toThrow(UserError);
        else entries.push(reverseIn(entries, target.id, `erreur ${n}`, base.at, base.id));
      } else if (s.op === 'order') entries.push({ ...base, kind: 'order', amountCents: -s.cents, orderId: order });
      else if (s.op === 'payment') entries.push({ ...base, kind: 'payment', amountCents: s.cents, method: s.method });
      else entries.push({ ...base, kind: 'refund', amountCents: s.cents });
      // Reading the ledger changes nothing either.
      balance(entries); statement(entries); ledgerIssues(entries); openEntries(entries);
      expect(entries.slice(0, before.length)).toEqual(before);
    });
    return entries;
  }

  it('every entry is valid, no entry is changed, the balance is the sum of the entries and the statement ends on it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const entries = play(steps);
        for (const e of entries) expect(accountEntrySchema.safeParse(e).success).toBe(true);
        const sum = entries.reduce((total, e) => total + e.amountCents, 0);
        expect(balance(entries)).toBe(sum);
        expect(Number.isSafeInteger(balance(entries))).toBe(true);
        const lines = statement(entries);
        expect(lines).toHaveLength(entries.length);
        expect(lines.at(-1)?.balanceCents ?? 0).toBe(sum);
        expect(balance(openEntries(entries))).toBe(sum);
        expect(ledgerIssues(entries)).toEqual([]);
      }),
    );
  });

  it('reversing every open entry brings the balance to zero and leaves nothing to reverse', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const entries = play(steps);
        const before = structuredClone(entries);
        const closing = [...entries];
        openEntries(entries).forEach((e, n) => closing.push(reverseIn(closing, e.id, 'clôture', at(59), uuid(500_000 + n))));
        expect(balance(closing)).toBe(0);
        expect(openEntries(closing)).toEqual([]);
        expect(ledgerIssues(closing)).toEqual([]);
        expect(closing.slice(0, entries.length)).toEqual(before);
      }),
    );
  });

  it('a second reversal of any entry is refused, and detected if it slipped in', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), fc.nat(), (steps, pick) => {
        const entries = play([{ op: 'payment', cents: 100, method: 'cash' }, ...steps]);
        const candidates = entries.filter((e) => e.kind !== 'reversal');
        const target = candidates[pick % candidates.length]!;
        const ledger = entries.some((e) => e.reverses === target.id) ? entries : [...entries, reverse(target, 'erreur', at(58), uuid(700_000))];
        expect(() => reverseIn(ledger, target.id, 'encore', at(59), uuid(700_001))).toThrow(UserError);
        const twice = [...ledger, reverse(target, 'encore', at(59), uuid(700_001))];
        expect(ledgerIssues(twice)).toContainEqual(expect.objectContaining({ kind: 'reversedTwice', entryId: target.id }));
      }),
    );
  });
});
