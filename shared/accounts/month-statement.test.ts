import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statement, type AccountEntry } from './ledger';
import { monthStatement } from './month-statement';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const entry = (n: number, at: string, kind: AccountEntry['kind'], amountCents: number): AccountEntry => ({
  id: uuid(n), memberId: uuid(999), at, kind, amountCents, method: kind === 'payment' ? 'cash' : undefined, reference: '', reason: '',
} as AccountEntry);

describe('a member’s monthly statement', () => {
  const entries = [
    entry(1, '2026-02-20T10:00:00.000Z', 'payment', 3000),
    entry(2, '2026-02-27T17:00:00.000Z', 'order', -1250),
    // 00:30 on 1 March in Brussels: March, although it is still February in UTC.
    entry(3, '2026-02-28T23:30:00.000Z', 'order', -2340),
    entry(4, '2026-03-13T17:00:00.000Z', 'refund', 250),
    entry(5, '2026-03-20T09:00:00.000Z', 'payment', 2000),
    entry(6, '2026-04-01T08:00:00.000Z', 'order', -900),
  ];

  it('brings forward the balance from before the month, lists the month’s entries with the balance after each, and carries the last', () => {
    const march = monthStatement(statement(entries), '2026-03', 'Europe/Brussels');
    expect(march.openingCents).toBe(1750);
    expect(march.lines.map(({ entry: { id }, balanceCents }) => [id, balanceCents])).toEqual([
      [uuid(3), -590],
      [uuid(4), -340],
      [uuid(5), 1660],
    ]);
    expect(march.closingCents).toBe(1660);
  });

  it('a month without entries opens and closes on the same balance', () => {
    expect(monthStatement(statement(entries), '2026-05', 'Europe/Brussels')).toEqual({ month: '2026-05', openingCents: 760, lines: [], closingCents: 760 });
    expect(monthStatement(statement(entries), '2026-01', 'Europe/Brussels')).toEqual({ month: '2026-01', openingCents: 0, lines: [], closingCents: 0 });
  });

  it('every month closes on the next one’s opening, and on its opening plus its entries', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 150 * 24 * 60 }), fc.integer({ min: -5000, max: 5000 })), { maxLength: 40 }), (raw) => {
        const start = Date.UTC(2026, 0, 1);
        const lines = statement(raw.map(([minute, cents], n) => entry(n, new Date(start + minute * 60_000).toISOString(), cents < 0 ? 'order' : 'payment', cents)));
        const byMonth = months.map((month) => monthStatement(lines, month, 'Europe/Brussels'));
        for (const [index, month] of byMonth.entries()) {
          expect(month.closingCents).toBe(month.openingCents + month.lines.reduce((sum, line) => sum + line.entry.amountCents, 0));
          if (index > 0) expect(month.openingCents).toBe(byMonth[index - 1]!.closingCents);
        }
      }),
    );
  });
});
