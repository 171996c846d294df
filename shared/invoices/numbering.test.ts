import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceNumber, missingSequences, nextSequence, sharedNumbers, unsettledSharedNumbers } from './numbering';

const issued = (year: number, sequence: number, id = `${year}-${sequence}`, issuedAt = '2026-03-31T10:00:00.000Z') => ({
  id,
  year,
  sequence,
  number: invoiceNumber(year, sequence),
  issuedAt,
});

describe('invoice numbering', () => {
  it('continues the year’s sequence and starts again at 1 with a new year', () => {
    const invoices = [issued(2025, 1), issued(2025, 2), issued(2026, 1)];
    expect(nextSequence(invoices, 2026)).toBe(2);
    expect(nextSequence(invoices, 2027)).toBe(1);
    expect(invoiceNumber(2026, 7)).toBe('2026-0007');
    expect(invoiceNumber(2026, 12345)).toBe('2026-12345');
  });

  it('numbers issued one after the other never leave a gap nor repeat, whatever the years', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(2025, 2026, 2027), { maxLength: 60 }), (years) => {
        const invoices: ReturnType<typeof issued>[] = [];
        for (const year of years) invoices.push(issued(year, nextSequence(invoices, year)));
        for (const year of [2025, 2026, 2027]) expect(missingSequences(invoices, year)).toEqual([]);
        expect(sharedNumbers(invoices)).toEqual([]);
      }),
    );
  });

  it('lists a number held by two invoices, oldest first', () => {
    const first = issued(2026, 3, 'a', '2026-03-31T10:00:00.000Z');
    const second = issued(2026, 3, 'b', '2026-03-31T09:00:00.000Z');
    expect(sharedNumbers([issued(2026, 1), issued(2026, 2), first, second])).toEqual([{ number: '2026-0003', invoices: [second, first] }]);
    expect(missingSequences([issued(2026, 1), issued(2026, 3)], 2026)).toEqual([2]);
  });

  it('keeps listing a shared number until all its invoices but one are cancelled by a credit note', () => {
    let minute = 0;
    const document = (id: string, sequence: number, kind: 'invoice' | 'creditNote' = 'invoice', creditOf: string | null = null) => ({
      ...issued(2026, sequence, id, `2026-03-31T10:${String((minute += 1)).padStart(2, '0')}:00.000Z`),
      kind,
      creditOf,
    });
    const [farm, bakery] = [document('farm', 1), document('bakery', 1)];
    expect(unsettledSharedNumbers([farm, bakery])).toEqual([{ number: '2026-0001', invoices: [{ ...farm, creditedBy: null }, { ...bakery, creditedBy: null }] }]);
    // The bakery's is cancelled by credit note 2026-0002 and issued again as 2026-0003: the number is settled.
    const fixed = [farm, bakery, document('credit', 2, 'creditNote', 'bakery'), document('again', 3)];
    expect(unsettledSharedNumbers(fixed)).toEqual([]);
    // Two credit notes sharing a number cannot be cancelled: they stay listed.
    expect(unsettledSharedNumbers([document('x', 4, 'creditNote', 'farm'), document('y', 4, 'creditNote', 'bakery')]).map(({ number }) => number)).toEqual(['2026-0004']);
  });
});
