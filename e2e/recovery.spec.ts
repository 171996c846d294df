import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';

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
