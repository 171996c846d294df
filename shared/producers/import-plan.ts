/**
 * Importing producers from the spreadsheet an organiser already keeps:
 * name, contact, e-mail, phone, address, distance, notes (with line breaks).
 * Same shape as the other imports: a plan computed from the file and the
 * current producers, shown row by row in the preview and computed again
 * inside the write. A row is the producer with the same name (accents and
 * case ignored), so importing the same file again updates, never duplicates.
 */
import { columnIssues, differs, rowContext, type ColumnAliases, type ColumnChoices, type ImportAction, type ImportIssue } from '../csv/columns';
import { startPlan, type ImportPlan } from '../csv/import-plan';
import type { SheetTable } from '../csv/table';
import { producerPatchSchema, type Producer, type ProducerFields } from '../model/producer';
import { fold } from '../text/normalise';
import { PRODUCER_DETAIL_COLUMNS, PRODUCER_FIELD_COLUMNS, readProducerDetails } from './import-fields';

export const PRODUCER_IMPORT_COLUMNS = {
  name: ['nom', 'producteur', 'name', 'producer', 'nom du producteur', 'nom producteur'],
  ...PRODUCER_DETAIL_COLUMNS,
  notes: ['remarques', 'remarque', 'notes', 'note', 'commentaire', 'commentaires', 'observations'],
} as const satisfies ColumnAliases<string>;
export type ProducerImportColumn = keyof typeof PRODUCER_IMPORT_COLUMNS;
export type ProducerImportIssue = ImportIssue<ProducerImportColumn>;

export interface ProducerImportRow {
  line: number;
  name: string;
  contactName: string;
  action: ImportAction | null;
  issues: ProducerImportIssue[];
  /** Values imported as read but worth a look ("8 km" read as 8). */
  warnings: ProducerImportIssue[];
}

/** The name always; every other field only when its cell has something. */
export type ImportedProducerFields = Pick<ProducerFields, 'name'> & Partial<ProducerFields>;

/** What the write does, in file order; unchanged rows are listed too and skipped by the write. */
export type ProducerImportPlan = ImportPlan<
  ProducerImportColumn,
  ProducerImportRow,
  { producersCreated: number; producersUpdated: number; producersUnchanged: number; rowsWithIssues: number },
  { existingId: string | null; fields: ImportedProducerFields }[]
>;

const FIELD_COLUMNS: Record<string, ProducerImportColumn> = { name: 'name', notes: 'notes', ...PRODUCER_FIELD_COLUMNS };

export function planProducerImport(
  table: Pick<SheetTable, 'header' | 'rows' | 'errors'>,
  existing: readonly Producer[],
  chosen: ColumnChoices = [],
): ProducerImportPlan {
  const plan: ProducerImportPlan = startPlan(table, {
    aliases: PRODUCER_IMPORT_COLUMNS,
    chosen,
    required: () => ['name'],
    unreadable: (line, issues) => ({ line, name: '', contactName: '', action: null, issues, warnings: [] }),
    counts: { producersCreated: 0, producersUpdated: 0, producersUnchanged: 0 },
    writes: [],
  });
  const { columns } = plan;
  if (plan.fileIssues.length > 0) return plan;

  // Active producers first: a name shared with an archived producer means the one still selling.
  const byName = new Map<string, Producer>();
  for (const producer of [...existing].sort((a, b) => Number(a.archivedAt === null) - Number(b.archivedAt === null))) {
    byName.set(fold(producer.name), producer);
  }
  /** The row that already named each producer: a second row for the same name is refused, not merged. */
  const takenBy = new Map<string, number>();

  for (const row of table.rows) {
    const context = rowContext<ProducerImportColumn>(row, columns, table.header);
    const name = context.cell('name') ?? '';
    if (name === '') context.issues.push({ column: 'name', key: 'validation.required' });
    const fields: ImportedProducerFields = { name, ...readProducerDetails(context) };
    const notes = context.cell('notes');
    if (notes) fields.notes = notes;
    // The model's limits (lengths): a row that passes here is one the store accepts.
    if (context.issues.length === 0) {
      const check = producerPatchSchema.shape.changes.safeParse(fields);
      if (!check.success) context.issues.push(...columnIssues(check.error, FIELD_COLUMNS));
    }
    const key = fold(name);
    const earlierLine = takenBy.get(key);
    if (context.issues.length === 0 && earlierLine !== undefined) {
      context.issues.push({ column: 'name', key: 'producers.import.duplicateRow', params: { name, line: earlierLine } });
    }

    const { issues, warnings } = context;
    const rowPlan: ProducerImportRow = { line: row.line, name, contactName: fields.contactName ?? '', action: null, issues, warnings };
    plan.rows.push(rowPlan);
    if (issues.length > 0) {
      plan.counts.rowsWithIssues++;
      continue;
    }
    takenBy.set(key, row.line);
    const current = byName.get(key);
    rowPlan.action = !current ? 'create' : differs(current, fields) ? 'update' : 'unchanged';
    plan.writes.push({ existingId: current?.id ?? null, fields });
    if (rowPlan.action === 'create') plan.counts.producersCreated++;
    else if (rowPlan.action === 'update') plan.counts.producersUpdated++;
    else plan.counts.producersUnchanged++;
  }
  plan.rows.sort((a, b) => a.line - b.line);
  return plan;
}
