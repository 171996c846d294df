/**
 * The producer delivery sheet (bon de livraison): per producer, how much of
 * each product to bring, then, product by product, which basket gets how
 * much. Baskets are listed by number, the order they stand in on the tables
 * while the producer's crates are shared out.
 */
import type { SaleUnit } from '../model/product';
import { compareText } from '../text/normalise';
import { addWeight, indexOffers, ordersToPrint, producerOf, type SheetOffer, type SheetOrderView, type SheetWeight } from './source';

export interface DeliveryBasket {
  orderId: string;
  basketNumber: number;
  name: string;
  quantity: number;
  /** Sold by weight: this basket's estimate and weighing; null for a product sold by the unit. */
  weight: SheetWeight | null;
}

export interface DeliveryProduct {
  productId: string;
  productName: string;
  /** null when no offer explains the product any more. */
  unit: SaleUnit | null;
  packDescription: string;
  /** Total to bring: the sum of the baskets' quantities. */
  quantity: number;
  /** Sold by weight: the estimate of everything to bring, and its weighed total once every basket is weighed. */
  weight: SheetWeight | null;
  baskets: DeliveryBasket[];
}

export interface ProducerDelivery {
  producerId: string;
  producerName: string;
  products: DeliveryProduct[];
}

/** Cancelled orders are left out; a producer with nothing ordered gets no sheet. */
export function deliverySheets(orders: Iterable<SheetOrderView>, offers: Iterable<SheetOffer>): ProducerDelivery[] {
  const index = indexOffers(offers);
  const producers = new Map<string, ProducerDelivery>();
  for (const { order, member } of ordersToPrint(orders)) {
    for (const line of order.lines) {
      const producer = producerOf(index, line.productId);
      const delivery = producers.get(producer.id) ?? { producerId: producer.id, producerName: producer.name, products: [] };
      producers.set(producer.id, delivery);
      let product = delivery.products.find((candidate) => candidate.productId === line.productId);
      if (!product) {
        const offered = index.get(line.productId)?.product;
        product = {
          productId: line.productId,
          // The catalogue's name of today: the producer knows the product by it.
          productName: offered?.name ?? line.productName,
          unit: offered?.unit ?? null,
          packDescription: offered?.packDescription ?? '',
          quantity: 0,
          weight: null,
          baskets: [],
        };
        delivery.products.push(product);
      }
      product.quantity += line.quantity;
      product.weight = addWeight(product.weight, line);
      const basket = product.baskets.find((candidate) => candidate.orderId === order.id);
      if (basket) {
        basket.quantity += line.quantity;
        basket.weight = addWeight(basket.weight, line);
      } else product.baskets.push({ orderId: order.id, basketNumber: order.basketNumber, name: member.name, quantity: line.quantity, weight: addWeight(null, line) });
    }
  }
  const sheets = [...producers.values()].sort((a, b) => compareText(a.producerName, b.producerName));
  for (const sheet of sheets) {
    sheet.products.sort((a, b) => compareText(a.productName, b.productName));
    for (const product of sheet.products) product.baskets.sort((a, b) => a.basketNumber - b.basketNumber);
  }
  return sheets;
}
