import { readdir } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';

test.describe('the browser host only answers the app that holds its token', () => {
  test('a call without the token is refused and writes nothing', async ({ request, host, dataDir }) => {
    const refused = await request.post(`${host.url}api/call/producers.create`, { data: { name: 'Intrus' } });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toEqual({ ok: false, error: { key: 'error.unauthorized' } });

    const wrongToken = await request.post(`${host.url}api/call/producers.create`, {
      data: { name: 'Intrus' },
      headers: { Authorization: 'Bearer 0000' },
    });
    expect(wrongToken.status()).toBe(401);
    expect(await readdir(dataDir)).not.toContain('producers.json');

    const allowed = await request.post(`${host.url}api/call/producers.list`, {
      data: {},
      headers: { Authorization: `Bearer ${host.token}` },
    });
    expect(await allowed.json()).toEqual({ ok: true, value: [] });
  });

  test('the page opened without the token cannot read data', async ({ page, host }) => {
    await page.goto(host.url);
    const outcome = await page.evaluate(async () => {
      const response = await fetch('/api/call/producers.list', { method: 'POST', body: '{}' });
      return { status: response.status, body: await response.json() };
    });
    expect(outcome).toEqual({ status: 401, body: { ok: false, error: { key: 'error.unauthorized' } } });
  });

  test('the page opened without the token says to open the link printed in the terminal, not that the data is damaged', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Ouvrez le lien affiché dans le terminal' })).toBeVisible();
    await expect(page.getByText(/npm run serve.+affiche dans le terminal/)).toBeVisible();
    await expect(page.getByText('Cabas n’a pas pu ouvrir les données.')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Réessayer' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The link from the terminal opens the app (a change of fragment alone does not reload the page).
    await page.goto(host.openUrl);
    await page.reload();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Producteurs' })).toBeVisible();
  });
});
