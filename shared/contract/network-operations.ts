/**
 * A network of relays on one CouchDB (issue 16), part of the one contract,
 * spread into `contract` in operations.ts.
 */
import { z } from 'zod';
import type { OutboxStatus } from '../model/outbox';
import { stockQuantity } from '../model/product';
import type { NetworkStockList, ProducerAccess } from '../shop/network';
import { id } from '../model/fields';
import { operation } from './define';

export const networkOperations = {
  /** This copy's network id: the fingerprint of its key, which the organiser of each relay records on the producer. */
  'network.identity': operation<{ networkId: string }>()(z.strictObject({}), { mutates: false }),
  /** On a producer's copy: the other relays' distributions that take stock from it, with what it declared (kept on this machine). */
  'network.stock': operation<NetworkStockList>()(z.strictObject({}), { mutates: false }),
  /** On a producer's copy: a quantity for one of its products in another relay's distribution; null = not offered there. Published at the next sync. */
  'network.declareStock': operation<NetworkStockList>()(
    z.strictObject({ distributionId: z.string().min(1).max(100), productId: id, quantity: stockQuantity.nullable() }),
    { mutates: false },
  ),
  /** On an organiser's copy with the server's admin account: the producer's own CouchDB account, created or renewed. */
  'network.grantProducer': operation<ProducerAccess>()(z.strictObject({ producerId: id }), { mutates: false }),
  /** The same account sent by e-mail through the outbox (staged once per producer and distribution); refused for a producer without an address. */
  'network.mailProducerAccess': operation<{ prepared: boolean; status: OutboxStatus; pickupDate: string }>()(z.strictObject({ producerId: id }), { mutates: true }),
} as const;
