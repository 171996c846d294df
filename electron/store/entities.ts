/**
 * Which entity lives in which file. One change rewrites one small file, so its
 * cost does not grow with years of history: settings apart, the catalogue
 * apart, and one file per distribution holding its offers (and, later, its
 * orders and slots).
 */
import { z } from 'zod';
import type { EntityKind } from '../../shared/model/change';
import { distributionSchema, offerSchema } from '../../shared/model/distribution';
import { producerSchema } from '../../shared/model/producer';
import { productSchema } from '../../shared/model/product';
import { memberSchema } from '../../shared/model/member';
import { orderSchema } from '../../shared/model/order';
import { DEFAULT_RELAY_SETTINGS, relaySettingsSchema } from '../../shared/model/relay';

export const RELAY_ID = 'relay';

/** A distribution and everything sold in it (offers, orders) share one file. */
export function distributionFile(distributionId: string): string {
  return `distributions/${distributionId}.json`;
}

/**
 * Settings added after the first format (categories, ordering window, usual
 * pickup) take their defaults when a relay file predates them; they are
 * written out at the next save.
 */
export const relayRecordSchema = z.preprocess(
  (stored) => (typeof stored === 'object' && stored !== null ? { ...DEFAULT_RELAY_SETTINGS, ...stored } : stored),
  relaySettingsSchema.extend({ id: z.literal(RELAY_ID) }),
);

export const entities = {
  relay: { schema: relayRecordSchema, fileOf: () => 'relay.json' },
  producer: { schema: producerSchema, fileOf: () => 'producers.json' },
  product: { schema: productSchema, fileOf: () => 'products.json' },
  member: { schema: memberSchema, fileOf: () => 'members.json' },
  distribution: { schema: distributionSchema, fileOf: (record: { id: string }) => distributionFile(record.id) },
  offer: { schema: offerSchema, fileOf: (record: { distributionId: string }) => distributionFile(record.distributionId) },
  order: { schema: orderSchema, fileOf: (record: { distributionId: string }) => distributionFile(record.distributionId) },
} as const satisfies Record<EntityKind, { schema: z.ZodType<{ id: string }>; fileOf: (record: never) => string }>;

export type EntityOf<K extends EntityKind> = z.infer<(typeof entities)[K]['schema']>;
export const entityKinds = Object.keys(entities) as EntityKind[];

export function fileOf<K extends EntityKind>(kind: K, record: EntityOf<K>): string {
  return (entities[kind].fileOf as (record: EntityOf<K>) => string)(record);
}
