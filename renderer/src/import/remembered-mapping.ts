/**
 * The mapping step remembered on this machine, per kind of import: for each
 * column title the organiser mapped by hand ("Tarif au kilo" → price, "Réf."
 * → ignored), the choice, so the next file of that kind is read the same way
 * without asking again. Titles are compared as the importers compare them.
 */
import { headerKey } from '../../../shared/csv/columns';
import type { ImportNamespace } from './import-namespace';

export type Choice = string | null;

/** Each importer's kind of file, and the online forms' exports of orders. */
export type MappingKind = ImportNamespace | 'intake.formExport';

const key = (namespace: MappingKind) => `cabas.importMapping.${namespace}`;

function read(namespace: MappingKind): Record<string, Choice> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key(namespace)) ?? '{}');
    return stored && typeof stored === 'object' ? (stored as Record<string, Choice>) : {};
  } catch {
    return {};
  }
}

/** The choices for this file's columns, or null when nothing remembered applies (the automatic matching stands). */
export function rememberedChoices(namespace: MappingKind, mappings: readonly { header: string; column: string | null }[]): Choice[] | null {
  const remembered = read(namespace);
  let differs = false;
  const choices = mappings.map(({ header, column }) => {
    const title = headerKey(header);
    if (!Object.hasOwn(remembered, title)) return column;
    const choice = remembered[title] ?? null;
    if (choice !== column) differs = true;
    return choice;
  });
  return differs ? choices : null;
}

/** Keeps the choice made for each column whose field the organiser changed. */
export function rememberChoices(namespace: MappingKind, changed: readonly { header: string; choice: Choice }[]): void {
  try {
    const remembered = read(namespace);
    for (const { header, choice } of changed) remembered[headerKey(header)] = choice;
    localStorage.setItem(key(namespace), JSON.stringify(remembered));
  } catch {
    // Storage can be unavailable (private mode, sandbox): the mapping is then asked again next time.
  }
}
