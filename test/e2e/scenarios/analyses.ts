import fs from 'node:fs';
import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import type { E2e } from './context.ts';

/** Counts table, configuration chart drawn on its canvas, PNG and CSV downloads. */
export async function analysesRenderChart({ server, browser }: E2e) {
  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/analyses`);
  await expectWellFormedPage(page, /^Analyses — Observatoire DTS$/);
  await page
    .getByRole('table', { name: /^Dynamiques en projet.*par région/ })
    .getByRole('link', { name: 'Auvergne-Rhône-Alpes' })
    .waitFor();
  const canvas = page.locator('canvas[data-chart-ready="true"]').first();
  await canvas.waitFor();
  // Something was drawn: the bars use the DSFR blue on a plain background.
  // Polled: on a loaded machine the bars may still be growing (Chart.js animation) when the canvas is ready.
  const painted = () =>
    page.evaluate(`(() => {
    const c = document.querySelector('canvas[data-chart-ready="true"]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 100 && d[i] < 60 && d[i + 1] < 60) blue++;
    return blue;
  })()`);
  await expect.poll(painted, { timeout: 10_000 }).toBeGreaterThan(100);
  const matrix = page.getByRole('table', { name: 'Configurations et nombre de dynamiques' });
  expect(await matrix.locator('tbody tr').count()).toBe(8);
  await matrix.getByText('CV + ASV seulement').waitFor();

  const configurations = page.getByRole('region', { name: 'Matrice de configurations' });
  let download = page.waitForEvent('download');
  await configurations.getByRole('button', { name: /Télécharger le graphique \(PNG\)/ }).click();
  const png = await download;
  expect(png.suggestedFilename()).toMatch(/^configurations-contrat_ville-\d{4}-\d{2}-\d{2}\.png$/);
  download = page.waitForEvent('download');
  await configurations.getByRole('button', { name: /Télécharger le graphique \(SVG\)/ }).click();
  const svg = fs.readFileSync((await (await download).path()) as string, 'utf8');
  expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*CV \+ ASV seulement[\s\S]*<\/svg>/);
  const dataLink = (format: string) =>
    configurations.getByRole('link', { name: new RegExp(`Télécharger les données \\(${format}\\)`) });
  const csvHref = (await dataLink('CSV').getAttribute('href')) ?? '';
  const csv = await page.request.get(new URL(csvHref, server.url).toString());
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('CV + ASV seulement');
  const xlsx = await page.request.get(
    new URL((await dataLink('XLSX').getAttribute('href')) ?? '', server.url).toString(),
  );
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

  // Coverage by région and change between two dates, each with its chart and its data.
  const coverage = page.getByRole('region', { name: 'Couverture par région' });
  await coverage
    .getByRole('table', { name: /Part de la population couverte par un\(e\) contrat local de santé/ })
    .getByRole('link', { name: 'Auvergne-Rhône-Alpes' })
    .waitFor();
  await coverage.locator('canvas[data-chart-ready="true"]').waitFor();
  const evolution = page.getByRole('region', { name: 'Évolution entre deux dates' });
  await evolution.getByLabel('Depuis le').fill('2010-01-01');
  await evolution.getByRole('button', { name: 'Comparer' }).click();
  await evolution.getByRole('heading', { name: /^Créées \([1-9]/ }).waitFor();
  await evolution
    .getByRole('link', { name: /Contrat local de santé de Saint-Étienne/ })
    .first()
    .waitFor();
  await evolution.getByRole('table', { name: /Solde des dynamiques en cours par type/ }).waitFor();
  await expectAccessible(page, 'analyses');
  await screenshot(page, '08-analyses');

  // One département at a date: every block follows, the address keeps both, the matrix names its contrats.
  const territory = page.getByRole('combobox', { name: /Territoire/ });
  await territory.fill('Loire');
  await page
    .getByRole('option', { name: /^Loire, département/ })
    .first()
    .click();
  await page.waitForURL(/\/analyses\?departement=42$/);
  await page.getByRole('heading', { name: 'Comptages par département' }).waitFor();
  await page.getByRole('heading', { name: 'Couverture par intercommunalité' }).waitFor();
  await page.getByLabel('À la date du').fill('2020-01-01');
  await page.getByRole('button', { name: 'Appliquer la date' }).click();
  await page.waitForURL(/\/analyses\?departement=42&date=2020-01-01$/);
  await page.reload();
  await page.getByText('Loire, au 01/01/2020').waitFor();
  await page
    .getByRole('table', { name: /^Dynamiques en projet.*au 1er janvier 2020, par département/ })
    .getByRole('link', { name: 'Loire' })
    .waitFor();
  const scopedMatrix = page.getByRole('table', { name: 'Configurations et nombre de dynamiques' });
  const listed = scopedMatrix.locator('details').first();
  await listed.locator('summary').click();
  await listed.getByRole('link').first().waitFor();
  await expectAccessible(page, 'analyses d’un département à une date');

  // An intercommunalité from the same search: the blocks follow it, commune by commune.
  await territory.fill('Saint-Étienne Métropole');
  await page
    .getByRole('option', { name: /^Saint-Étienne Métropole, EPCI/ })
    .first()
    .click();
  await page.waitForURL(/\/analyses\?epci=244200770&date=2020-01-01$/);
  await page.getByRole('heading', { name: 'Couverture par commune' }).waitFor();
  await page
    .getByRole('table', { name: /^Dynamiques en projet.*au 1er janvier 2020, par département/ })
    .getByRole('link', { name: 'Loire' })
    .waitFor();
  await page.getByText('Les auto-évaluations se comparent par région ou par département').waitFor();
  await expectAccessible(page, 'analyses d’une intercommunalité');
  expect(errors).toEqual([]);
  await page.context().close();
}
