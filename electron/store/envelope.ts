/**
 * The shape of every data file: a format marker, the format version (for
 * migrations) and the records it holds, grouped by entity kind.
 */
import { z } from 'zod';
import type { EntityKind } from '../../shared/model/change';
import { entities, type EntityOf } from './entities';

export const FORMAT = 'cabas';
export const FORMAT_VERSION = 1;

/** Just enough to tell which format version wrote a file, whatever the rest of it looks like. */
export const envelopeVersionSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().min(1),
});

export const envelopeHeaderSchema = envelopeVersionSchema.extend({
  records: z.record(z.string(), z.array(z.unknown())),
});
export type EnvelopeHeader = z.infer<typeof envelopeHeaderSchema>;

export type FileRecords = { [K in EntityKind]?: EntityOf<K>[] };

/** Validates the records of a current-version file, kind by kind. */
export const fileRecordsSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(entities).map(([kind, def]) => [kind, z.array(def.schema).optional()]),
  ) as { [K in EntityKind]: z.ZodOptional<z.ZodArray<(typeof entities)[K]['schema']>> },
);

export function serialiseFile(records: FileRecords, version: number = FORMAT_VERSION): string {
  return `${JSON.stringify({ format: FORMAT, version, records }, null, 1)}\n`;
}
