/**
 * Importing members from a spreadsheet (the relay's old list, a form's
 * export). Same shape as the catalogue import: a plan computed from the
 * parsed file and the current members, shown row by row in the preview, and
 * computed again inside the write. A row is the member with the same e-mail
 * when it gives one, otherwise the member with the same name (accents and
 * case ignored), so importing the same file twice changes nothing.
 */
import { columnIssues, differs, rowContext, type ColumnAliases, type ColumnChoices, type ImportAction, type ImportIssue } from '../csv/columns';
import { startPlan, type ImportPlan } from '../csv/import-plan';
import type { SheetTable } from '../csv/table';
import { optionalEmail, optionalPhone } from '../model/fields';
import { memberPatchSchema, type Member, type MemberFields } from '../model/member';
import { fold } from '../text/normalise';

export const MEMBER_IMPORT_COLUMNS = {
  name: ['nom', 'name', 'nom complet', 'full name', 'membre', 'member', 'nom de famille', 'last name'],
  /** Optional: many lists split the name; "Prénom;Nom" becomes "Marie Dupont". */
  firstName: ['prenom', 'first name', 'firstname'],
  email: ['email', 'e-mail', 'courriel', 'mail', 'adresse e-mail', 'adresse email'],
  phone: ['telephone', 'tel', 'phone', 'gsm', 'portable', 'mobile'],
  notes: ['notes', 'note', 'remarques', 'remarque', 'commentaire', 'commentaires'],
  preferredPickupTime: [
    'creneau', 'creneau prefere', 'heure de retrait', 'heure de retrait preferee', 'heure', 'preferred time', 'preferred pickup time', 'pickup time',
  ],
} as const satisfies ColumnAliases<string>;
export type MemberImportColumn = keyof typeof MEMBER_IMPORT_COLUMNS;
export type MemberImportIssue = ImportIssue<MemberImportColumn>;

export interface MemberImportRow {
  line: number;
  name: string;
  email: string;
  action: ImportAction | null;
  issues: MemberImportIssue[];
  /** Values imported as read but worth a look. */
  warnings: MemberImportIssue[];
}

/** The name always; every other field only when its cell has something, so a file never blanks what is known. */
export type ImportedMemberFields = Pick<MemberFields, 'name'> & Partial<MemberFields>;

/** What the write does, in file order; unchanged rows are listed too and skipped by the write. */
export type MemberImportPlan = ImportPlan<
  MemberImportColumn,
  MemberImportRow,
  { membersCreated: number; membersUpdated: number; membersUnchanged: number; rowsWithIssues: number },
  { existingId: string | null; fields: ImportedMemberFields }[]
>;

// "17:30", "17.30", "17:30:00" (Excel), "17h30", "17 h 30", "17h".
const TIME_CELL = /^(\d{1,2})\s*(?:[hH]\s*(\d{2})?|[:.]\s*(\d{2})(?::00)?)$/;

