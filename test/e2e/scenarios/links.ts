import { expect } from 'vitest';
import { expectAccessible, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/**
 * Everything of a fiche edited in the web form: a coordination post, a contact and a typed link to
 * another dynamic found by name; the link then shows on both fiches, and disappears from both once removed.
 */
export async function editCoordinationContactsAndLinks({ server, browser }: E2e) {
  const create = async (body: Record<string, unknown>) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/dynamiques', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; nom: string };
  };
  const cls = await create({
    type: 'CLS',
    nom: `Contrat local de santé de Roanne ${MARKER}`,
    statut: 'actif',
    perimetre: { communes: ['42187'] },
  });
  const clsm = await create({
    type: 'CLSM',
    nom: `Conseil local de santé mentale de Roanne ${MARKER}`,
    statut: 'actif',
    perimetre: { communes: ['42187'] },
  });

  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/dynamiques/${clsm.id}/modifier`);
  await page.getByLabel('Nom', { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Ajouter un poste de coordination' }).click();
  await page.getByLabel('Intitulé (poste 1)').fill('Coordinatrice du CLSM');
  await page.getByLabel('Temps de travail (ETP) (poste 1)').fill('0,5');
  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  await page.getByLabel('Nom (contact 1)').fill('Camille Martin');
  await page.getByLabel('Courriel (contact 1)').fill('camille.martin@exemple.fr');

  await page.getByRole('button', { name: 'Ajouter un lien' }).click();
  await page.getByLabel('Nature du lien 1').selectOption('volet_sante_mentale_de');
  await page.getByRole('searchbox', { name: /Dynamique liée \(lien 1\)/ }).fill(`Roanne ${MARKER}`);
  await page.getByRole('button', { name: new RegExp(`^${cls.nom} — Contrat local de santé$`) }).click();
  await page.getByText(cls.nom, { exact: true }).waitFor();
  await expectAccessible(page, 'fiche avec lien, poste et contact');
  await screenshot(page, '40-edition-liens');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page
    .getByRole('status')
    .getByText(/Fiche enregistrée \(version 2\)/)
    .waitFor();

  const links = page.getByRole('region', { name: 'Liens avec d’autres dynamiques' });
  await links.getByText(/volet santé mentale de/).waitFor();
  await links.getByRole('link', { name: cls.nom }).waitFor();
  await page.getByRole('rowheader', { name: 'Coordinatrice du CLSM' }).waitFor();
  const saved = (await server.app.inject({ url: `/api/dynamiques/${clsm.id}` })).json();
  expect(saved.coordination).toMatchObject([{ intitule: 'Coordinatrice du CLSM', etp: 0.5 }]);
  expect(saved.contacts).toMatchObject([{ nom: 'Camille Martin', email: 'camille.martin@exemple.fr' }]);

  // The other fiche shows the same link read the other way.
  await links.getByRole('link', { name: cls.nom }).click();
  await page.getByRole('heading', { level: 1, name: cls.nom }).waitFor();
  const back = page.getByRole('region', { name: 'Liens avec d’autres dynamiques' });
  await back.getByText(/a pour volet santé mentale/).waitFor();
  await back.getByRole('link', { name: clsm.nom }).waitFor();
  await expectAccessible(page, 'lien lu depuis la cible');

  // Removed on the CLSM, gone from both.
  await page.goto(`${server.url}/dynamiques/${clsm.id}/modifier`);
  await page.getByRole('button', { name: 'Retirer le lien 1' }).click();
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page
    .getByRole('status')
    .getByText(/Fiche enregistrée \(version 3\)/)
    .waitFor();
  const fromCls = (await server.app.inject({ url: `/api/dynamiques/${cls.id}/liens` })).json();
  expect(fromCls.entrants).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}
