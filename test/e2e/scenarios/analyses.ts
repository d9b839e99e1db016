import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import type { E2e } from './context.ts';

/** Counts table, configuration chart drawn on its canvas, PNG and CSV downloads. */
export async function analysesRenderChart({ server, browser }: E2e) {
  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/analyses`);
  await expectWellFormedPage(page, /^Analyses — Observatoire DTS$/);
  await page
    .getByRole('table', { name: /par région/ })
    .getByRole('link', { name: 'Auvergne-Rhône-Alpes' })
    .waitFor();
  const canvas = page.locator('canvas[data-chart-ready="true"]');
  await canvas.waitFor();
  // Something was drawn: the bars use the DSFR blue on a plain background.
  const painted = await page.evaluate(`(() => {
    const c = document.querySelector('canvas[data-chart-ready="true"]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 100 && d[i] < 60 && d[i + 1] < 60) blue++;
    return blue;
  })()`);
  expect(painted).toBeGreaterThan(100);
  const matrix = page.getByRole('table', { name: 'Configurations et nombre de dynamiques' });
  expect(await matrix.locator('tbody tr').count()).toBe(8);
  await matrix.getByText('CV + ASV seulement').waitFor();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le graphique (PNG)' }).click();
  const png = await download;
  expect(png.suggestedFilename()).toMatch(/^configurations-contrat_ville-\d{4}-\d{2}-\d{2}\.png$/);
  const csvHref =
    (await page.getByRole('link', { name: 'Télécharger les données (CSV)' }).getAttribute('href')) ?? '';
  const csv = await page.request.get(new URL(csvHref, server.url).toString());
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('CV + ASV seulement');
  await expectAccessible(page, 'analyses');
  await screenshot(page, '08-analyses');
  expect(errors).toEqual([]);
  await page.context().close();
}
