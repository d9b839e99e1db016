import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/** Home page → "Rechercher un territoire" with the keyboard → the territory's profile. */
export async function searchTerritoryToProfile({ server, browser }: E2e) {
  // Not named with MARKER: the resources scenario counts the notices carrying it.
  const guide = `Guide des quartiers stéphanois ${process.pid}${Date.now().toString(36)}`;
  const notice = await server.app.inject({
    method: 'POST',
    url: '/api/ressources',
    payload: { type: 'guide', titre: guide, date: '2021', territoires: [{ type: 'commune', code: '42218' }] },
  });
  expect(notice.statusCode, notice.body).toBe(201);
  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/`);
  await expectWellFormedPage(page, /^Observatoire DTS$/);
  await page.locator('.odts-figure').first().waitFor();
  await expectAccessible(page, 'accueil');
  await screenshot(page, '01-accueil');

  const box = page.getByRole('combobox', { name: /Rechercher un territoire/ });
  await box.fill('saint-etienne');
  const option = page.getByRole('option', { name: /^Saint-Étienne, commune/ });
  await option.first().waitFor();
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  await screenshot(page, '02-recherche-territoire');

  // Escape closes the list, the arrows reopen it and move the active option.
  await box.press('Escape');
  expect(await box.getAttribute('aria-expanded')).toBe('false');
  const options = await page
    .getByRole('option', { includeHidden: true })
    .evaluateAll((os) => os.map((o) => o.getAttribute('aria-label') ?? ''));
  const index = options.findIndex((o) => /^Saint-Étienne, commune · 42218/.test(o));
  expect(index, options.join(' | ')).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await box.press('ArrowDown');
  expect(await box.getAttribute('aria-activedescendant')).toMatch(new RegExp(`-${index}$`));
  await box.press('Enter');

  await page.waitForURL(/\/territoires\/commune\/42218$/);
  await page.getByRole('heading', { level: 1, name: 'Saint-Étienne' }).waitFor();
  await page.getByRole('heading', { name: 'Dynamiques présentes' }).waitFor();
  await page.getByRole('link', { name: `Contrat local de santé de Saint-Étienne ${MARKER}` }).waitFor();
  await expectWellFormedPage(page, /^Saint-Étienne \(commune\) — Observatoire DTS$/);
  expect(await page.getByRole('table', { name: /Couverture/ }).count()).toBe(1);
  await page.getByRole('region', { name: 'Couverture' }).locator('canvas[data-chart-ready="true"]').waitFor();
  expect(await page.getByRole('link', { name: 'Les périmètres sur la carte' }).getAttribute('href')).toBe(
    '/carte?departement=42',
  );
  expect(await page.getByRole('link', { name: 'Loire' }).count()).toBeGreaterThan(0);
  // The commune's état des lieux in three formats, for the date of the profile; the HTML one is served.
  const reports = page.getByRole('region', { name: 'Télécharger l’état des lieux' });
  const hrefs: Record<string, string> = {};
  for (const format of ['PDF', 'DOCX', 'HTML']) {
    const link = reports.getByRole('link', { name: `Télécharger l’état des lieux (${format})` });
    hrefs[format] = (await link.getAttribute('href')) ?? '';
    expect(hrefs[format]).toMatch(
      new RegExp(
        `^/api/rapports/etat-des-lieux\\?territoire=commune%3A42218&date=\\d{4}-\\d{2}-\\d{2}&format=${format.toLowerCase()}$`,
      ),
    );
  }
  const html = await page.request.get(`${server.url}${hrefs.HTML}`);
  expect(html.status()).toBe(200);
  expect(await html.text()).toContain('Commune Saint-Étienne (42218)');
  // A click fetches the document while saying so, then hands it to the browser under its own name.
  const download = page.waitForEvent('download');
  await reports.getByRole('link', { name: 'Télécharger l’état des lieux (HTML)' }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^etat-des-lieux-commune-42218-saint-etienne-.*\.html$/,
  );
  // Notices about the territory or its dynamics, linked to their page.
  await page
    .getByRole('region', { name: 'Pour aller plus loin' })
    .getByRole('link', { name: guide })
    .waitFor();
  // The dossier for the elected team, offered on commune and EPCI pages, downloaded the same way.
  const dossier = page.getByRole('region', { name: 'Préparer un dossier pour les élus' });
  const dossierHtml = await dossier
    .getByRole('link', { name: 'Préparer un dossier pour les élus (HTML)' })
    .getAttribute('href');
  expect(dossierHtml).toMatch(/^\/api\/rapports\/dossier-elus\?territoire=commune%3A42218&date=/);
  const dossierPage = await page.request.get(`${server.url}${dossierHtml}`);
  expect(await dossierPage.text()).toContain(`Contrat local de santé de Saint-Étienne ${MARKER}`);
  const dossierFile = page.waitForEvent('download');
  await dossier.getByRole('link', { name: 'Préparer un dossier pour les élus (DOCX)' }).click();
  expect((await dossierFile).suggestedFilename()).toMatch(
    /^dossier-elus-commune-42218-saint-etienne-.*\.docx$/,
  );
  await expectAccessible(page, 'fiche territoire');
  await screenshot(page, '03-fiche-territoire');

  // A parent link changes page without reloading, and a refresh shows the same page.
  await page
    .getByRole('navigation', { name: /fil d’Ariane|vous êtes ici/i })
    .getByRole('link', { name: 'Loire' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Loire' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Loire' }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
  const removed = await server.app.inject({
    method: 'DELETE',
    url: `/api/ressources/${notice.json().id}`,
    headers: { 'if-match': '"1"' },
  });
  expect(removed.statusCode, removed.body).toBe(204);
}
