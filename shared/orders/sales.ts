/**
 * What a distribution sold, read from its orders' lines: per product (what
 * the producers bring) and per producer (what they sold). Cancelled orders
 * count for nothing; every amount is quantity × frozen unit price, summed in
 * integer cents, so the totals always equal the sum of the lines.
 */
import type { Member } from '../model/member';
import type { Order, OrderLine } from '../model/order';
import { compareText, matchesQuery } from '../text/normalise';
import { isActive, lineTotal } from './totals';

export interface ProducerRef {
  id: string;
  name: string;
}

/** The catalogue facts a line does not carry: the product's current name and its producer. */
export interface ProductRef {
  productName: string;
  producer: ProducerRef;
}

/** A product no longer in the catalogue lookup keeps its line's name, under an unnamed producer. */
export const UNKNOWN_PRODUCER: ProducerRef = { id: '', name: '' };

export interface ProductSales {
  productId: string;
  productName: string;
  producer: ProducerRef;
  quantity: number;
  amountCents: number;
}

export interface ProducerSales {
  producer: ProducerRef;
  quantity: number;
  amountCents: number;
}

export interface Sales {
  products: ProductSales[];
  producers: ProducerSales[];
  totalCents: number;
}

/** Only what the totals read of an order and its lines. */
type SoldLine = Pick<OrderLine, 'productId' | 'productName' | 'quantity' | 'unitPriceCents'> & Partial<Pick<OrderLine, 'pieceGrams' | 'weighedGrams'>>;
type SoldOrder = Pick<Order, 'cancelledAt'> & { lines: readonly SoldLine[] };

/** Sorted as the delivery sheets read: by producer, then by product. */
export function salesOf(orders: Iterable<SoldOrder>, productOf: (productId: string) => ProductRef | undefined): Sales {
  const products = new Map<string, ProductSales>();
  for (const order of orders) {
    if (!isActive(order)) continue;
    for (const line of order.lines) {
      let row = products.get(line.productId);
      if (!row) {
        const known = productOf(line.productId);
        row = {
          productId: line.productId,
          productName: known?.productName ?? line.productName,
          producer: known?.producer ?? UNKNOWN_PRODUCER,
          quantity: 0,
          amountCents: 0,
        };
        products.set(line.productId, row);
      }
      row.quantity += line.quantity;
      row.amountCents += lineTotal(line);
    }
  }
  const productRows = [...products.values()].sort(
    (a, b) => compareText(a.producer.name, b.producer.name) || compareText(a.productName, b.productName),
  );

  const producers = new Map<string, ProducerSales>();
  for (const row of productRows) {
    const sum = producers.get(row.producer.id) ?? { producer: row.producer, quantity: 0, amountCents: 0 };
    sum.quantity += row.quantity;
    sum.amountCents += row.amountCents;
    producers.set(row.producer.id, sum);
  }
  return {
    products: productRows,
    producers: [...producers.values()],
    totalCents: productRows.reduce((total, row) => total + row.amountCents, 0),
  };
}

export interface OrderFilter {
  /** Searched in the member's name, phone and e-mail ("dup" finds Anne Dupont). */
  member: string;
  /** Orders with at least one line of this producer; null = any. */
  producerId: string | null;
  /** Orders with at least one line of this product; null = any. */
  productId: string | null;
}

export const NO_FILTER: OrderFilter = { member: '', producerId: null, productId: null };

/** Whether an order shows under the filter; `producerOf` names the producer of a product (undefined when unknown). */
export function matchesOrderFilter(
  view: { order: { lines: readonly Pick<OrderLine, 'productId'>[] }; member: Pick<Member, 'name' | 'phone' | 'email'> },
  filter: OrderFilter,
  producerOf: (productId: string) => string | undefined,
): boolean {
  const { lines } = view.order;
  if (!matchesQuery(filter.member, [view.member.name, view.member.phone, view.member.email])) return false;
  if (filter.productId !== null && !lines.some((line) => line.productId === filter.productId)) return false;
  if (filter.producerId !== null && !lines.some((line) => producerOf(line.productId) === filter.producerId)) return false;
  return true;
}
