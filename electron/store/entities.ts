/**
 * Which entity lives in which file. One change rewrites one small file, so its
 * cost does not grow with years of history: settings apart, the catalogue
 * apart, and (later) one file per distribution.
 */
import { z } from 'zod';
import type { EntityKind } from '../../shared/model/change';
import { producerSchema } from '../../shared/model/producer';
import { relaySettingsSchema } from '../../shared/model/relay';

export const RELAY_ID = 'relay';

export const relayRecordSchema = relaySettingsSchema.extend({ id: z.literal(RELAY_ID) });

export const entities = {
  relay: { schema: relayRecordSchema, fileOf: () => 'relay.json' },
  producer: { schema: producerSchema, fileOf: () => 'producers.json' },
} as const satisfies Record<EntityKind, { schema: z.ZodType<{ id: string }>; fileOf: (record: never) => string }>;

export type EntityOf<K extends EntityKind> = z.infer<(typeof entities)[K]['schema']>;
export const entityKinds = Object.keys(entities) as EntityKind[];

export function fileOf<K extends EntityKind>(kind: K, record: EntityOf<K>): string {
  return (entities[kind].fileOf as (record: EntityOf<K>) => string)(record);
}
