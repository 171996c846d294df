/**
 * Format migrations, run on open after a backup of every file is taken.
 * Each one lifts a file from `from` to `from + 1`; they run in order.
 * Format 1 is the first format, so the list is empty; the mechanism is tested
 * with a migration of its own (store/migrations.test.ts).
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

export const currentFormat: FormatSpec = { version: FORMAT_VERSION, migrations: [] };

export function migrateFile(file: EnvelopeHeader, path: string, format: FormatSpec): EnvelopeHeader {
  let current = file;
  while (current.version < format.version) {
    const step = format.migrations.find((migration) => migration.from === current.version);
    if (!step) throw new Error(`no migration from format ${current.version} for ${path}`);
    current = { ...step.migrate(current, path), version: current.version + 1 };
  }
  return current;
}
