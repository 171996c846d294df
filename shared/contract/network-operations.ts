/**
 * A network of relays on one CouchDB (issue 16), part of the one contract,
 * spread into `contract` in operations.ts.
 */
import { z } from 'zod';
import { operation } from './define';

export const networkOperations = {
  /** This copy's network id: the fingerprint of its key, which the organiser of each relay records on the producer. */
  'network.identity': operation<{ networkId: string }>()(z.strictObject({}), { mutates: false }),
} as const;
