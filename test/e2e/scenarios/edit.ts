import { expect } from 'vitest';
import { TEST_ADMIN } from '../../helpers/context.ts';
import { expectAccessible, expectWellFormedPage, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/**
 * Creating a dynamic (French field messages, perimeter picker with a whole EPCI), then editing it while
 * someone else changes it through the API: the conflict screen shows both versions and nothing is lost.
 */
export async function createThenEditWithConflict({ server, browser }: E2e) {
  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/registre`);
  await page.getByRole('link', { name: 'Ajouter une dynamique' }).click();
  await page.waitForURL(`${server.url}/dynamiques/nouvelle`);
  await expectWellFormedPage(page, /^Nouvelle dynamique — Observatoire DTS$/);

  // Sent empty: the server's French messages, in a summary and under each field.
  await page.getByRole('button', { name: 'Créer la dynamique' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'La fiche n’a pas été enregistrée' }).last();
  await summary.waitFor();
  await summary.getByRole('link', { name: /Nom : nom obligatoire/ }).waitFor();
  await summary.getByRole('link', { name: /Type : type inconnu/ }).waitFor();
  expect(await page.locator('#perimetre-erreur').textContent()).toMatch(/au moins un territoire/);
  await expectAccessible(page, 'formulaire avec erreurs');
  await screenshot(page, '13-creation-erreurs');

  const name = `Contrat local de santé de Firminy ${MARKER}`;
  await page.getByLabel('Type de dynamique').selectOption('CLS');
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await page.locator('#champ-statut').selectOption('actif');
  const search = page.getByRole('combobox', { name: /Ajouter un territoire/ });
  await search.fill('firminy');
  await page
    .getByRole('option', { name: /^Firminy, commune/ })
    .first()
    .click();
  await page.getByRole('button', { name: /Retirer Firminy \(commune 42095\)/ }).waitFor();
  await page
    .getByRole('button', { name: /Ajouter toute l’intercommunalité : Saint-Étienne Métropole/ })
    .click();
  await page.getByRole('button', { name: /Retirer Saint-Étienne Métropole \(epci 244200770\)/ }).waitFor();
  await page.getByRole('button', { name: 'Créer la dynamique' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
  await page
    .getByRole('status')
    .getByText(/Fiche enregistrée \(version 1\)/)
    .waitFor();

  // Opened for editing in the browser…
  await page.getByRole('link', { name: 'Modifier la fiche' }).click();
  await page.waitForURL(`${server.url}/dynamiques/${id}/modifier`);
  await expectWellFormedPage(page, new RegExp(`^Modifier ${name} — Observatoire DTS$`));
  await page.getByLabel('Nom du porteur').fill('Ville de Firminy');
  await page.getByLabel('Type de porteur').selectOption('commune');

  // …while someone else changes the dates through the API.
  const before = await server.app.inject({ url: `/api/dynamiques/${id}` });
  const theirs = { ...before.json(), dateDebut: '2020-03-01' };
  const put = await server.app.inject({
    method: 'PUT',
    url: `/api/dynamiques/${id}`,
    headers: { 'if-match': before.headers.etag as string },
    payload: {
      type: theirs.type,
      nom: theirs.nom,
      statut: 'actif',
      perimetre: { communes: ['42095'], epci: ['244200770'] },
      dateDebut: '2020-03-01',
    },
  });
  expect(put.statusCode, put.body).toBe(200);

  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByRole('heading', { name: 'Conflit de modification' }).waitFor();
  const table = page.getByRole('table', { name: 'Les deux versions, champ par champ' });
  const porteur = table.getByRole('row', { name: /Porteur/ });
  expect(await porteur.textContent()).toMatch(/par vous.*Ville de Firminy \(commune\)/);
  const debut = table.getByRole('row', { name: /Date de début/ });
  expect(await debut.textContent()).toMatch(/entre-temps.*2020-03-01/);
  // Nothing was written from the browser.
  const during = (await server.app.inject({ url: `/api/dynamiques/${id}` })).json();
  expect(during.version).toBe(2);
  expect(during.porteur).toBeNull();
  await expectAccessible(page, 'écran de conflit');
  await screenshot(page, '14-conflit');

  await page.getByRole('button', { name: 'Reporter mes modifications sur la version enregistrée' }).click();
  await page
    .getByRole('status')
    .getByText(/reportées sur la version 2/)
    .waitFor();
  expect(await page.getByLabel('Date de début').inputValue()).toBe('2020-03-01');
  expect(await page.getByLabel('Nom du porteur').inputValue()).toBe('Ville de Firminy');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page
    .getByRole('status')
    .getByText(/Fiche enregistrée \(version 3\)/)
    .waitFor();

  const after = (await server.app.inject({ url: `/api/dynamiques/${id}` })).json();
  expect(after.porteur).toMatchObject({ nom: 'Ville de Firminy', type: 'commune' });
  expect(after.dateDebut).toBe('2020-03-01');
  expect(after.perimetre.epci).toEqual(['244200770']);
  const history = (await server.app.inject({ url: `/api/dynamiques/${id}/historique` })).json();
  // The person signed in through the web and the script's token are both named in the history.
  expect(history.items.map((h: { auteur: string }) => h.auteur)).toEqual([
    server.admin.email,
    TEST_ADMIN,
    server.admin.email,
  ]);

  await page.goto(`${server.url}/connexion`);
  await expectWellFormedPage(page, /^Mon compte — Observatoire DTS$/);
  await page.getByText(server.admin.email).waitFor();
  await expectAccessible(page, 'mon-compte');

  // The journal lists this dynamic's changes, filtered by the person who made them.
  await page.getByRole('link', { name: 'Journal des modifications' }).click();
  await expectWellFormedPage(page, /^Journal des modifications — Observatoire DTS$/);
  await page.getByLabel('Auteur (adresse électronique ou jeton)').fill(server.admin.email);
  await page.getByRole('button', { name: 'Filtrer' }).click();
  const journal = page.getByRole('table', { name: 'Modifications, les plus récentes d’abord' });
  await journal.getByRole('link', { name: id }).first().waitFor();
  expect(await journal.getByRole('row').filter({ hasText: 'jeton' }).count()).toBe(0);
  await expectAccessible(page, 'journal');
  expect(errors).toEqual([]);
  await page.context().close();

  const removed = await server.app.inject({
    method: 'DELETE',
    url: `/api/dynamiques/${id}`,
    headers: { 'if-match': `"${after.version}"` },
  });
  expect(removed.statusCode, removed.body).toBe(204);
}
