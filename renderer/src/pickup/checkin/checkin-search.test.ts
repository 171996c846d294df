import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../../../shared/catalogue/views';
import { checkinDay } from '../../../../shared/checkin/day';
import type { Order, OrderLine } from '../../../../shared/model/order';
import { distributionsForPickup } from './checkin-choice';
import { linesByProducer, searchCheckin } from './checkin-search';

const at = '2026-03-06T16:00:00.000Z';
const line = (id: string, productId: string, productName: string): OrderLine => ({
  id, productId, productName, quantity: 1, unitPriceCents: 250, vatRateBp: 600, addedAt: at, missing: null, pieceGrams: null, weighedGrams: null,
});
function order(memberId: string, basketNumber: number): Order {
  return {
    id: `o-${memberId}`, distributionId: 'd', memberId, basketNumber, note: '', late: false, cancelledAt: null, slotId: null,
    slotPinned: false, slotOverride: false, collectedAt: null, noShowAt: null, counter: false, buyerName: '', createdAt: at, updatedAt: at, lines: [line(`l-${memberId}`, 'p', 'Carottes')],
  };
}
const names: Record<string, string> = { anne: 'Anne Dupont', emile: 'Émile Leroy', zoe: 'Zoé Martin', bruno: 'Bruno Dumont' };
const day = checkinDay({
  distribution: { id: 'd', pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' },
  slots: [],
  orders: [order('anne', 12), order('emile', 1), order('zoe', 120), order('bruno', 3)],
  memberOf: (id) => ({ id, name: names[id]!, phone: '' }),
});
const found = (query: string) => searchCheckin(day, query);
const namesOf = (query: string) => found(query).orders.map((row) => row.member.name);

describe('finding a member at the counter', () => {
  it('a basket number finds that basket first, then the numbers starting with it; Enter takes the exact one', () => {
    expect(namesOf('12')).toEqual(['Anne Dupont', 'Zoé Martin']);
    expect(found('12').target?.member.name).toBe('Anne Dupont');
    expect(namesOf('1')).toEqual(['Émile Leroy', 'Anne Dupont', 'Zoé Martin']);
    expect(found(' n° 3 ').target?.member.name).toBe('Bruno Dumont');
    expect(found('7').orders).toEqual([]);
  });

  it('words find names, accents and case aside; Enter only takes a single match', () => {
    expect(namesOf('emile')).toEqual(['Émile Leroy']);
    expect(found('emile').target?.member.name).toBe('Émile Leroy');
    expect(namesOf('du')).toEqual(['Anne Dupont', 'Bruno Dumont']);
    expect(found('du').target).toBeNull();
    expect(found('  ').orders).toHaveLength(4);
    expect(found('').target).toBeNull();
  });

  it('groups an order’s lines by producer, producers and products by name; an unknown product goes under “?”', () => {
    const offer = (productId: string, producer: string) => ({
      product: { id: productId, name: productId, unit: 'kg' as const, packDescription: '', producerId: producer },
      producer: { id: producer, name: producer },
    });
    const lines = [line('1', 'pommes', 'Pommes'), line('2', 'carottes', 'Carottes'), line('3', 'jus', 'Jus'), line('4', 'x', 'Ancien')];
    const grouped = linesByProducer(lines, [offer('pommes', 'Verger'), offer('jus', 'Verger'), offer('carottes', 'Ferme du Bois')]);
    expect(grouped.map((group) => [group.producerName, group.lines.map((entry) => entry.productName)])).toEqual([
      ['?', ['Ancien']],
      ['Ferme du Bois', ['Carottes']],
      ['Verger', ['Jus', 'Pommes']],
    ]);
  });
});

describe('the distributions the counter offers', () => {
  it('today first, then the next ones, then the recent past latest first; cancelled ones left out', () => {
    const distribution = (id: string, pickupDate: string, status: DistributionView['status'] = 'open') => ({ id, pickupDate, status }) as DistributionView;
    const list = [
      distribution('past', '2026-03-01', 'distributed'),
      distribution('next', '2026-03-13'),
      distribution('today', '2026-03-06', 'closed'),
      distribution('older', '2026-02-27', 'distributed'),
      distribution('cancelled', '2026-03-08', 'cancelled'),
    ];
    expect(distributionsForPickup(list, '2026-03-06').map((entry) => entry.id)).toEqual(['today', 'next', 'past', 'older']);
  });
});
