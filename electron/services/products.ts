import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import { filterProducts, type ProductQuery } from '../../shared/catalogue/rules';
import type { Product, ProductFields } from '../../shared/model/product';
import type { Store, Transaction } from '../store/store';
import { withdrawFromFutureOffers } from './offers';

export function existingProduct(tx: Store | Transaction, id: string): Product {
  const product = tx.get('product', id);
  if (!product) throw new UserError('error.productNotFound');
  return product;
}

function activeProducer(tx: Transaction, producerId: string): void {
  const producer = tx.get('producer', producerId);
  if (!producer) throw new UserError('error.producerNotFound');
  if (producer.archivedAt !== null) throw new UserError('error.producerArchived', { name: producer.name });
}

export function productsService(store: () => Store, now: () => Date) {
  const stamp = () => now().toISOString();
  return {
    'products.list': async (query: ProductQuery) => filterProducts(store().all('product'), query),

    'products.create': (draft: ProductFields) =>
      store().transact((tx) => {
        activeProducer(tx, draft.producerId);
        const at = stamp();
        return tx.put('product', { ...draft, id: randomUUID(), archivedAt: null, createdAt: at, updatedAt: at });
      }),

    'products.update': ({ id, changes }: { id: string; changes: Partial<Omit<ProductFields, 'producerId'>> }) =>
      store().transact((tx) => tx.put('product', { ...existingProduct(tx, id), ...changes, updatedAt: stamp() })),

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
