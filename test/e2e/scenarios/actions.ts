import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/**
 * Actions and experiences: the list with facets and the grid figures, creating an action (French field
 * messages first), reading it, then editing it while someone else changes it: the conflict screen shows
 * both versions; the action shows on its territory's page.
 */
export async function browseCreateAndEditActions({ server, browser }: E2e) {
  const seeded = await server.app.inject({
    method: 'POST',
    url: '/api/actions',
    payload: {
      type: 'recit_experience',
      titre: `Médiation santé ${MARKER} à Saint-Étienne`,
      territoire: { communes: ['42218'] },
      echelle: 'commune',
      financeurs: [{ type: 'ARS' }, { type: 'collectivite', nom: 'Ville de Saint-Étienne' }],
      debut: '2012-01-01',
    },
  });
  expect(seeded.statusCode, seeded.body).toBe(201);

  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/actions`);
  await expectWellFormedPage(page, /^Actions et expériences — Observatoire DTS$/);
  await page.getByLabel(/Mots recherchés/).fill(MARKER);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(`${server.url}/actions?q=${MARKER}`);
  await page.getByText('1 action trouvée').waitFor();
  await page.getByRole('table', { name: /Financements/ }).waitFor();
  await expectAccessible(page, 'actions');
  await screenshot(page, '30-actions');
  // The same figures as a document, for the filters shown.
  const pdfLink = page.getByRole('link', { name: 'PDF : synthèse de la grille d’analyse' });
  const href = await pdfLink.getAttribute('href');
  expect(href).toBe(`/api/rapports/actions?q=${MARKER}&format=pdf`);
  const pdf = await page.request.get(`${server.url}${href}`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await page
    .getByRole('navigation', { name: 'Affiner par facette' })
    .getByRole('button', { name: /^Récit d’expérience \(1\)/ })
    .click();
  await page.waitForURL(/type=recit_experience/);

  // Sent without a title: the server's message, in a summary and under the field.
  await page.goto(`${server.url}/actions/nouvelle`);
  await expectWellFormedPage(page, /^Nouvelle action — Observatoire DTS$/);
  await page.getByRole('button', { name: 'Créer l’action' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'L’action n’a pas été enregistrée' }).last();
  await summary.getByRole('link', { name: /Titre : titre obligatoire/ }).waitFor();
  await expectAccessible(page, 'formulaire d’action avec erreurs');

  const title = `Atelier cuisine ${MARKER}`;
  await page.getByLabel('Titre', { exact: true }).fill(title);
  // The territory is found by name; its code lands in the communes of the action.
  await page.getByRole('combobox', { name: /Ajouter un territoire/ }).fill('Saint-Étienne');
  await page
    .getByRole('option', { name: /^Saint-Étienne, commune/ })
    .first()
    .click();
  expect(await page.getByLabel('Communes').inputValue()).toBe('42218');
  await page.getByLabel('Échelle').selectOption('quartier');
  await page.getByRole('button', { name: 'Ajouter un financeur' }).click();
  await page.getByLabel('Nom (1)').fill('ARS Auvergne-Rhône-Alpes');
  await page.getByLabel('Alimentation', { exact: true }).check();
  await page.getByLabel('Début').fill('2016-09-01');
  await page.getByRole('button', { name: 'Créer l’action' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByText('Action enregistrée (version 1).').waitFor();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
  await page.getByText('ARS : ARS Auvergne-Rhône-Alpes').waitFor();
  await expectAccessible(page, 'action');
  await screenshot(page, '31-action');

  // Opened for editing here, changed meanwhile through the API.
  await page.getByRole('link', { name: 'Modifier l’action' }).click();
  await page.waitForURL(`${server.url}/actions/${id}/modifier`);
  await page.getByLabel('Résumé').fill('Des ateliers de cuisine avec les habitants du quartier.');
  const current = await server.app.inject({ url: `/api/actions/${id}` });
  const {
    id: _id,
    version: _v,
    duree: _d,
    dynamiquesDetail: _dd,
    departements: _de,
    regions: _r,
    creeLe: _c,
    modifieLe: _m,
    ...input
  } = current.json();
  const other = await server.app.inject({
    method: 'PUT',
    url: `/api/actions/${id}`,
    headers: { 'if-match': current.headers.etag as string },
    payload: { ...input, fin: '2019-06-30' },
  });
  expect(other.statusCode, other.body).toBe(200);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByRole('heading', { name: 'Conflit de modification' }).waitFor();
  await expectAccessible(page, 'conflit d’action');
  await screenshot(page, '32-action-conflit');
  await page.getByRole('button', { name: /Reporter mes modifications/ }).click();
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByText('Action enregistrée (version 3).').waitFor();
  await page.getByText('Des ateliers de cuisine avec les habitants du quartier.').waitFor();
  await page.getByText(/jusqu’au 30 juin 2019/).waitFor();

  // The territory's page lists its actions.
  await page.goto(`${server.url}/territoires/commune/42218`);
  await page.getByRole('link', { name: title }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();

  for (const a of [id, seeded.json().id as string]) {
    const now = await server.app.inject({ url: `/api/actions/${a}` });
    const res = await server.app.inject({
      method: 'DELETE',
      url: `/api/actions/${a}`,
      headers: { 'if-match': now.headers.etag as string },
    });
    expect(res.statusCode, res.body).toBe(204);
  }
}
