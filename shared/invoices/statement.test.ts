import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../model/order';
import { settleDistribution } from '../settlement/distribution';
import { parseCsv } from '../csv/parse';
import { writeCsv } from '../csv/write';
import { statementRows } from './csv';
import { negated, producerStatement } from './statement';

const producers: Record<string, { id: string; name: string }> = {
  carottes: { id: 'bois', name: 'Ferme du Bois' },
  jus: { id: 'bois', name: 'Ferme du Bois' },
  pain: { id: 'martin', name: 'Boulangerie Martin' },
};
// Counted lines; the weighed-line fields (sold by weight) are null, and the cast lets this compile with and without them.
const line = (productId: string, quantity: number, unitPriceCents: number, vatRateBp = 600): OrderLine =>
  ({
    id: `${productId}-${quantity}-${unitPriceCents}`,
    pieceGrams: null,
    weighedGrams: null,
    productId,
    productName: productId,
    quantity,
    unitPriceCents,
    vatRateBp,
    addedAt: '2026-03-04T10:00:00.000Z',
    missing: null,
  }) as OrderLine;
const settled = (distributionId: string, pickupDate: string, lines: OrderLine[], hostCommissionBp: number, serviceFeeBp: number) => ({
  distributionId,
  pickupDate,
  settlement: settleDistribution([{ cancelledAt: null, lines }], (productId) => producers[productId]!, { hostCommissionBp, serviceFeeBp }),
});

// Two Fridays of March: the second closed after the relay raised its fee, so its frozen rates differ.
const march = [
  settled('d-0313', '2026-03-13', [line('carottes', 3, 250), line('jus', 1, 1210, 2100), line('pain', 2, 380)], 835, 1165),
  settled('d-0306', '2026-03-06', [line('carottes', 4, 250)], 835, 1000),
];

describe('a producer’s monthly statement', () => {
  it('adds each distribution’s settlement at its own rates: sales by product, VAT per rate, fees, owed', () => {
    const figures = producerStatement('bois', march, 0);
    expect(figures.distributions.map((row) => [row.pickupDate, row.grossCents, row.hostCommissionCents, row.serviceFeeCents])).toEqual([
      ['2026-03-06', 1000, 84, 100], // 83.5 → 84; 10 % = 100
      ['2026-03-13', 1960, 164, 228], // 163.66 → 164; 228.34 → 228
    ]);
    expect(figures.products).toEqual([
      { productId: 'carottes', productName: 'carottes', quantity: 7, grossCents: 1750 },
      { productId: 'jus', productName: 'jus', quantity: 1, grossCents: 1210 },
    ]);
    expect(figures.vat).toEqual([
      { vatRateBp: 600, grossCents: 1750, netCents: 1651, vatCents: 99 }, // 943.40 + 707.55 → 943 + 708
      { vatRateBp: 2100, grossCents: 1210, netCents: 1000, vatCents: 210 },
    ]);
    expect(figures).toMatchObject({ grossCents: 2960, hostCommissionCents: 248, serviceFeeCents: 328, feeVatCents: 0, owedCents: 2384 });
  });

  it('charges the relay’s VAT on its commission and fee when the relay charges it, rounded once on the month', () => {
    const figures = producerStatement('bois', march, 2100);
    // 21 % of (248 + 328) = 120.96 → 121, taken from what the producer is owed.
    expect(figures).toMatchObject({ feeVatBp: 2100, feeVatCents: 121, owedCents: 2960 - 248 - 328 - 121 });
  });

  it('leaves out other producers and distributions where this producer sold nothing', () => {
    const figures = producerStatement('martin', march, 0);
    expect(figures.distributions.map((row) => row.distributionId)).toEqual(['d-0313']);
    expect(figures.grossCents).toBe(760);
  });

  it('a credit note’s figures cancel the invoice’s to the cent', () => {
    const figures = producerStatement('bois', march, 2100);
    const credit = negated(figures);
    for (const key of ['grossCents', 'hostCommissionCents', 'serviceFeeCents', 'feeVatCents', 'owedCents'] as const) expect(figures[key] + credit[key]).toBe(0);
    expect(credit.vat.map((share) => share.vatCents)).toEqual([-99, -210]);
  });

  it('the CSV carries the figures under headings in the relay’s language', () => {
    const figures = producerStatement('bois', march, 2100);
    const rows = (language: 'fr' | 'en') => parseCsv(new TextEncoder().encode(writeCsv(statementRows(figures, language)))).rows.map((row) => row.cells);
    const fr = rows('fr');
    expect(fr).toContainEqual(['carottes', '7', '17,50']);
    expect(fr).toContainEqual(['21 %', '10,00', '2,10', '12,10']);
    expect(fr).toContainEqual(['TVA sur les frais (21 %)', '1,21']);
    expect(fr).toContainEqual(['dû au producteur', '22,63']);
    expect(rows('en')).toContainEqual(['owed to the producer', '22,63']);
  });
});
