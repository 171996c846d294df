import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/parse';
import type { Member } from '../model/member';
import { parseTimeCell, planMemberImport, type MemberImportPlan } from './import-plan';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes (Excel on Windows) for the accented letters these files use. */
function cp1252(text: string): Uint8Array {
  const table: Record<string, number> = { é: 0xe9, è: 0xe8, ë: 0xeb, É: 0xc9, ç: 0xe7 };
  return Uint8Array.from([...text].map((char) => table[char] ?? char.charCodeAt(0)));
}

const plan = (bytes: Uint8Array, existing: Member[] = []) => planMemberImport(parseCsv(bytes), existing);

/** Each row as "line name action", plus its issues as "column:key". */
const summary = (result: MemberImportPlan) =>
  result.rows.map((row) => ({ line: row.line, name: row.name, action: row.action, issues: row.issues.map((issue) => `${issue.column}:${issue.key}`) }));

const at = '2026-03-02T09:00:00.000Z';
let serial = 0;
const member = (name: string, fields: Partial<Member> = {}): Member => ({
  id: `20000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
  name, email: '', phone: '', notes: '', preferredPickupTime: null,
  archivedAt: null, createdAt: at, updatedAt: at, ...fields,
});

describe('pickup times as people type them', () => {
  it.each([
    ['17:30', '17:30'], ['17h30', '17:30'], ['17 h 30', '17:30'], ['17H30', '17:30'], ['9:05', '09:05'],
    ['17h', '17:00'], ['17.30', '17:30'], ['17:30:00', '17:30'], [' 08 : 15 ', '08:15'],
  ])('"%s" → %s', (typed, expected) => {
    expect(parseTimeCell(typed)).toBe(expected);
  });

  it.each(['24:00', '17:60', '17', 'soir', '17h3', '5 pm', '17:30:15', '-1:00'])('"%s" is not a time', (typed) => {
    expect(parseTimeCell(typed)).toBeNull();
  });
});

describe('column titles as organisers write them', () => {
  it('recognises French titles whatever their accents and case, and lists the ones it does not know', () => {
    const result = plan(utf8('NOM;Prénom;Courriel;Téléphone;Remarques;Heure de retrait;Adhésion\n'));
    expect(result.columns).toEqual({ name: 0, firstName: 1, email: 2, phone: 3, notes: 4, preferredPickupTime: 5 });
    expect(result.unknownHeaders).toEqual(['Adhésion']);
    expect(result.fileIssues).toEqual([]);
  });

  it('recognises English titles and the other French spellings', () => {
    expect(plan(utf8('Name,Email,Phone,Notes,Preferred time\n')).columns).toEqual({ name: 0, email: 1, phone: 2, notes: 3, preferredPickupTime: 4 });
    expect(plan(utf8('nom;e-mail;gsm;créneau\n')).columns).toEqual({ name: 0, email: 1, phone: 2, preferredPickupTime: 3 });
  });

  it('without a name column, the whole file is refused and nothing is planned', () => {
    const result = plan(utf8('email;téléphone\nmarie@example.be;0470 12 34 56\n'));
    expect(result.fileIssues).toEqual([{ column: 'name', key: 'import.missingColumn', params: { column: 'nom' } }]);
    expect(result.writes).toEqual([]);
    expect(result.rows).toEqual([]);
  });

  it('"Prénom" and "Nom" make one name', () => {
    const result = plan(utf8('Prénom;Nom\nMarie;Dupont\n;Lambert\n'));
    expect(result.writes.map((write) => write.fields.name)).toEqual(['Marie Dupont', 'Lambert']);
  });
});

describe('each kind of file gives the same plan', () => {
  const content = 'nom;e-mail;téléphone;notes;créneau\nHélène Lefèvre;helene@example.be;0470 12 34 56;"allergie noix, gluten";17h30\nFrançois Noël;;;;\n';
  const expected = [
    { existingId: null, fields: { name: 'Hélène Lefèvre', email: 'helene@example.be', phone: '0470 12 34 56', notes: 'allergie noix, gluten', preferredPickupTime: '17:30' } },
    { existingId: null, fields: { name: 'François Noël' } },
  ];

  it.each([
    ['UTF-8 with BOM, semicolons', utf8(`\uFEFF${content}`)],
    ['UTF-8 without BOM, semicolons, CRLF', utf8(content.replace(/\n/g, '\r\n'))],
    ['UTF-8, commas', utf8(content.replace(/;/g, ','))],
  ])('%s', (_, bytes) => {
    const result = plan(bytes);
    expect(summary(result)).toEqual([
      { line: 2, name: 'Hélène Lefèvre', action: 'create', issues: [] },
      { line: 3, name: 'François Noël', action: 'create', issues: [] },
    ]);
    expect(result.writes).toMatchObject(expected);
  });

  it('Windows-1252 bytes (é = 0xE9)', () => {
    const bytes = cp1252('nom;téléphone;créneau\nHélène Lefèvre;0470 12 34 56;17 h 30\nFrançois Noël;;\n');
    expect(bytes).toContain(0xe9);
    const result = plan(bytes);
    expect(result.columns).toEqual({ name: 0, phone: 1, preferredPickupTime: 2 });
    expect(result.writes.map((write) => write.fields)).toEqual([
      { name: 'Hélène Lefèvre', phone: '0470 12 34 56', preferredPickupTime: '17:30' },
      { name: 'François Noël' },
    ]);
  });

  it('a record with a line break inside a quoted note is one sheet row', () => {
    const result = plan(utf8('nom;notes\nMarie;"sonner deux fois\nporte verte"\nPaul;\n'));
    expect(summary(result).map((row) => [row.line, row.name])).toEqual([[2, 'Marie'], [3, 'Paul']]);
    expect(result.writes[0]!.fields.notes).toBe('sonner deux fois\nporte verte');
  });
});

describe('a malformed row is reported with its line and column; the other rows are fine', () => {
  it.each<[string, string, string | null, string]>([
    ['a bad email', 'Paul;pas-un-email;;', 'email', 'validation.email'],
    ['a bad time', 'Paul;;;vers 18h', 'preferredPickupTime', 'members.import.badTime'],
    ['an hour that does not exist', 'Paul;;;25:00', 'preferredPickupTime', 'members.import.badTime'],
    ['a missing name', ';paul@example.be;;', 'name', 'validation.required'],
    ['letters in the phone', 'Paul;;appeler le soir;', 'phone', 'validation.phone'],
    ['a name longer than 120 characters', `${'P'.repeat(121)};;;`, 'name', 'validation.tooLong'],
    ['an unclosed quote', 'Paul;"paul@example.be;;', null, 'csv.unclosedQuote'],
  ])('%s', (_, badRow, column, key) => {
    const result = plan(utf8(`nom;email;tel;heure\nMarie;marie@example.be;;17:30\n${badRow}\nJeanne;;;\n`));
    expect(summary(result)).toEqual([
      { line: 2, name: 'Marie', action: 'create', issues: [] },
      expect.objectContaining({ line: 3, action: null, issues: [`${column}:${key}`] }),
      { line: 4, name: 'Jeanne', action: 'create', issues: [] },
    ]);
    expect(result.counts).toEqual({ membersCreated: 2, membersUpdated: 0, membersUnchanged: 0, rowsWithIssues: 1 });
    expect(result.writes.map((write) => write.fields.name)).toEqual(['Marie', 'Jeanne']);
  });

  it('says what the bad time was', () => {
    expect(plan(utf8('nom;créneau\nPaul;vers 18h\n')).rows[0]!.issues).toEqual([
      { column: 'preferredPickupTime', key: 'members.import.badTime', params: { time: 'vers 18h' } },
    ]);
  });
});

describe('matching the members already there', () => {
  it('the same email (case ignored) is the same member, even under another name: update, not duplicate', () => {
    const marie = member('Marie Dupont', { email: 'Marie@Example.be' });
    const result = plan(utf8('nom;email;heure\nMarie Dupont-Lenoir;marie@example.be;18:00\n'), [marie]);
    expect(summary(result)).toEqual([{ line: 2, name: 'Marie Dupont-Lenoir', action: 'update', issues: [] }]);
    expect(result.writes).toEqual([{ existingId: marie.id, fields: { name: 'Marie Dupont-Lenoir', email: 'marie@example.be', preferredPickupTime: '18:00' } }]);
  });

  it('without an email, the same name (accents and case ignored) is the same member', () => {
    const helene = member('Hélène Lefèvre', { email: 'helene@example.be', phone: '0470 12 34 56' });
    const result = plan(utf8('nom;email;téléphone\nhelene lefevre;;0470 12 34 56\n'), [helene]);
    expect(result.writes).toEqual([{ existingId: helene.id, fields: { name: 'helene lefevre', phone: '0470 12 34 56' } }]);
    expect(result.rows[0]!.action).toBe('update');
  });

  it('a namesake with another email is another person; a namesake without one gets the email', () => {
    const withEmail = member('Jean Martin', { email: 'jean@example.be' });
    const result = plan(utf8('nom;email\nJean Martin;jean.martin@autre.be\n'), [withEmail]);
    expect(result.rows[0]!.action).toBe('create');

    const withoutEmail = member('Jean Martin');
    const again = plan(utf8('nom;email\nJean Martin;jean.martin@autre.be\n'), [withoutEmail]);
    expect(again.writes).toEqual([{ existingId: withoutEmail.id, fields: { name: 'Jean Martin', email: 'jean.martin@autre.be' } }]);
  });

  it('an active member is preferred over an archived namesake', () => {
    const archived = member('Paul', { archivedAt: at });
    const active = member('Paul');
    expect(plan(utf8('nom\nPaul\n'), [archived, active]).writes[0]!.existingId).toBe(active.id);
  });

  it('a row equal to the member is unchanged; empty cells never blank what is known', () => {
    const marie = member('Marie', { email: 'marie@example.be', phone: '081 22 33 44', notes: 'bio', preferredPickupTime: '17:30' });
    const result = plan(utf8('nom;email;téléphone;notes;créneau\nMarie;marie@example.be;;;17h30\n'), [marie]);
    expect(summary(result)).toEqual([{ line: 2, name: 'Marie', action: 'unchanged', issues: [] }]);
    expect(result.counts).toEqual({ membersCreated: 0, membersUpdated: 0, membersUnchanged: 1, rowsWithIssues: 0 });
  });

  it('the same person twice in the file: the second row is refused and says where the first is', () => {
    const result = plan(utf8('nom;email\nMarie;marie@example.be\nMarie D.;MARIE@example.be\nPaul;\npaul;\nMarie;autre@example.be\n'));
    expect(summary(result)).toEqual([
      { line: 2, name: 'Marie', action: 'create', issues: [] },
      { line: 3, name: 'Marie D.', action: null, issues: ['email:members.import.duplicateRow'] },
      { line: 4, name: 'Paul', action: 'create', issues: [] },
      { line: 5, name: 'paul', action: null, issues: ['name:members.import.duplicateRow'] },
      // A namesake with another address is another person.
      { line: 6, name: 'Marie', action: 'create', issues: [] },
    ]);
    expect(result.rows[1]!.issues[0]!.params).toEqual({ name: 'Marie D.', line: 2 });
    expect(result.writes.map((write) => write.fields.email ?? '')).toEqual(['marie@example.be', '', 'autre@example.be']);
  });
});