/** A pickup time as people type it, to "HH:mm"; null when it is not a time of day. */
export function parseTimeCell(value: string): string | null {
  const match = TIME_CELL.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? match[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const FIELD_COLUMNS: Record<string, MemberImportColumn> = {
  name: 'name', email: 'email', phone: 'phone', notes: 'notes', preferredPickupTime: 'preferredPickupTime',
};

/** A member or a member the file creates, as the matching sees it. */
export interface Candidate {
  ref: string;
  name: string;
  email: string;
}

/**
 * The same person: the same e-mail when the row has one; otherwise the same
 * name. A namesake with another address is another person, so a row with an
 * e-mail only takes a namesake who has none yet.
 */
export function findSameMember(candidates: readonly Candidate[], name: string, email: string): { candidate: Candidate; by: 'email' | 'name' } | undefined {
  if (email !== '') {
    const byEmail = candidates.find((candidate) => candidate.email !== '' && fold(candidate.email) === fold(email));
    if (byEmail) return { candidate: byEmail, by: 'email' };
  }
  const byName = candidates.find((candidate) => fold(candidate.name) === fold(name) && (email === '' || candidate.email === ''));
  return byName && { candidate: byName, by: 'name' };
}

export function planMemberImport(
  table: Pick<SheetTable, 'header' | 'rows' | 'errors'>,
  existing: readonly Member[],
  chosen: ColumnChoices = [],
): MemberImportPlan {
  const plan: MemberImportPlan = startPlan(table, {
    aliases: MEMBER_IMPORT_COLUMNS,
    chosen,
    required: () => ['name'],
    unreadable: (line, issues) => ({ line, name: '', email: '', action: null, issues, warnings: [] }),
    counts: { membersCreated: 0, membersUpdated: 0, membersUnchanged: 0 },
    writes: [],
  });
  const { columns } = plan;
  if (plan.fileIssues.length > 0) return plan;

  const byId = new Map(existing.map((member) => [member.id, member]));
  // Active members first: a name shared with an archived member means the one still coming.
  const candidates: Candidate[] = [...existing]
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null))
    .map((member) => ({ ref: member.id, name: member.name, email: member.email }));
  /** Which row already took each member: a second row for the same person is refused, not merged. */
  const takenBy = new Map<string, number>();

  for (const row of table.rows) {
    const context = rowContext<MemberImportColumn>(row, columns, table.header);
    const { cell, issues } = context;
    const name = [cell('firstName'), cell('name')].filter(Boolean).join(' ');
    if (name === '') issues.push({ column: 'name', key: 'validation.required' });

    const fields: ImportedMemberFields = { name };
    const email = cell('email');
    if (email) {
      if (optionalEmail.safeParse(email).success) fields.email = email;
      else issues.push({ column: 'email', key: 'validation.email' });
    }
    const phone = cell('phone');
    if (phone) {
      if (optionalPhone.safeParse(phone).success) fields.phone = phone;
      else issues.push({ column: 'phone', key: 'validation.phone' });
    }
    const notes = cell('notes');
    if (notes) fields.notes = notes;
    const time = cell('preferredPickupTime');
    if (time) {
      const parsed = parseTimeCell(time);
      if (parsed) fields.preferredPickupTime = parsed;
      else issues.push({ column: 'preferredPickupTime', key: 'members.import.badTime', params: { time } });
    }
    // The model's limits (lengths): a row that passes here is one the store accepts.
    if (issues.length === 0) {
      const check = memberPatchSchema.shape.changes.safeParse(fields);
      if (!check.success) issues.push(...columnIssues(check.error, FIELD_COLUMNS));
    }

    const match = issues.length === 0 ? findSameMember(candidates, name, fields.email ?? '') : undefined;
    const earlierLine = match && takenBy.get(match.candidate.ref);
    if (earlierLine !== undefined) {
      issues.push({ column: match!.by, key: 'members.import.duplicateRow', params: { name, line: earlierLine } });
    }

    const rowPlan: MemberImportRow = { line: row.line, name, email: email ?? '', action: null, issues, warnings: context.warnings };
    plan.rows.push(rowPlan);
    if (issues.length > 0) {
      plan.counts.rowsWithIssues++;
      continue;
    }

    const current = match && byId.get(match.candidate.ref);
    if (current) {
      rowPlan.action = differs(current, fields) ? 'update' : 'unchanged';
      takenBy.set(current.id, row.line);
    } else {
      rowPlan.action = 'create';
      const ref = `line:${row.line}`;
      candidates.push({ ref, name, email: fields.email ?? '' });
      takenBy.set(ref, row.line);
    }
    plan.writes.push({ existingId: current?.id ?? null, fields });
    if (rowPlan.action === 'create') plan.counts.membersCreated++;
    else if (rowPlan.action === 'update') plan.counts.membersUpdated++;
    else plan.counts.membersUnchanged++;
  }
  plan.rows.sort((a, b) => a.line - b.line);
  return plan;
}
