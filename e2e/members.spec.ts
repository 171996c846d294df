import { seriousViolations } from './support/axe';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFolded, storedRecords } from './support/stored';
import { api } from './support/api';
import type { HostInfo } from './support/host-process';

interface StoredMember {
  name: string;
  email: string;
  phone: string;
  notes: string;
  preferredPickupTime: string | null;
  archivedAt: string | null;
}

async function storedMembers(dataDir: string): Promise<StoredMember[]> {
  return (await storedRecords(dataDir, 'member')) as StoredMember[];
}

async function openMembers(app: Page) {
  await app.getByRole('link', { name: 'Membres', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Membres' })).toBeVisible();
}

async function chooseCsv(app: Page, file: string) {
  await app.getByLabel('Importer un tableur').setInputFiles(file);
  const preview = app.getByRole('dialog', { name: 'Aperçu de l’import des membres' });
  await expect(preview).toBeVisible();
  return preview;
}

/**
 * The relay's old member list, as Excel saves it in Belgium: BOM, semicolons,
 * CRLF, times typed every which way, a note with a semicolon in quotes, and
 * one row whose email cannot be right.
 */
const MEMBER_LIST =
  '\uFEFFNom;E-mail;Téléphone;Remarques;Heure de retrait\r\n' +
  'Hélène Lefèvre;helene@example.be;0470 12 34 56;allergie aux noix;17h30\r\n' +
  'François Noël;;0471 98 76 54;;18:00\r\n' +
  'Paul Martin;paul(at)example.be;;;\r\n' +
  'JEANNE PIRON;jeanne@example.be;;"vient à vélo; sonner";17 h 45\r\n';

test.describe('the organiser keeps the list of members', () => {
  test('adds a member, finds them after a restart, edits, archives and restores them', async ({ app, dataDir, restartHost }) => {
    await openMembers(app);
    await expect(app.getByText('Aucun membre pour l’instant.')).toBeVisible();

    await app.getByRole('button', { name: 'Nouveau membre' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouveau membre' });
    await dialog.getByLabel('Nom', { exact: true }).fill('Marie Dupont');
    await dialog.getByLabel('E-mail').fill('marie@example.be');
    await dialog.getByLabel('Téléphone').fill('0470 11 22 33');
    await dialog.getByLabel('Heure de retrait préférée').fill('17:30');
    await dialog.getByLabel('Notes').fill('Panier bio');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('status')).toHaveText('Membre « Marie Dupont » ajouté.');
    const row = app.getByRole('row', { name: /Marie Dupont/ });
    await expect(row).toContainText('0470 11 22 33');
    await expect(row).toContainText('marie@example.be');
    await expect(row).toContainText('17:30');
    await expect(row).toContainText('Panier bio');
    await expect(app.getByText('1 membre')).toBeVisible();
    expect(await storedMembers(dataDir)).toEqual([
      expect.objectContaining({ name: 'Marie Dupont', email: 'marie@example.be', preferredPickupTime: '17:30', archivedAt: null }),
    ]);
    expect(await seriousViolations(app)).toEqual([]);

    await restartHost();
    await openMembers(app);
    await expect(app.getByRole('rowheader', { name: 'Marie Dupont' })).toBeVisible();

    // Edit from the keyboard: the time is cleared (no preference any more), Enter saves.
    await app.getByRole('button', { name: 'Modifier Marie Dupont' }).click();
    const edit = app.getByRole('dialog', { name: 'Modifier le membre' });
    await expect(edit.getByLabel('E-mail')).toHaveValue('marie@example.be');
    await expect(edit.getByLabel('Heure de retrait préférée')).toHaveValue('17:30');
    await edit.getByLabel('Heure de retrait préférée').fill('');
    await edit.getByLabel('Téléphone').fill('081 22 33 44');
    await edit.getByLabel('Téléphone').press('Enter');
    await expect(app.getByRole('status')).toHaveText('Membre « Marie Dupont » enregistré.');
    await expect(app.getByRole('row', { name: /Marie Dupont/ })).toContainText('081 22 33 44');
    expect(await storedMembers(dataDir)).toEqual([expect.objectContaining({ phone: '081 22 33 44', preferredPickupTime: null })]);

    // Archiving asks first; cancelling changes nothing.
    await app.getByRole('button', { name: 'Archiver Marie Dupont' }).click();
    const confirm = app.getByRole('dialog', { name: 'Archiver ce membre ?' });
    await expect(confirm).toContainText('Archiver « Marie Dupont » ?');
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await expect(app.getByRole('rowheader', { name: 'Marie Dupont' })).toBeVisible();
    await app.getByRole('button', { name: 'Archiver Marie Dupont' }).click();
    await confirm.getByRole('button', { name: 'Archiver', exact: true }).click();
    await expect(app.getByRole('status')).toContainText('Membre « Marie Dupont » archivé.');
    await expect(app.getByRole('rowheader')).toHaveCount(0);
    expect((await storedMembers(dataDir))[0]!.archivedAt).not.toBeNull();

    await app.getByRole('radio', { name: 'Archivés' }).check();
    await expect(app.getByRole('row', { name: /Marie Dupont/ })).toContainText('Archivé le');
    await restartHost();
    await openMembers(app);
    await app.getByRole('radio', { name: 'Tous' }).check();
    await app.getByRole('button', { name: 'Restaurer Marie Dupont' }).click();
    await expect(app.getByRole('status')).toHaveText('Membre « Marie Dupont » restauré.');
    await app.getByRole('radio', { name: 'Actifs' }).check();
    await expect(app.getByRole('rowheader')).toHaveText(['Marie Dupont']);
    expect((await storedMembers(dataDir))[0]!.archivedAt).toBeNull();
  });

  test('an invalid email shows what is wrong, keeps what was typed and saves nothing', async ({ app, dataDir }) => {
    await openMembers(app);
    await app.getByRole('button', { name: 'Nouveau membre' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouveau membre' });
    await dialog.getByLabel('Nom', { exact: true }).fill('Paul Martin');
    await dialog.getByLabel('E-mail').fill('paul(at)example.be');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();

    const summary = dialog.getByRole('alert');
    await expect(summary).toContainText('Certaines valeurs ne sont pas valides.');
    await expect(summary).toContainText('E-mail : Adresse e-mail invalide.');
    await expect(dialog.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('E-mail')).toBeFocused();
    await expect(dialog.getByLabel('Nom', { exact: true })).toHaveValue('Paul Martin');
    await expect(dialog.getByLabel('E-mail')).toHaveValue('paul(at)example.be');
    await expect(readFile(join(dataDir, 'members.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await seriousViolations(app)).toEqual([]);

    await dialog.getByLabel('E-mail').fill('paul@example.be');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('rowheader', { name: 'Paul Martin' })).toBeVisible();
    expect(await storedMembers(dataDir)).toEqual([expect.objectContaining({ name: 'Paul Martin', email: 'paul@example.be' })]);
  });

  test('imports the old member list after a preview; importing it again changes nothing', async ({ app, dataDir }, testInfo) => {
    // Jeanne is already a member, with the same address as in the file.
    await openMembers(app);
    await app.getByRole('button', { name: 'Nouveau membre' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouveau membre' });
    await dialog.getByLabel('Nom', { exact: true }).fill('Jeanne Piron');
    await dialog.getByLabel('E-mail').fill('jeanne@example.be');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('rowheader')).toHaveText(['Jeanne Piron']);

    const spreadsheet = testInfo.outputPath('membres.csv');
    await writeFile(spreadsheet, MEMBER_LIST, 'utf8');
    const membersFile = join(dataDir, 'members.json');
    await allFolded(dataDir);
    const before = { text: await readFile(membersFile, 'utf8'), mtime: (await stat(membersFile)).mtimeMs };

    // Every row, with its line, what it would do and what is wrong with the bad one.
    let preview = await chooseCsv(app, spreadsheet);
    await expect(preview.getByText('Rien n’est encore enregistré.')).toBeVisible();
    await expect(preview.getByRole('table').getByRole('row')).toHaveCount(5);
    await expect(preview.getByRole('row', { name: /Hélène Lefèvre/ })).toContainText('Nouveau');
    await expect(preview.getByRole('row', { name: /JEANNE PIRON/ })).toContainText('Mis à jour');
    const bad = preview.getByRole('row', { name: /Paul Martin/ });
    await expect(bad.getByRole('rowheader')).toHaveText('4');
    await expect(bad).toContainText('Non importée');
    await expect(bad).toContainText('e-mail : Adresse e-mail invalide.');
    await expect(preview.getByRole('definition')).toHaveText(['2', '1', '0', '1']);
    expect(await seriousViolations(app)).toEqual([]);

    // Cancel writes nothing.
    await preview.getByRole('button', { name: 'Annuler' }).click();
    await expect(preview).toBeHidden();
    await expect(app.getByRole('status')).toHaveText('Import annulé : rien n’a été enregistré.');
    expect(await readFile(membersFile, 'utf8')).toBe(before.text);
    expect((await stat(membersFile)).mtimeMs).toBe(before.mtime);
    await expect(app.getByRole('rowheader')).toHaveText(['Jeanne Piron']);

    // Import writes the three good rows; Jeanne is updated, not duplicated.
    preview = await chooseCsv(app, spreadsheet);
    await preview.getByRole('button', { name: 'Importer 3 lignes' }).click();
    await expect(preview).toBeHidden();
    await expect(app.getByRole('status')).toHaveText(
      'Import terminé : 2 membres créés, 1 mis à jour, 0 déjà à jour ; 1 ligne non importée.',
    );
    await expect(app.getByRole('rowheader')).toHaveText(['François Noël', 'Hélène Lefèvre', 'JEANNE PIRON']);
    await expect(app.getByRole('row', { name: /Hélène Lefèvre/ })).toContainText('17:30');
    await expect(app.getByRole('row', { name: /JEANNE PIRON/ })).toContainText('17:45');
    const imported = await storedMembers(dataDir);
    expect(imported).toHaveLength(3);
    expect(imported.find((member) => member.email === 'jeanne@example.be')).toMatchObject({
      name: 'JEANNE PIRON',
      notes: 'vient à vélo; sonner',
      preferredPickupTime: '17:45',
    });

    // Search as you type, whatever the accents.
    await app.getByLabel('Rechercher un membre').fill('lefevre');
    await expect(app.getByRole('rowheader')).toHaveText(['Hélène Lefèvre']);
    await app.getByLabel('Rechercher un membre').fill('');

    // The same file again: every good row unchanged, nothing to import, nothing written.
    await allFolded(dataDir);
    const afterImport = await readFile(membersFile, 'utf8');
    preview = await chooseCsv(app, spreadsheet);
    for (const name of ['Hélène Lefèvre', 'François Noël', 'JEANNE PIRON']) {
      await expect(preview.getByRole('row', { name: new RegExp(name) })).toContainText('Inchangé');
    }
    await expect(preview.getByRole('definition')).toHaveText(['0', '0', '3', '1']);
    await expect(preview.getByText('Rien à importer : les lignes sans problème sont déjà à jour.')).toBeVisible();
    await expect(preview.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
    await preview.getByRole('button', { name: 'Annuler' }).click();
    await expect(preview).toBeHidden();
    expect(await storedMembers(dataDir)).toEqual(imported);
    await allFolded(dataDir);
    expect(await readFile(membersFile, 'utf8')).toBe(afterImport);
  });
});

test.describe('a relay with 1 500 members', () => {
  /** Membre 0001 … Membre 1500, imported in one file as the organiser would. */
  async function importMembers(request: APIRequestContext, host: HostInfo) {
    const rows = Array.from({ length: 1500 }, (_, i) => {
      const n = String(i + 1).padStart(4, '0');
      return `Membre ${n};membre${n}@example.be;0470 00 ${n.slice(0, 2)} ${n.slice(2)};;`;
    });
    const csv = ['Nom;E-mail;Téléphone;Remarques;Heure de retrait', ...rows].join('\r\n');
    await api(request, host)('members.import', { contentBase64: Buffer.from(csv, 'utf8').toString('base64') });
  }

  const range = (app: Page) => app.getByRole('navigation', { name: 'Pages de la liste' }).getByText(/^\d/);
  const memberRows = (app: Page) => app.getByRole('table', { name: 'Liste des membres' }).getByRole('rowheader');

  test('shows them 50 at a time, pages from the keyboard, and the search looks at every member', async ({ app, host, request }) => {
    await importMembers(request, host);
    await openMembers(app);
    await expect(app.getByText(/^1\s?500 membres$/)).toBeVisible();
    await expect(memberRows(app)).toHaveCount(50);
    await expect(memberRows(app).first()).toHaveText('Membre 0001');
    await expect(range(app)).toHaveText(/^1–50 sur 1\s500$/);

    // Membre 1234 is on page 25: the search finds it all the same.
    await app.getByRole('searchbox', { name: 'Rechercher un membre' }).fill('Membre 1234');
    await expect(memberRows(app)).toHaveText(['Membre 1234']);
    await expect(app.getByRole('navigation', { name: 'Pages de la liste' })).toHaveCount(0);

    // Back to the whole list, then through the pages with the keyboard only.
    await app.getByRole('searchbox', { name: 'Rechercher un membre' }).fill('');
    await expect(range(app)).toHaveText(/^1–50 sur 1\s500$/);
    const next = app.getByRole('button', { name: 'Page suivante' });
    await next.focus();
    await app.keyboard.press('Enter');
    await expect(range(app)).toHaveText(/^51–100 sur 1\s500$/);
    await expect(memberRows(app).first()).toHaveText('Membre 0051');
    await app.keyboard.press('Enter');
    await expect(range(app)).toHaveText(/^101–150 sur 1\s500$/);
    await expect(next).toBeFocused();
    await app.keyboard.press('Shift+Tab');
    await expect(app.getByRole('button', { name: 'Page précédente' })).toBeFocused();
    await app.keyboard.press('Space');
    await expect(range(app)).toHaveText(/^51–100 sur 1\s500$/);
    await expect(memberRows(app)).toHaveCount(50);
    expect(await seriousViolations(app)).toEqual([]);
  });
});
