import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

type Server = E2e['server'];

async function createNotice(server: Server, body: Record<string, unknown>): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/ressources', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const ris = (word: string) =>
  [
    'TY  - RPRT',
    `TI  - Diagnostic ${word} de santé de Saint-Étienne`,
    'PY  - 2017',
    'ER  - ',
    '',
    'TY  - JOUR',
    'AU  - Martin, Paul',
    'PY  - 2021',
    'ER  - ',
    '',
    'TY  - JOUR',
    `TI  - Les ateliers ${word} santé ville vingt ans après`,
    'PY  - 2021',
    'ER  - ',
  ].join('\n');

/**
 * The resource centre run from the web interface: a notice created with its authors, vocabularies and
 * links, edited through a conflict, a file imported with one bad record and the partial choice (then
 * undone), two duplicates compared side by side and merged.
 */
export async function createEditImportAndMergeNotices({ server, browser, seeded }: E2e) {
  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);

  // Creation: every kind of field, the language detected from the title.
  await page.goto(`${server.url}/ressources/nouvelle`);
  await expectWellFormedPage(page, /^Nouvelle notice — Observatoire DTS$/);
  const title = `Les maisons de santé ${MARKER} pluriprofessionnelles dans les territoires ruraux`;
  await page.getByLabel('Type de document').selectOption('article');
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Ajouter un auteur' }).click();
  await page.getByLabel('Nom (auteur 1)', { exact: true }).fill('Durand');
  await page.getByLabel('Prénom (auteur 1)', { exact: true }).fill('Claire');
  await page.getByRole('button', { name: 'Ajouter un auteur' }).click();
  await page.getByLabel('Personne ou organisation (auteur 2)').selectOption('organisation');
  await page.getByLabel('Organisation (auteur 2)', { exact: true }).fill('Fabrique Territoires Santé');
  await page.getByLabel('Publié dans').fill('Santé publique');
  await page.getByLabel('Date de publication').fill('2022-05');
  await page.locator('label', { hasText: /^MSP — / }).click();
  await page.getByLabel('Mots-clés du thésaurus').fill('coordination');
  await page.getByRole('button', { name: 'Ajouter le mot-clé' }).click();
  await page.getByRole('button', { name: 'Retirer le mot-clé coordination' }).waitFor();
  await page.getByLabel('Chercher une dynamique à lier').fill(MARKER);
  await page
    .getByRole('button', { name: /^Lier la dynamique Contrat local de santé de Saint-Étienne/ })
    .click();
  await page.getByRole('combobox', { name: /Chercher un territoire à lier/ }).fill('saint-étienne');
  await page
    .getByRole('option', { name: /^Saint-Étienne, commune/ })
    .first()
    .click();
  await page.getByRole('button', { name: /^Retirer le territoire Saint-Étienne/ }).waitFor();
  await expectAccessible(page, 'nouvelle notice');
  await screenshot(page, '30-notice-nouvelle');
  await page.getByRole('button', { name: 'Créer la notice' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] as string);
  const created = (await server.app.inject(`/api/ressources/${id}`)).json();
  expect(created).toMatchObject({
    type: 'article',
    auteurs: [{ nom: 'Durand', prenom: 'Claire' }, { organisation: 'Fabrique Territoires Santé' }],
    conteneur: { titre: 'Santé publique' },
    dispositifs: ['MSP'],
    motsCles: ['coordination'],
    dynamiques: [seeded.cls],
    territoires: [{ type: 'commune', code: '42218' }],
    langue: 'fr',
  });

  // Edition while someone else saves: the conflict screen, then my change carried over.
  await page.getByRole('link', { name: 'Modifier la notice' }).click();
  await page.getByLabel('Résumé', { exact: true }).waitFor();
  const meanwhile = await server.app.inject({
    method: 'PUT',
    url: `/api/ressources/${id}`,
    headers: { 'if-match': '"1"' },
    payload: {
      ...created,
      etendue: '12 p.',
      id: undefined,
      version: undefined,
      annee: undefined,
      creeLe: undefined,
      modifieLe: undefined,
      resumeLiens: undefined,
    },
  });
  expect(meanwhile.statusCode, meanwhile.body).toBe(200);
  await page.getByLabel('Résumé', { exact: true }).fill(`Une enquête ${MARKER} auprès des équipes.`);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByRole('heading', { name: 'Conflit de modification' }).waitFor();
  await expectAccessible(page, 'conflit sur une notice');
  await page.getByRole('button', { name: 'Reporter mes modifications sur la version enregistrée' }).click();
  expect(await page.getByLabel('Étendue').inputValue()).toBe('12 p.');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const edited = (await server.app.inject(`/api/ressources/${id}`)).json();
  expect(edited).toMatchObject({
    version: 3,
    etendue: '12 p.',
    resume: `Une enquête ${MARKER} auprès des équipes.`,
  });

  // Import: one record without a title; the explicit partial choice; then undone.
  await page.goto(`${server.url}/ressources/import`);
  await expectWellFormedPage(page, /^Importer des notices — Observatoire DTS$/);
  await page
    .getByLabel('Fichier de notices')
    .setInputFiles({ name: 'notices.ris', mimeType: 'text/plain', buffer: Buffer.from(ris(MARKER)) });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const issues = page.getByRole('table', { name: /Problèmes ligne par ligne/ });
  await issues.waitFor();
  expect((await issues.locator('tbody tr').allTextContents()).some((r) => r.startsWith('6titre'))).toBe(true);
  await page.getByText('1 notice signalée sur 3 : rien n’a été importé').waitFor();
  await expectAccessible(page, 'import de notices avec erreurs');
  await screenshot(page, '31-import-notices-erreurs');
  await page
    .getByRole('button', { name: 'Importer les 2 notices valides et ignorer les 1 signalées' })
    .click();
  await page.getByText('Import partiel terminé').waitFor();
  const found = await server.app.inject({ url: '/api/ressources', query: { q: `${MARKER} vingt ans` } });
  expect(found.json().total).toBe(1);
  const past = page.getByRole('table', { name: /Les 20 derniers imports/ });
  const row = past.getByRole('row').filter({ hasText: 'import partiel' }).first();
  await row.getByRole('button', { name: /^Annuler l’import/ }).click();
  await row.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await page.getByText('Import annulé').waitFor();
  const gone = await server.app.inject({ url: '/api/ressources', query: { q: `${MARKER} vingt ans` } });
  expect(gone.json().total).toBe(0);

  // Duplicates: two notices of one law, the second cited by a sélection.
  const law = `Loi ${MARKER} portant réforme de l’hôpital et relative aux patients (loi HPST)`;
  const kept = await createNotice(server, {
    type: 'texte_officiel',
    sousType: 'loi',
    titre: law,
    date: '2009-07-21',
    doi: `10.9999/${MARKER}`,
  });
  const twin = await createNotice(server, {
    type: 'texte_officiel',
    titre: `${law}, texte intégral`,
    date: '2009',
    url: `https://example.org/${MARKER}/hpst`,
    doi: `10.9999/${MARKER}`,
    dispositifs: ['CLS'],
  });
  const sel = await server.app.inject({
    method: 'POST',
    url: '/api/selections',
    payload: { titre: `Sélection ${MARKER}`, sections: [{ titre: 'Lois', notices: [{ notice: twin }] }] },
  });
  expect(sel.statusCode, sel.body).toBe(201);
  await page.goto(`${server.url}/ressources/doublons`);
  await expectWellFormedPage(page, /^Doublons de notices — Observatoire DTS$/);
  await page.getByRole('button', { name: `Comparer : ${law} et ${law}, texte intégral` }).click();
  const table = page.getByRole('table', { name: /Les deux notices champ par champ/ });
  await table.waitFor();
  const titleRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Titre', exact: true }) });
  await titleRow.locator('label', { hasText: 'gauche' }).click();
  await expectAccessible(page, 'doublons côte à côte');
  await screenshot(page, '32-doublons');
  await page.getByRole('button', { name: 'Fusionner en gardant la notice de gauche' }).click();
  await page.getByText('Notices fusionnées').waitFor();
  await page.getByText(`Sélections qui la citent désormais : Sélection ${MARKER}.`).waitFor();
  expect((await server.app.inject(`/api/ressources/${twin}`)).statusCode).toBe(404);
  const merged = (await server.app.inject(`/api/ressources/${kept}`)).json();
  expect(merged).toMatchObject({
    titre: law,
    date: '2009-07-21',
    sousType: 'loi',
    url: `https://example.org/${MARKER}/hpst`,
    dispositifs: ['CLS'],
    version: 2,
  });
  const selection = (await server.app.inject(`/api/selections/${sel.json().id}`)).json();
  expect(selection.sections[0].notices[0].notice).toBe(kept);
  const history = (await server.app.inject(`/api/ressources/${kept}/historique`)).json();
  expect(history.items.map((h: { action: string }) => h.action)).toContain('fusion');

  expect(errors).toEqual([]);
  await page.context().close();
}
