import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { api } from './support/api';

test('a damaged file opens the recovery screen, is kept, and the latest good backup is restored', async ({
  app,
  host,
  dataDir,
  restartHost,
}) => {
  const call = async (name: string, data: object) => {
    const response = await app.request.post(`${host.url}api/call/${name}`, {
      data,
      headers: { Authorization: `Bearer ${host.token}` },
    });
    return response.json();
  };
  expect((await call('producers.create', { name: 'Ferme du Bois' })).ok).toBe(true);
  expect((await call('backups.create', {})).ok).toBe(true);

  // The file is cut in the middle, as a full disk or a bad USB key would leave it.
  const good = await readFile(join(dataDir, 'producers.json'), 'utf8');
  const damaged = good.slice(0, good.length / 2);
  await writeFile(join(dataDir, 'producers.json'), damaged);

  await restartHost();
  await expect(app.getByRole('heading', { level: 1, name: 'Un fichier de données est abîmé' })).toBeVisible();
  await expect(app.getByText('producers.json').first()).toBeVisible();
  // Nothing was overwritten at start-up.
  expect(await readFile(join(dataDir, 'producers.json'), 'utf8')).toBe(damaged);

  await app.getByRole('button', { name: /Restaurer la dernière sauvegarde valide/ }).click();
  // The app opens again, on its home screen (issue 14); the producer is back.
  await app.getByRole('navigation').getByRole('link', { name: 'Producteurs' }).click();
  await expect(app.getByRole('rowheader', { name: 'Ferme du Bois' })).toBeVisible();
  expect(await readFile(join(dataDir, 'producers.json'), 'utf8')).toBe(good);

  const [kept] = await readdir(join(dataDir, 'damaged'));
  expect(await readFile(join(dataDir, 'damaged', kept!, 'producers.json'), 'utf8')).toBe(damaged);
});

test('a data file deleted behind the app’s back opens the recovery screen naming it, which says a restore rolls back the intact files too', async ({
  app,
  host,
  dataDir,
  restartHost,
}) => {
  const call = api(app.request, host);
  await call('members.create', { name: 'Zoé Martin' });
  await call('backups.create', {});
  await rm(join(dataDir, 'members.json'));

  await restartHost();
  await expect(app.getByRole('heading', { level: 1, name: 'Un fichier de données a disparu' })).toBeVisible();
  await expect(app.getByText('Le fichier members.json manque dans le dossier de données')).toBeVisible();
  await expect(app.getByText(/Restaurer une sauvegarde remet tous les fichiers de données.*aussi ceux qui sont intacts/)).toBeVisible();

  await app.getByRole('button', { name: /Restaurer la dernière sauvegarde valide/ }).click();
  await expect(app.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  expect(JSON.parse(await readFile(join(dataDir, 'members.json'), 'utf8'))).toMatchObject({ records: { member: [{ name: 'Zoé Martin' }] } });
});

test('a restore interrupted after its switch was recorded is carried through at the next start, and the screen says so', async ({
  app,
  host,
  dataDir,
  restartHost,
}) => {
  const call = api(app.request, host);
  await call('producers.create', { name: 'Ferme du Bois' });
  const backup = await call<{ id: string }>('backups.create', {});
  await call('producers.create', { name: 'Miellerie du Val' });
  // What a kill leaves once the restore recorded its switch: the backup's file prepared beside the data, and the marker.
  await mkdir(join(dataDir, 'restoring'));
  await copyFile(join(dataDir, 'backups', backup.id, 'producers.json'), join(dataDir, 'restoring', 'producers.json'));
  await writeFile(join(dataDir, 'restore.json'), JSON.stringify({ backup: backup.id, files: ['producers.json'], remove: [] }));

  await restartHost();
  await expect(app.getByRole('status').filter({ hasText: 'Une restauration avait été interrompue : elle a été menée à bout.' })).toBeVisible();
  await app.getByRole('navigation').getByRole('link', { name: 'Producteurs' }).click();
  await expect(app.getByRole('rowheader', { name: 'Ferme du Bois' })).toBeVisible();
  await expect(app.getByRole('rowheader', { name: 'Miellerie du Val' })).toHaveCount(0);
  expect(await readdir(dataDir)).not.toContain('restore.json');
});
