/**
 * Format migrations, run on open after a backup of every file is taken.
 * Each one lifts a file from `from` to `from + 1`; they run in order.
 * The mechanism is also tested with a migration of its own (store/migrations.test.ts).
 */
import { FORMAT_VERSION, type EnvelopeHeader } from './envelope';

export interface Migration {
  from: number;
  /** Why the format changed, for the changelog and the backup's reason. */
  why: string;
  migrate(file: EnvelopeHeader, path: string): EnvelopeHeader;
}

export interface FormatSpec {
  version: number;
  migrations: readonly Migration[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * 1 → 2 (issue 15): a distribution keeps the fee rates in force when its ordering
 * closed. The files only gain the new fields, empty; the rates themselves are
 * taken from the relay right after the open, through a transaction like every
 * other freeze (services/frozen-rates.ts), so they are recorded as a change and
 * reach the other copies. The version moves so that an older Cabas says "update"
 * instead of calling the file damaged.
 */
export const distributionRates: Migration = {
  from: 1,
  why: 'distributions keep their settlement rates (issue 15)',
  migrate: (file) =>
    file.records.distribution
      ? {
          ...file,
          records: {
            ...file.records,
            distribution: file.records.distribution.map((record) => (isRecord(record) ? { rates: null, rateChanges: [], settledAt: null, ...record } : record)),
          },
        }
      : file,
};

const withDefaults = (record: unknown, defaults: Record<string, unknown>) => (isRecord(record) ? { ...defaults, ...record } : record);

/**
 * 2 → 3 (issue 15): products can be sold by weight. Every existing product is
 * sold by the unit, and every existing order line too (no piece estimate, not
 * weighed), so no total changes.
 */
export const weightPricing: Migration = {
  from: 2,
  why: 'products and order lines can be sold by weight (issue 15)',
  migrate: (file) => {
    const records = { ...file.records };
    if (records.product) records.product = records.product.map((product) => withDefaults(product, { pricing: 'unit', pieceGrams: null }));
    if (records.order) {
      records.order = records.order.map((order) =>
        isRecord(order) && Array.isArray(order.lines)
          ? { ...order, lines: order.lines.map((line) => withDefaults(line, { pieceGrams: null, weighedGrams: null })) }
          : order,
      );
    }
    return { ...file, records };
  },
};

export const currentFormat: FormatSpec = { version: FORMAT_VERSION, migrations: [distributionRates, weightPricing] };

export function migrateFile(file: EnvelopeHeader, path: string, format: FormatSpec): EnvelopeHeader {
  let current = file;
  while (current.version < format.version) {
    const step = format.migrations.find((migration) => migration.from === current.version);
    if (!step) throw new Error(`no migration from format ${current.version} for ${path}`);
    current = { ...step.migrate(current, path), version: current.version + 1 };
  }
  return current;
}
