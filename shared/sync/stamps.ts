/**
 * The clock timestamp of each field of a record: which write a field's value
 * comes from, so a change from another copy replaces it only if it is later
 * (per-field last writer wins, see merge.ts).
 *
 * Kept compact, because every record carries one: most fields of a record were
 * written together, so `_` holds the timestamp most fields share and only the
 * fields written later are named. No entity has a field called `_`.
 */
export type Stamps = Readonly<Record<string, string>>;

const DEFAULT = '_';

/**
 * Records written before sync existed have no timestamps. Their fields count as
 * written at the epoch by the copy that holds them: older than any real change,
 * and still a valid timestamp (see hlc.ts) naming a device, so copies agree on ties.
 */
export function legacyStamp(device: string): string {
  return `1970-01-01T00:00:00.000Z-0000-${device}`;
}

export function stampOf(stamps: Stamps | undefined, field: string): string | undefined {
  return stamps?.[field] ?? stamps?.[DEFAULT];
}

/** A record written whole at `at`. */
export function stampedAt(at: string): Stamps {
  return { [DEFAULT]: at };
}

/** After `fields` were written at `at`: those fields take `at`; the others keep theirs. */
export function withFields(stamps: Stamps | undefined, fields: Iterable<string>, at: string, allFields: readonly string[]): Stamps {
  const next: Record<string, string> = { ...stamps };
  for (const field of fields) next[field] = at;
  return compact(next, allFields);
}

/** Picks the most common timestamp as `_` and names only the fields that differ from it. */
export function compact(stamps: Record<string, string>, allFields: readonly string[]): Stamps {
  // One pass and one map: run for every record a sync merges (a snapshot of years holds every record, issue 11).
  const fallback = stamps[DEFAULT];
  const counts = new Map<string, number>();
  for (const field of allFields) {
    const at = stamps[field] ?? fallback;
    if (at !== undefined) counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  let common: string | undefined;
  let most = 0;
  for (const [at, count] of counts) {
    if (count > most || (count === most && at > common!)) {
      common = at;
      most = count;
    }
  }
  const result: Record<string, string> = {};
  if (common !== undefined) result[DEFAULT] = common;
  for (const field of allFields) {
    const at = stamps[field] ?? fallback;
    if (at !== undefined && at !== common) result[field] = at;
  }
  return result;
}

/** Every field's timestamp, the ones without any taking `fallback`. */
export function expand(stamps: Stamps | undefined, fields: readonly string[], fallback: string): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, stampOf(stamps, field) ?? fallback]));
}
