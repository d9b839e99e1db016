import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { systemActor } from '../../../src/domain/actor.ts';
import { shippedContours, shippedLayer } from '../../helpers/reference-layers.ts';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/**
 * The real contours: régions and départements, plus the communes of the Loire and the EPCI of
 * Saint-Étienne, where the seeded dynamics lie.
 */
function realContours(): string {
  type Layer = { geometries: { properties?: { code?: string } }[] };
  const topology = shippedContours() as unknown as { objects: Record<string, Layer | undefined> };
  const { regions, departements, communes, epci } = topology.objects;
  if (!regions || !departements || !communes || !epci) throw new Error('contours livrés incomplets');
  communes.geometries = communes.geometries.filter((g) => g.properties?.code?.startsWith('42'));
  epci.geometries = epci.geometries.filter((g) => g.properties?.code === '244200770');
  topology.objects = { regions, departements, communes, epci };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'odts-e2e-')), 'france.topo.json');
  fs.writeFileSync(file, JSON.stringify(topology));
  return file;
}

/**
 * Colours of what the map draws, read from a screenshot of its canvas (decoded in the page: WebGL keeps no
 * readable buffer): how many pixels are not the background, and how many colours cover ≥ 0.5 % of it.
 */
async function mapColours(page: Page): Promise<{ coloured: number; colours: number }> {
  const png = await page.locator('.odts-map canvas').screenshot();
  // A string: this file is compiled without the DOM's types.
  return page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png.toString('base64')}';
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      // Quantised to 32 levels per channel, so that antialiasing does not count as colours.
      const key = (data[i] >> 3) * 1024 + (data[i + 1] >> 3) * 32 + (data[i + 2] >> 3);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const total = data.length / 4;
    const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const white = 31 * 1024 + 31 * 32 + 31;
    let coloured = 0;
    let colours = 0;
    for (const [key, n] of counts) {
      if (key === background) continue;
      coloured += n;
      if (key !== white && n >= total * 0.005) colours += 1;
    }
    return { coloured, colours };
  })()`) as Promise<{ coloured: number; colours: number }>;
}

/**
 * Waits until the map reports idle again after `before` (its previous idle time). Polled from here: the
 * page's policy forbids the string evaluation `waitForFunction` would need.
 */
async function idleAfter(map: Locator, before: string | null): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const [state, at] = await Promise.all([
      map.getAttribute('data-map-state'),
      map.getAttribute('data-map-idle-ms'),
    ]);
    if (state === 'idle' && at !== before) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('la carte n’est pas revenue au repos en 30 s');
}

/** Without contours the map page explains how to add them; with them, MapLibre draws France. */
export async function mapWithAndWithoutContours({ server, browser, seeded }: E2e) {
  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/carte`);
  await expectWellFormedPage(page, /^Carte des dynamiques — Observatoire DTS$/);
  await page.getByText('npm run odts -- reference import contours FICHIER').waitFor();
  await expectAccessible(page, 'carte sans contours');
  await screenshot(page, '09-carte-sans-contours');

  await server.ctx.services.reference.importContours(systemActor('test'), [realContours()]);
  await page.reload();
  const map = page.locator('.odts-map');
  await page.locator('[data-map-state="idle"]').waitFor({ timeout: 30_000 });
  expect(await map.locator('canvas').count()).toBe(1);
  await page.getByRole('combobox', { name: /Couverture par type/ }).waitFor();
  await expectAccessible(page, 'carte nationale');
  await screenshot(page, '10-carte');

  // The year slider sets "état au" in the address; back to the last year, it means today.
  const slider = page.getByRole('slider', { name: /État au/ });
  await slider.fill('2010');
  await page.waitForURL((u) => u.searchParams.get('date') === '2010-01-01');
  await page.getByText('État au 1er janvier 2010').waitFor();
  // Two dates in a row, the second while the first one's colours are still being drawn.
  await slider.fill('2015');
  await slider.fill(String(new Date().getFullYear()));
  await page.waitForURL((u) => !u.searchParams.has('date'));
  await page.locator('[data-map-state="idle"]').waitFor({ timeout: 30_000 });
  // After the date changes, départements are coloured as when the address is loaded directly.
  const afterSlider = await mapColours(page);
  await page.goto(page.url());
  await page.locator('[data-map-state="idle"]').waitFor({ timeout: 30_000 });
  const direct = await mapColours(page);
  // The seeded CLS colours the Loire; the other départements stay white (no coverage).
  expect(direct.colours).toBeGreaterThanOrEqual(1);
  expect(afterSlider.colours).toBe(direct.colours);
  expect(Math.abs(afterSlider.coloured - direct.coloured)).toBeLessThan(direct.coloured * 0.02);

  // With the shipped QPV, an open département outlines the communes holding one (toggle in the legend).
  await server.ctx.services.reference.importQpv(systemActor('test'), shippedLayer('qpv-2024.json.gz'), {
    force: true,
  });

  // Open the Loire from the keyboard; its perimeters are drawn and listed by kind.
  const before = await map.getAttribute('data-map-idle-ms');
  const box = page.getByRole('combobox', { name: /Ouvrir un département/ });
  await box.fill('Loire');
  await page.getByRole('option', { name: /^Loire, département · 42/ }).waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('departement') === '42');
  await page.getByRole('heading', { name: 'Loire (42)' }).waitFor();
  await page.getByRole('checkbox', { name: /Contrat local de santé/ }).waitFor();
  await idleAfter(map, before);

  const qpvToggle = page.getByRole('checkbox', {
    name: /Communes comptant un quartier prioritaire \(\d+ QPV\)/,
  });
  expect(await qpvToggle.isChecked()).toBe(true);
  const withQpv = await mapColours(page);
  const idleBefore = await map.getAttribute('data-map-idle-ms');
  await page.locator('label[for="couche-qpv"]').click();
  expect(await qpvToggle.isChecked()).toBe(false);
  await idleAfter(map, idleBefore);
  const withoutQpv = await mapColours(page);
  // The dashed outlines are gone: fewer pixels differ from the background.
  expect(withoutQpv.coloured).toBeLessThan(withQpv.coloured);
  await page.locator('label[for="couche-qpv"]').click();

  // A click on the map (the Loire, covered by the seeded CLS) lists the dynamics there.
  await map.click();
  const here = page.getByRole('region', { name: 'À l’endroit choisi' });
  const link = here.getByRole('link', { name: `Contrat local de santé de Saint-Étienne ${MARKER}` });
  await link.waitFor();
  await expectAccessible(page, 'carte d’un département');
  await screenshot(page, '11-carte-departement');

  // A layer can be hidden from the legend; the list leads to the dynamic's page.
  await page.locator('label[for="couche-CLS"]').click();
  expect(await page.getByRole('checkbox', { name: /Contrat local de santé/ }).isChecked()).toBe(false);
  await link.click();
  await page.waitForURL(`${server.url}/dynamiques/${seeded.cls}`);
  // With the contours imported, the dynamic's page draws its perimeter (the whole Loire here).
  const perimeter = page.getByRole('img', { name: /^Carte du périmètre de / });
  await perimeter.waitFor();
  const label = (await perimeter.getAttribute('aria-label')) ?? '';
  const inside = await perimeter.locator('path.odts-perimeter-in').count();
  expect(inside).toBeGreaterThan(300);
  expect(label).toContain(`: ${inside} communes en couleur`);
  expect(await perimeter.locator('path.odts-perimeter-out').count()).toBe(0);
  await expectAccessible(page, 'fiche dynamique avec carte du périmètre');
  expect(errors).toEqual([]);
  await page.context().close();
}
