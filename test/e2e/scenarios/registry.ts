import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/** Registry: filter by text and kind, the address keeps the filters, the export links follow them. */
export async function filterRegistryAndExport({ server, browser }: E2e) {
  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/registre`);
  await expectWellFormedPage(page, /^Registre des dynamiques — Observatoire DTS$/);
  await page.getByRole('table').waitFor();

  await page.getByLabel('Texte').fill(MARKER);
  await page.getByLabel('Type de dynamique').selectOption('CLS');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.waitForURL((u) => u.searchParams.get('type') === 'CLS' && u.searchParams.get('q') === MARKER);
  await page.getByText('1 dynamique trouvée').waitFor();
  const rows = page.getByRole('table').locator('tbody tr');
  expect(await rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain(`Contrat local de santé de Saint-Étienne ${MARKER}`);
  await expectAccessible(page, 'registre filtré');
  await screenshot(page, '04-registre-filtre');

  // Refresh: the filters come back from the address.
  await page.reload();
  await page.getByText('1 dynamique trouvée').waitFor();
  expect(await page.getByLabel('Type de dynamique').inputValue()).toBe('CLS');
  expect(await page.getByLabel('Texte').inputValue()).toBe(MARKER);

  const csv = page.getByRole('link', { name: 'CSV' });
  const href = (await csv.getAttribute('href')) ?? '';
  const url = new URL(href, server.url);
  expect(url.pathname).toBe('/api/dynamiques');
  expect(Object.fromEntries(url.searchParams)).toEqual({ type: 'CLS', q: MARKER, format: 'csv' });
  const file = await page.request.get(url.toString());
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toMatch(/text\/csv/);
  expect(await file.text()).toContain(`Contrat local de santé de Saint-Étienne ${MARKER}`);
  for (const format of ['xlsx', 'geojson']) {
    const link = page.getByRole('link', { name: format === 'xlsx' ? 'XLSX' : 'GeoJSON' });
    expect(await link.getAttribute('href')).toContain(`format=${format}`);
  }

  // The kind filter alone, from a shared address, and an empty result.
  await page.goto(`${server.url}/registre?q=${MARKER}&statut=suspendu`);
  await page.getByText('Aucune dynamique ne correspond').waitFor();

  // Renewals due: one link away, kept in the address and in the exports; derived statuses are offered.
  await page.getByRole('link', { name: 'Renouvellements dus dans les 12 prochains mois' }).click();
  await page.waitForURL((u) => u.searchParams.get('echeance') === '12');
  await page.getByText(/Renouvellements dus d’ici 12 mois/).waitFor();
  expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toContain('echeance=12');
  expect(await page.getByLabel('Statut').locator('option').allTextContents()).toEqual(
    expect.arrayContaining(['échue', 'statut inconnu']),
  );
  await expectAccessible(page, 'registre, échéances');
  expect(errors).toEqual([]);
  await page.context().close();
}
