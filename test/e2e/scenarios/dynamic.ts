import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/** From the registry to a dynamic's page: identity, timeline, coordination, links, history. */
export async function openDynamicAndHistory({ server, browser, seeded }: E2e) {
  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/registre?q=${MARKER}&type=CLS`);
  const name = `Contrat local de santé de Saint-Étienne ${MARKER}`;
  await page.getByRole('link', { name }).click();
  await page.waitForURL(`${server.url}/dynamiques/${seeded.cls}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await expectWellFormedPage(page, new RegExp(`^${name} — Observatoire DTS$`));

  const timeline = page.locator('ol.odts-timeline > li');
  expect(await timeline.count()).toBe(3);
  expect(await timeline.nth(1).textContent()).toMatch(/1er mai 2013.*Signature/);
  await page.getByRole('table', { name: 'Postes de coordination' }).getByText('Coordinatrice CLS').waitFor();
  await page.getByRole('link', { name: 'Loire' }).waitFor();

  const history = page.getByRole('table', { name: /Modifications de la fiche/ });
  await history.waitFor();
  const entries = history.locator('tbody tr');
  expect(await entries.count()).toBe(2);
  expect(await entries.nth(0).textContent()).toContain('Création');
  expect(await entries.nth(1).textContent()).toContain('Modification');
  // The change reads as a sentence: the event added, its date, its status, its note.
  expect(await entries.nth(1).textContent()).toMatch(/Événements : \+ \S.* au .*Deuxième génération/);
  await expectAccessible(page, 'fiche dynamique');
  await screenshot(page, '05-fiche-dynamique');

  // The linked dynamic is one click away.
  await page.getByRole('link', { name: `Atelier santé ville de Saint-Étienne ${MARKER}` }).click();
  await page.waitForURL(`${server.url}/dynamiques/${seeded.asv}`);
  await page
    .getByRole('heading', { level: 1, name: `Atelier santé ville de Saint-Étienne ${MARKER}` })
    .waitFor();

  // An unknown record: a French message, not a blank page.
  await page.goto(`${server.url}/dynamiques/inconnue-${MARKER}`);
  await page
    .getByRole('alert')
    .getByText(/introuvable/i)
    .first()
    .waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}
