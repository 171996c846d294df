/**
 * The shape of every data file: a format marker, the format version (for
 * migrations) and the records it holds, grouped by entity kind.
 */
import { z } from 'zod';
import type { EntityKind } from '../../shared/model/change';
import { entities, type EntityOf } from './entities';

export const FORMAT = 'cabas';
/** 2: distributions keep their settlement rates (issue 15). 3: products and order lines sold by weight (issue 15). */
export const FORMAT_VERSION = 3;

/** Just enough to tell which format version wrote a file, whatever the rest of it looks like. */
export const envelopeVersionSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().min(1),
});

export const stampsSchema = z.record(z.string(), z.string());

/** A record taken out: when, its last state (null while only the time matters) and its field timestamps. */
export const graveSchema = z.strictObject({ at: z.string(), record: z.record(z.string(), z.unknown()).nullable(), stamps: stampsSchema });

/**
 * Beside the records, what sync needs to merge per field (shared/sync/stamps.ts):
 * each record's field timestamps, and the records taken out (pickup slots) with
 * the time of removal — a change from a copy that had not seen the removal must
 * lose to it if older, and bring the record back whole if newer.
 */
export const syncSectionSchema = z.strictObject({
  stamps: z.record(z.string(), z.record(z.string(), stampsSchema)).optional(),
  removed: z.record(z.string(), z.record(z.string(), graveSchema)).optional(),
});
export type SyncSection = z.infer<typeof syncSectionSchema>;

export const envelopeHeaderSchema = envelopeVersionSchema.extend({
  records: z.record(z.string(), z.array(z.unknown())),
  sync: syncSectionSchema.optional(),
});
export type EnvelopeHeader = z.infer<typeof envelopeHeaderSchema>;

export type FileRecords = { [K in EntityKind]?: EntityOf<K>[] };

/** Validates the records of a current-version file, kind by kind. */
export const fileRecordsSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(entities).map(([kind, def]) => [kind, z.array(def.schema).optional()]),
  ) as { [K in EntityKind]: z.ZodOptional<z.ZodArray<(typeof entities)[K]['schema']>> },
);

export function serialiseFile(records: FileRecords, version: number = FORMAT_VERSION, sync?: SyncSection): string {
  const hasSync = sync !== undefined && (sync.stamps !== undefined || sync.removed !== undefined);
  return `${JSON.stringify(hasSync ? { format: FORMAT, version, records, sync } : { format: FORMAT, version, records }, null, 1)}\n`;
}
