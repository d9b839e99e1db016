import fs from 'node:fs';
import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

async function createNotice(server: E2e['server'], body: Record<string, unknown>): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/ressources', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/**
 * Resource centre: search with highlighting, a facet, the export, a notice; a selection the server does
 * not know; the campaigns ask a visitor to sign in.
 */
export async function searchResourcesThenCampaignsAskSignIn({ server, browser }: E2e) {
  const guide = `Guide ${MARKER} pour coordonner un contrat local de santé`;
  const id = await createNotice(server, {
    type: 'guide',
    titre: guide,
    auteurs: [{ organisation: 'Fabrique Territoires Santé' }],
    date: '2021',
    resume: `Repères ${MARKER} sur la coordination des contrats locaux de santé.`,
    dispositifs: ['CLS'],
  });
  const other = await createNotice(server, {
    type: 'article',
    titre: `Article ${MARKER} sur les ateliers santé ville`,
    auteurs: [{ nom: 'Martin', prenom: 'Anne' }],
    date: '2015-06',
    dispositifs: ['ASV'],
  });

  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/ressources`);
  await expectWellFormedPage(page, /^Centre de ressources — Observatoire DTS$/);
  await page.getByLabel(/Mots recherchés/).fill(MARKER);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.waitForURL(`${server.url}/ressources?q=${MARKER}`);
  await page.getByText('2 notices trouvées').waitFor();
  const results = page.getByRole('list', { name: 'Résultats' });
  expect(await results.locator('mark').first().textContent()).toBe(MARKER);
  await expectAccessible(page, 'centre de ressources');
  await screenshot(page, '15-ressources');

  // A facet narrows the results and goes into the address.
  await page
    .getByRole('navigation', { name: 'Affiner par facette' })
    .getByRole('button', { name: /^Guide \(1\)/ })
    .click();
  await page.waitForURL(/type=guide/);
  await page.getByText('1 notice trouvée').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'RIS' }).click();
  const ris = fs.readFileSync((await (await download).path()) as string, 'utf8');
  expect(ris).toContain(guide);
  expect(ris).not.toContain('ateliers santé ville');

  await results.getByRole('link', { name: guide }).click();
  await page.waitForURL(`${server.url}/ressources/${id}`);
  await expectWellFormedPage(page, new RegExp(`^${guide} — Observatoire DTS$`));
  await page.getByText('Fabrique Territoires Santé').waitFor();
  await page.getByRole('link', { name: 'Contrat local de santé' }).waitFor();
  await expectAccessible(page, 'notice');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: guide }).waitFor();

  // A sélection citing the guide: its page shows the document the server renders, with downloads.
  const selection = await server.app.inject({
    method: 'POST',
    url: '/api/selections',
    payload: {
      titre: `Sélection ${MARKER} sur les contrats locaux de santé`,
      introduction: 'Lectures pour démarrer un contrat local de santé.',
      sections: [{ titre: 'Guides', notices: [{ notice: id, commentaire: 'Le point de départ.' }] }],
    },
  });
  expect(selection.statusCode, selection.body).toBe(201);
  const selectionId = selection.json().id as string;
  await page.goto(`${server.url}/selections/${selectionId}`);
  await page
    .getByRole('heading', { level: 1, name: `Sélection ${MARKER} sur les contrats locaux de santé` })
    .waitFor();
  await expectWellFormedPage(
    page,
    new RegExp(`^Sélection ${MARKER} sur les contrats locaux de santé — Observatoire DTS$`),
  );
  const rendered = page.frameLocator('iframe').first().locator('body');
  await rendered.getByText('Le point de départ.').waitFor();
  expect(await rendered.textContent()).toContain(`Guide ${MARKER}`);
  await page.getByRole('link', { name: /Télécharger en PDF/ }).waitFor();
  await expectAccessible(page, 'sélection');
  await screenshot(page, '16-selection');

  // The glossary, reached from the resource centre; an entry has its own anchor.
  const term = await server.app.inject({
    method: 'POST',
    url: '/api/glossaire',
    payload: {
      sigle: `G${MARKER.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`,
      forme: `Terme ${MARKER} du glossaire`,
      definition: `Définition ${MARKER} écrite pour le parcours de test.`,
    },
  });
  expect(term.statusCode, term.body).toBe(201);
  await page.goto(`${server.url}/ressources`);
  await page.getByRole('link', { name: 'Consulter le glossaire' }).click();
  await page.waitForURL(`${server.url}/glossaire`);
  await expectWellFormedPage(page, /^Glossaire — Observatoire DTS$/);
  await page.getByLabel(/Chercher un sigle ou un terme/).fill(MARKER);
  await page.getByText(`Définition ${MARKER} écrite pour le parcours de test.`).waitFor();
  await expectAccessible(page, 'glossaire');

  await page.goto(`${server.url}/selections/inconnue-${MARKER}`);
  await page.getByRole('heading', { level: 1, name: 'Sélection introuvable' }).waitFor();
  await expectWellFormedPage(page, /^Sélection introuvable — Observatoire DTS$/);
  await expectAccessible(page, 'sélection introuvable');

  // Campaigns are the regional teams' work: a visitor is asked to sign in, with no data shown.
  await page.goto(`${server.url}/campagnes`);
  await expectWellFormedPage(page, /^Campagnes de mise à jour — Observatoire DTS$/);
  await page.getByText('Connexion nécessaire').waitFor();
  await expectAccessible(page, 'campagnes sans connexion');
  expect(errors).toEqual([]);
  await page.context().close();

  for (const n of [id, other]) {
    const current = await server.app.inject({ url: `/api/ressources/${n}` });
    const headers = { 'if-match': current.headers.etag as string };
    const res = await server.app.inject({ method: 'DELETE', url: `/api/ressources/${n}`, headers });
    expect(res.statusCode, res.body).toBe(204);
  }
}
