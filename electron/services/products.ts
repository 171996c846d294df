import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import { filterProducts, type ProductQuery } from '../../shared/catalogue/rules';
import { VAT_RATES, type Product, type ProductFields } from '../../shared/model/product';
import type { Store, Transaction } from '../store/store';
import { readRelay } from './relay';
import { withdrawFromFutureOffers } from './offers';

export function existingProduct(tx: Store | Transaction, id: string): Product {
  const product = tx.get('product', id);
  if (!product) throw new UserError('error.productNotFound');
  return product;
}

/** A VAT rate must be one of the relay's country (BE 0/6/12/21 %, FR 0/5,5/10/20 %). */
export function checkVatRate(tx: Transaction, vatRateBp: number): void {
  const { country } = readRelay(tx);
  const rates = VAT_RATES[country];
  if (!rates.includes(vatRateBp)) {
    throw new UserError('error.invalidInput', undefined, [
      { path: 'vatRateBp', key: 'validation.vatRate', params: { rates: rates.map((bp) => bp / 100).join(' / ') } },
    ]);
  }
}

/** A product sold by weight needs the estimate of one piece: members order pieces, and their order is priced on it until weighed. */
export function checkPricing(product: Pick<ProductFields, 'pricing' | 'pieceGrams'>): void {
  if (product.pricing === 'weight' && product.pieceGrams === null) {
    throw new UserError('error.invalidInput', undefined, [{ path: 'pieceGrams', key: 'validation.pieceGramsRequired' }]);
  }
}

function activeProducer(tx: Transaction, producerId: string): void {
  const producer = tx.get('producer', producerId);
  if (!producer) throw new UserError('error.producerNotFound');
  if (producer.archivedAt !== null) throw new UserError('error.producerArchived', { name: producer.name });
}

export function productsService(store: () => Store, now: () => Date) {
  const stamp = () => now().toISOString();
  return {
    'products.list': async (query: ProductQuery) => {
      const source = store();
      // An unknown producer is refused like in every change, not answered with an empty list that reads as "no products".
      if (query.producerId !== undefined && !source.get('producer', query.producerId)) throw new UserError('error.producerNotFound');
      return filterProducts(source.all('product'), query);
    },

    'products.create': (draft: ProductFields) =>
      store().transact((tx) => {
        activeProducer(tx, draft.producerId);
        checkVatRate(tx, draft.vatRateBp);
        checkPricing(draft);
        const at = stamp();
        return tx.put('product', { ...draft, id: randomUUID(), archivedAt: null, createdAt: at, updatedAt: at });
      }),

    'products.update': ({ id, changes }: { id: string; changes: Partial<Omit<ProductFields, 'producerId'>> }) =>
      store().transact((tx) => {
        const product = existingProduct(tx, id);
        // A rate kept from before a change of country stays; a new rate must be one of the country's.
        if (changes.vatRateBp !== undefined && changes.vatRateBp !== product.vatRateBp) checkVatRate(tx, changes.vatRateBp);
        const changed = { ...product, ...changes };
        checkPricing(changed);
        return tx.put('product', { ...changed, updatedAt: stamp() });
      }),

    /** Archiving takes the product out of future offers; past offers and orders keep it. */
    'products.archive': ({ id }: { id: string }) =>
      store().transact((tx) => {
        const product = existingProduct(tx, id);
        if (product.archivedAt !== null) return product;
        withdrawFromFutureOffers(tx, id, now());
        return tx.put('product', { ...product, archivedAt: stamp(), updatedAt: stamp() });
      }),

    'products.restore': ({ id }: { id: string }) =>
      store().transact((tx) => {
        const product = existingProduct(tx, id);
        if (product.archivedAt === null) return product;
        activeProducer(tx, product.producerId);
        return tx.put('product', { ...product, archivedAt: null, updatedAt: stamp() });
      }),
  };
}
