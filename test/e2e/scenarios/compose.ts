import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

async function createNotice(server: E2e['server'], body: Record<string, unknown>): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/ressources', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/**
 * A documentalist composes a sélection in the browser: refused without its titles, notices found by
 * search and added with a commentary, a sitography, an introduction citing a notice, a glossary term,
 * the preview, the save; then a second edit meets a concurrent save and goes through the conflict.
 */
export async function composeSelectionThenConflict({ server, browser }: E2e) {
  const word = `compo${MARKER}`;
  const report = `Rapport ${word} sur les contrats locaux de santé`;
  const guide = `Guide ${word} de la coordination`;
  const site = `Portail ${word} des CLS`;
  await createNotice(server, {
    type: 'rapport',
    titre: report,
    date: '2019',
    auteurs: [{ organisation: 'ARS' }],
  });
  const guideId = await createNotice(server, { type: 'guide', titre: guide, date: '2023-04' });
  await createNotice(server, {
    type: 'page_web',
    titre: site,
    url: 'https://cls.example.org/',
    consulteLe: '2024-02-01',
  });

  // An acronym of the centre's glossary, written in the introduction, is offered for the annex.
  const sigle = `Z${MARKER.replace(/[^A-Za-z0-9]/g, '')
    .slice(-8)
    .toUpperCase()}`;
  const term = await server.app.inject({
    method: 'POST',
    url: '/api/glossaire',
    payload: { sigle, forme: `Forme ${word} du sigle`, definition: `Définition ${word} pour l’annexe.` },
  });
  expect(term.statusCode, term.body).toBe(201);

  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${server.url}/ressources`);
  await page.getByRole('link', { name: 'Composer une sélection' }).click();
  await page.waitForURL(`${server.url}/selections/nouvelle`);
  await expectWellFormedPage(page, /^Nouvelle sélection — Observatoire DTS$/);

  // Nothing typed: the server's refusal names each field, and its line leads to the field.
  await page.getByRole('button', { name: 'Créer la sélection' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'La sélection n’a pas été enregistrée' });
  await summary.getByRole('link', { name: 'Titre : titre obligatoire' }).waitFor();
  await summary.getByRole('link', { name: 'Section 1, titre : titre de section obligatoire' }).click();
  expect(await page.evaluate('document.activeElement.id')).toBe('champ-sections-0-titre');

  await page.getByLabel('Titre', { exact: true }).fill(`Sélection ${word}`);
  await page.getByRole('button', { name: 'Ajouter un auteur' }).click();
  await page.getByLabel('Nom de l’auteur 1', { exact: true }).fill('Durand');
  await page.getByLabel('Prénom de l’auteur 1', { exact: true }).fill('Claire');
  await page.getByLabel('Logo de l’organisation auteure').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    ),
  });
  await page.getByRole('button', { name: 'Retirer le logo' }).waitFor();
  await page.getByLabel('Titre de la section 1').fill('Rapports et guides');
  const first = page.getByRole('region', { name: /^Section 1 : Rapports et guides/ });
  await first.getByLabel('Rechercher une notice à ajouter').fill(word);
  await first.getByRole('button', { name: `Ajouter « ${report} »` }).click();
  await first.getByRole('button', { name: `Ajouter « ${guide} »` }).click();
  await first.getByLabel(`Commentaire sur « ${guide} (2023) »`).fill('Le point de départ.');

  await page.getByRole('button', { name: 'Ajouter une section', exact: true }).click();
  await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('champ-sections-1-titre');
  await page.getByLabel('Titre de la section 2').fill('Sitographie');
  const second = page.getByRole('region', { name: /^Section 2 : Sitographie/ });
  await page.locator('label[for="champ-sections-1-sitographie-0"]').click(); // DSFR draws the box on the label
  expect(await second.getByRole('checkbox', { name: /^Sitographie/ }).isChecked()).toBe(true);
  await second.getByLabel('Rechercher une notice à ajouter').fill(`Portail ${word}`);
  await second.getByRole('button', { name: `Ajouter « ${site} »` }).click();
  await second.getByLabel(`Consulté le (« ${site} »)`).fill('2024-06-03');
  // A notice moves, with its commentary, to the end of another section.
  await first
    .getByRole('combobox', { name: `Déplacer « ${report} (2019) » vers une autre section` })
    .selectOption({ label: '2 Sitographie' });
  await second.getByText(`${report} (2019)`, { exact: true }).waitFor();
  expect(await first.getByText(`${report} (2019)`, { exact: true }).count()).toBe(0);

  await page
    .getByRole('textbox', { name: /^Introduction/ })
    .fill(`Avec le ${sigle}, pour commencer, le guide `);
  await page.getByLabel('Citer une notice de la sélection dans l’introduction').selectOption(guideId);
  // The citation reads as the guide's short reference, never as its identifier.
  expect(await page.getByRole('textbox', { name: /^Introduction/ }).inputValue()).toBe(
    `Avec le ${sigle}, pour commencer, le guide [[${guide}, 2023]]`,
  );
  await page.getByRole('button', { name: 'Ajouter un terme' }).click();
  await page.getByLabel('Sigle 1').fill('CLS');
  await page.getByLabel('Forme développée 1').fill('contrat local de santé');
  await page
    .getByRole('button', { name: `Ajouter les sigles employés dans la sélection (${sigle})` })
    .click();
  expect(await page.getByLabel('Sigle 2').inputValue()).toBe(sigle);
  expect(await page.getByLabel('Définition 2').inputValue()).toBe(`Définition ${word} pour l’annexe.`);

  // The preview is the server's layout: antechronological, so the 2023 guide is (1) and cited as such.
  await page.getByRole('button', { name: 'Aperçu du document' }).click();
  const preview = page.frameLocator('iframe[title="Aperçu de la sélection"]').locator('body');
  await preview.getByText('Le point de départ.').waitFor();
  const text = (await preview.textContent()) ?? '';
  expect(text).toContain(`Avec le ${sigle}, pour commencer, le guide (1)`);
  expect(text.indexOf(guide)).toBeLessThan(text.indexOf(report));
  expect(text).toContain('https://cls.example.org/');
  expect(text).toContain('consulté le 3 juin 2024'); // the sitography's own date, not the notice's
  await expectAccessible(page, 'compositeur de sélection');
  await screenshot(page, '17-compositeur');

  await page.getByRole('button', { name: 'Créer la sélection' }).click();
  await page.waitForURL(/\/selections\/[^/]+\?enregistre=1$/);
  await page.getByText('Sélection enregistrée (version 1).').waitFor();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] as string);
  const saved = (await server.app.inject(`/api/selections/${id}`)).json();
  expect(saved.auteurs).toEqual([{ nom: 'Durand', prenom: 'Claire' }]);
  expect(saved.logo).toMatch(/^data:image\/png;base64,iVBOR/);
  expect(saved.sections[1]).toMatchObject({ titre: 'Sitographie', sitographie: true });
  expect(saved.sections[1].notices).toHaveLength(2); // the site, then the report moved there
  expect(saved.sections[0].notices).toEqual([
    { notice: guideId, commentaire: 'Le point de départ.', consulteLe: null },
  ]);
  expect(saved.introduction).toBe(`Avec le ${sigle}, pour commencer, le guide [[${guideId}]]`);
  expect(saved.sections[1].notices[0]).toMatchObject({ consulteLe: '2024-06-03' });
  expect(saved.glossaire).toEqual([
    { sigle: 'CLS', forme: 'contrat local de santé', definition: null },
    { sigle, forme: `Forme ${word} du sigle`, definition: `Définition ${word} pour l’annexe.` },
  ]);

  // A second edit, while someone else saves the same sélection: nothing is overwritten.
  await page.getByRole('link', { name: 'Modifier la sélection' }).click();
  await page.waitForURL(`${server.url}/selections/${encodeURIComponent(id)}/modifier`);
  await page.getByText(`${guide} (2023)`, { exact: true }).waitFor(); // titles of the saved notices
  await page.getByLabel('Titre', { exact: true }).fill(`Sélection ${word} revue`);
  const theirs = await server.app.inject({
    method: 'PUT',
    url: `/api/selections/${id}`,
    headers: { 'if-match': '"1"' },
    payload: { ...stripMeta(saved), introduction: 'Introduction réécrite ailleurs.' },
  });
  expect(theirs.statusCode, theirs.body).toBe(200);
  await page.getByRole('button', { name: 'Enregistrer la sélection' }).click();
  await page.getByRole('heading', { name: 'Conflit de modification' }).waitFor();
  const table = page.getByRole('table', { name: 'Les deux versions, partie par partie' });
  await table.getByRole('row', { name: /Titre par vous/ }).waitFor();
  await table.getByRole('row', { name: /Introduction entre-temps/ }).waitFor();
  await expectAccessible(page, 'conflit de sélection');
  await page.getByRole('button', { name: 'Reporter mes modifications sur la version enregistrée' }).click();
  await page.getByText('Vos modifications ont été reportées sur la version 2').waitFor();
  await page.getByRole('button', { name: 'Enregistrer la sélection' }).click();
  await page.waitForURL(/\?enregistre=3$/);
  const merged = (await server.app.inject(`/api/selections/${id}`)).json();
  expect(merged.titre).toBe(`Sélection ${word} revue`);
  expect(merged.introduction).toBe('Introduction réécrite ailleurs.');

  // Direct load of the composer of an unknown sélection.
  await page.goto(`${server.url}/selections/inconnue-${word}/modifier`);
  await page.getByRole('heading', { level: 1, name: 'Sélection introuvable' }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}

function stripMeta(s: Record<string, unknown>) {
  const { id: _id, nombreNotices: _n, version: _v, creeLe: _c, modifieLe: _m, ...input } = s;
  return input;
}
