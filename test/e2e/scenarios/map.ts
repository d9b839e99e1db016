import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { systemActor } from '../../../src/domain/actor.ts';
import { shippedContours, shippedLayer } from '../../helpers/reference-layers.ts';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import { canvasColours, coverageColours, darkPixels, difference } from '../helpers/canvas-colours.ts';
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
 * CLS over whole or part of a few départements from 2015-2016, so that the national map has several
 * shades in 2020 and none in 2010 (the seeded Loire CLS was signed in 2013).
 */
async function createShades({ server }: E2e): Promise<string[]> {
  const ids: string[] = [];
  const perimetres = [{ departements: ['01'] }, { communes: ['69123'] }, { communes: ['38185'] }];
  for (const [i, perimetre] of perimetres.entries()) {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/dynamiques',
      payload: {
        type: 'CLS',
        nom: `Contrat local de santé carte ${i} ${MARKER}`,
        statut: 'actif',
        perimetre,
        dateDebut: '2015-06-01',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  return ids;
}

async function removeShades({ server }: E2e, ids: string[]) {
  for (const id of ids) {
    const current = await server.app.inject({ url: `/api/dynamiques/${id}` });
    const res = await server.app.inject({
      method: 'DELETE',
      url: `/api/dynamiques/${id}`,
      headers: { 'if-match': current.headers.etag as string },
    });
    expect(res.statusCode).toBe(204);
  }
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

/** Waits for the map to be drawn again after `change` (a new idle time). */
async function redrawn(page: import('playwright-core').Page, change: () => Promise<void>) {
  const before = await page.locator('.odts-map').getAttribute('data-map-idle-ms');
  await change();
  await idleAfter(page.locator('.odts-map'), before);
}

/** Without contours the map page explains how to add them; with them, MapLibre draws France. */
export async function mapWithAndWithoutContours(env: E2e) {
  const { server, browser, seeded } = env;
  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/carte`);
  await expectWellFormedPage(page, /^Carte des dynamiques — Observatoire DTS$/);
  await page.getByText('npm run odts -- reference import contours FICHIER').waitFor();
  await expectAccessible(page, 'carte sans contours');
  await screenshot(page, '09-carte-sans-contours');

  await server.ctx.services.reference.importContours(systemActor('test'), [realContours()]);
  await server.ctx.services.reference.importQpv(systemActor('test'), shippedLayer('qpv-2024.json.gz'), {
    force: true,
  });
  const shades = await createShades(env);
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
  await slider.fill(String(new Date().getFullYear()));
  await page.waitForURL((u) => !u.searchParams.has('date'));
  await page.locator('[data-map-state="idle"]').waitFor({ timeout: 30_000 });

  // Coloured départements: several shades of the coverage scale in 2020, none in 2010.
  const canvas = map.locator('canvas');
  await page.goto(`${server.url}/carte?date=2020-01-01`);
  await page.locator('[data-map-state="idle"]').waitFor({ timeout: 30_000 });
  const direct2020 = await canvasColours(canvas);
  expect(coverageColours(direct2020).length).toBeGreaterThanOrEqual(3);
  await page.goto(`${server.url}/carte?date=2010-01-01`);
  await page.locator('[data-map-state="idle"]').waitFor({ timeout: 30_000 });
  const direct2010 = await canvasColours(canvas);
  expect(coverageColours(direct2010)).toEqual([]);
  // Changing the date on the page colours the map as loading that date's address does.
  await redrawn(page, () => page.getByLabel('Date exacte').fill('2020-01-01'));
  await page.waitForURL((u) => u.searchParams.get('date') === '2020-01-01');
  const changed = await canvasColours(canvas);
  expect(coverageColours(changed).sort()).toEqual(coverageColours(direct2020).sort());
  expect(difference(changed, direct2020)).toBeLessThan(0.01);
  await page.goto(`${server.url}/carte`);
  await page.locator('[data-map-state="idle"]').waitFor({ timeout: 30_000 });

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

  // A click on the map (the Loire, covered by the seeded CLS) lists the dynamics there.
  await map.click();
  const here = page.getByRole('region', { name: 'À l’endroit choisi' });
  const link = here.getByRole('link', { name: `Contrat local de santé de Saint-Étienne ${MARKER}` });
  await link.waitFor();
  await expectAccessible(page, 'carte d’un département');
  await screenshot(page, '11-carte-departement');

  // The QPV outline layer (communes of the shipped QPV of the Loire) can be hidden from the legend.
  const qpvBox = page.getByRole('checkbox', { name: /Quartiers prioritaires \(\d+\)/ });
  expect(await qpvBox.isChecked()).toBe(true);
  const withQpv = darkPixels(await canvasColours(canvas));
  await redrawn(page, () => page.locator('label[for="couche-qpv"]').click());
  expect(await qpvBox.isChecked()).toBe(false);
  const withoutQpv = darkPixels(await canvasColours(canvas));
  expect(withQpv).toBeGreaterThan(withoutQpv + 200);
  await redrawn(page, () => qpvBox.press('Space'));
  expect(await qpvBox.isChecked()).toBe(true);

  // Up to the région from the breadcrumb, by keyboard, then down again from the table.
  const up = page.getByRole('button', { name: 'Remonter à : Auvergne-Rhône-Alpes' });
  await redrawn(page, async () => {
    await up.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('region') === '84' && !u.searchParams.has('departement'));
  });
  const crumbs = page.getByRole('navigation', { name: 'Niveau de la carte' });
  await crumbs.getByText('Auvergne-Rhône-Alpes').waitFor();
  expect(coverageColours(await canvasColours(canvas)).length).toBeGreaterThanOrEqual(2);
  await page.getByText('Tableau des données de la carte').click();
  await redrawn(page, async () => {
    await page.getByRole('button', { name: 'Ouvrir Loire sur la carte' }).press('Enter');
    await page.waitForURL((u) => u.searchParams.get('departement') === '42');
  });
  await page.getByRole('heading', { name: 'Loire (42)' }).waitFor();
  await map.click();
  await link.waitFor();

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
  await removeShades(env, shades);
}
