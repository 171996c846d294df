import { describe, expect, it } from 'vitest';
import type { MemberImportPlan } from '../../shared/members/import-plan';
import type { Member } from '../../shared/model/member';
import { snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { byId, call, openApp, refusal, reopened, type TestApp, folded, settle } from '../testing/service-calls';

const tempDir = useTempDirs();
const open = async () => openApp(await tempDir());

const base64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
/** Windows-1252 bytes: what Excel on Windows saves as "CSV (séparateur : point-virgule)". */
const cp1252 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

const preview = (app: TestApp, content: string | Uint8Array) => call<MemberImportPlan>(app, 'members.previewImport', { contentBase64: base64(content) });
const importFile = (app: TestApp, content: string | Uint8Array) => call<MemberImportPlan['counts']>(app, 'members.import', { contentBase64: base64(content) });
const createMember = (app: TestApp, fields: Record<string, unknown>) => call<Member>(app, 'members.create', fields);

async function members(app: TestApp): Promise<Member[]> {
  return byId((await reopened(app.dataDir)).all('member'));
}

/** The relay's old list, as Excel saves it in Belgium: BOM, semicolons, CRLF, one row with a bad email. */
const FILE =
  '\uFEFFNom;E-mail;Téléphone;Remarques;Heure de retrait\r\n' +
  'Hélène Lefèvre;helene@example.be;0470 12 34 56;allergie aux noix;17h30\r\n' +
  'François Noël;;;;18:00\r\n' +
  'Paul Martin;paul(at)example.be;;;\r\n' +
  'Jeanne Piron;jeanne@example.be;;"vient à vélo; sonner";17 h 45\r\n';

describe('members.previewImport', () => {
  it('says what each row would do and writes nothing at all', async () => {
    const app = await open();
    await createMember(app, { name: 'Jeanne Piron', email: 'JEANNE@example.be' });
    const before = await snapshotFolder(app.dataDir);

    const plan = await preview(app, FILE);

    expect(plan.rows.map((row) => [row.line, row.name, row.action, row.issues.map((issue) => `${issue.column}:${issue.key}`)])).toEqual([
      [2, 'Hélène Lefèvre', 'create', []],
      [3, 'François Noël', 'create', []],
      [4, 'Paul Martin', null, ['email:validation.email']],
      [5, 'Jeanne Piron', 'update', []],
    ]);
    expect(plan.counts).toEqual({ membersCreated: 2, membersUpdated: 1, membersUnchanged: 0, rowsWithIssues: 1 });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });
});

describe('members.import', () => {
  it('writes the rows without issues, exactly as previewed; a Windows-1252 file reads the same', async () => {
    for (const bytes of [new TextEncoder().encode(FILE), cp1252(FILE.replace('\uFEFF', ''))]) {
      const app = await open();
      expect(await importFile(app, bytes)).toEqual({ membersCreated: 3, membersUpdated: 0, membersUnchanged: 0, rowsWithIssues: 1 });

      const saved = new Map((await members(app)).map((member) => [member.name, member]));
      expect([...saved.keys()].sort()).toEqual(['François Noël', 'Hélène Lefèvre', 'Jeanne Piron']);
      expect(saved.get('Hélène Lefèvre')).toMatchObject({
        email: 'helene@example.be', phone: '0470 12 34 56', notes: 'allergie aux noix', preferredPickupTime: '17:30', archivedAt: null,
        createdAt: '2026-03-02T09:00:00.000Z',
      });
      expect(saved.get('François Noël')).toMatchObject({ email: '', phone: '', notes: '', preferredPickupTime: '18:00' });
      expect(saved.get('Jeanne Piron')).toMatchObject({ notes: 'vient à vélo; sonner', preferredPickupTime: '17:45' });
    }
  });

  it('importing the same file twice: the second time everything is unchanged, nothing is counted, duplicated or rewritten', async () => {
    const app = await open();
    await importFile(app, FILE);
    const first = await members(app);
    app.clock.advance(60_000);
    await settle(app);

    const again = await preview(app, FILE);
    expect(again.rows.map((row) => row.action)).toEqual(['unchanged', 'unchanged', null, 'unchanged']);
    expect(await importFile(app, FILE)).toEqual({ membersCreated: 0, membersUpdated: 0, membersUnchanged: 3, rowsWithIssues: 1 });

    expect(await members(app)).toEqual(first);
    expect(await folded(app)).toEqual([]);
  });

  it('updates the member with the same email, or else the same name, and never blanks a field the file leaves empty', async () => {
    const app = await open();
    const jeanne = await createMember(app, { name: 'Jeanne Piron', email: 'jeanne@example.be', phone: '081 22 33 44', notes: 'bio' });
    const helene = await createMember(app, { name: 'HELENE LEFEVRE', preferredPickupTime: '19:00' });
    app.clock.advance(1000);

    const counts = await importFile(app, 'nom;email;téléphone;créneau\nJeanne P.;Jeanne@Example.be;;17:45\nHélène Lefèvre;;;\n');

    expect(counts).toEqual({ membersCreated: 0, membersUpdated: 2, membersUnchanged: 0, rowsWithIssues: 0 });
    const updatedAt = '2026-03-02T09:00:01.000Z';
    expect(await members(app)).toEqual(byId([
      { ...jeanne, name: 'Jeanne P.', email: 'Jeanne@Example.be', preferredPickupTime: '17:45', updatedAt },
      { ...helene, name: 'Hélène Lefèvre', updatedAt },
    ]));
  });

  it('refuses a file without a name column, or an empty file, writing nothing', async () => {
    const app = await open();
    await createMember(app, { name: 'Paul' });
    const before = await snapshotFolder(app.dataDir);
    expect(await refusal(app, 'members.import', { contentBase64: base64('email;téléphone\npaul@example.be;081\n') })).toEqual({
      key: 'import.missingColumn',
      params: { column: 'nom' },
    });
    expect(await refusal(app, 'members.import', { contentBase64: '' })).toEqual({ key: 'import.emptyFile' });
    expect(await refusal(app, 'members.previewImport', { contentBase64: '' })).toEqual({ key: 'import.emptyFile' });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });

  it('a member the import creates is like one made by hand: listed, searchable, archivable', async () => {
    const app = await open();
    await importFile(app, FILE);
    const [helene] = await call<Member[]>(app, 'members.list', { query: 'lefevre' });
    expect(helene).toMatchObject({ name: 'Hélène Lefèvre' });
    await call(app, 'members.archive', { id: helene!.id });
    expect((await call<Member[]>(app, 'members.list', {})).map((member) => member.name)).toEqual(['François Noël', 'Jeanne Piron']);
  });
});
