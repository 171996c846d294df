import { describe, expect, it } from 'vitest';
import type { DistributionView, OfferRow } from '../../../shared/catalogue/views';
import type { DistributionStatus } from '../../../shared/model/distribution';
import { distributionsToChoose } from './distribution-choice';
import { searchOffers } from './offer-search';
import { orderAccess } from './order-access';
import { readQuantity } from './quantity-text';

function offer(product: string, producer: string, remaining: number | null = 5): OfferRow {
  return {
    product: { id: product, name: product } as OfferRow['product'],
    producer: { id: producer, name: producer } as OfferRow['producer'],
    offer: {} as OfferRow['offer'],
    ordered: 0,
    remaining,
    priceCents: 250,
  };
}

// As offers.forDistribution sorts them: by producer, then product.
const rows = [
  offer('Pommes', 'Ferme des Carrières'),
  offer('Pain au levain', 'Fournil Martin'),
  offer('Carottes', 'Ferme du Bois', 0),
  offer('Oignons', 'Ferme du Bois'),
  offer('Pâte à tarte', 'Fournil Martin'),
];
const names = (query: string) => searchOffers(rows, query).map((row) => row.product.name);

describe('the product search of the order editor', () => {
  it('finds "car" in a product name first, then in a producer’s name', () => {
    expect(names('car')).toEqual(['Carottes', 'Pommes']);
  });

  it('folds accents and case, and matches every word typed', () => {
    expect(names('PATE')).toEqual(['Pâte à tarte']);
    expect(names('fournil pain')).toEqual(['Pain au levain']);
    expect(names('levain')).toEqual(['Pain au levain']);
  });

  it('lists nothing before anything is typed, and caps the list', () => {
    expect(names('  ')).toEqual([]);
    expect(searchOffers(rows, 'e', 2)).toHaveLength(2);
  });

  it('keeps products with no stock left, so picking one says why it cannot be ordered', () => {
    expect(searchOffers(rows, 'carottes')[0]?.remaining).toBe(0);
  });
});

describe('quantities typed in an order', () => {
  it('reads whole units of at least 1', () => {
    expect(readQuantity('2')).toBe(2);
    expect(readQuantity(' 12 ')).toBe(12);
    expect(readQuantity('10000')).toBe(10_000);
  });

  it('refuses anything else', () => {
    for (const text of ['', '0', '-1', '1,5', '2.5', 'deux', '10001', '1e3']) expect(readQuantity(text)).toBeNull();
  });
});

function distribution(id: string, status: DistributionStatus, pickupDate: string): DistributionView {
  return { id, status, pickupDate } as DistributionView;
}

describe('the distributions to take orders for', () => {
  it('puts the open ones first, then closed, then upcoming, then the distributed ones latest first; never the cancelled', () => {
    const chosen = distributionsToChoose([
      distribution('past-1', 'distributed', '2026-11-13'),
      distribution('past-2', 'distributed', '2026-11-20'),
      distribution('closed', 'closed', '2026-11-27'),
      distribution('open-2', 'open', '2026-12-11'),
      distribution('open-1', 'open', '2026-12-04'),
      distribution('later', 'upcoming', '2026-12-18'),
      distribution('off', 'cancelled', '2026-12-25'),
    ]);
    expect(chosen.map((item) => item.id)).toEqual(['open-1', 'open-2', 'closed', 'later', 'past-2', 'past-1']);
  });
});

describe('what the editor may do with an order', () => {
  const active = { late: false, cancelledAt: null };
  const late = { late: true, cancelledAt: null };
  const cancelled = { late: false, cancelledAt: '2026-11-26T10:00:00.000Z' };

  it('edits while ordering is open', () => {
    expect(orderAccess({ status: 'open' }, active)).toEqual({ editable: true, canRestore: false, canRecordLate: false });
  });

  it('is read-only once ordering closed, until the organiser records a late order', () => {
    expect(orderAccess({ status: 'closed' }, active)).toEqual({ editable: false, canRestore: false, canRecordLate: true });
    expect(orderAccess({ status: 'closed' }, late)).toEqual({ editable: true, canRestore: false, canRecordLate: false });
    expect(orderAccess({ status: 'upcoming' }, active).canRecordLate).toBe(true);
  });

  it('never changes once the distribution is over or cancelled', () => {
    for (const status of ['distributed', 'cancelled'] as const) {
      expect(orderAccess({ status }, late)).toEqual({ editable: false, canRestore: false, canRecordLate: false });
    }
  });

  it('offers to restore a cancelled order only where it could be edited', () => {
    expect(orderAccess({ status: 'open' }, cancelled)).toEqual({ editable: false, canRestore: true, canRecordLate: false });
    expect(orderAccess({ status: 'closed' }, cancelled)).toEqual({ editable: false, canRestore: false, canRecordLate: true });
  });
});
