/**
 * The pickup day of pickup-day.ts with a cheese sold by weight (issue 15):
 * Tomme de vache at 18,90 € per kg, about 400 g a piece, from the Ferme du Bois.
 */
import type { Producer } from '../../shared/model/producer';
import type { Product } from '../../shared/model/product';
import { pickupDay, type PickupDay } from './pickup-day';
import { call, createProduct } from './service-calls';

export interface WeighedDay extends PickupDay {
  tomme: Product;
}

export async function weighedDay(dataDir: string): Promise<WeighedDay> {
  const day = await pickupDay(dataDir);
  const farm = (await call<Producer[]>(day.app, 'producers.list', {})).find((producer) => producer.name === 'Ferme du Bois')!;
  const tomme = await createProduct(day.app, farm.id, {
    name: 'Tomme de vache',
    category: 'produits laitiers',
    unit: 'piece',
    priceCents: 1890,
    pricing: 'weight',
    pieceGrams: 400,
  });
  await call(day.app, 'offers.set', { distributionId: day.distribution.id, productId: tomme.id, quantity: null });
  return { ...day, tomme };
}
