import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

const HEADER = 'type;nom;statut;communes;epci;departements;qpv;porteur;dateDebut;dateFin';

function csv(lines: string[]) {
  return { name: 'dynamiques.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\n')) };
}

/** Upload → dry-run report with line and column errors → fixed file → confirmation → in the registry. */
export async function importWithErrorsThenFixed({ server, browser }: E2e) {
  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/import`);
  await expectWellFormedPage(page, /^Importer des dynamiques — Observatoire DTS$/);
  const verify = page.getByRole('button', { name: 'Vérifier le fichier' });
  expect(await verify.isDisabled()).toBe(true);

  await page
    .getByLabel('Fichier de dynamiques')
    .setInputFiles(
      csv([
        `CLSM;Conseil local de santé mentale importé ${MARKER};actif;42218;;;;;2020-01-01;`,
        `XYZ;Type inconnu ${MARKER};actif;42218;;;;;;`,
        `CLS;Date impossible ${MARKER};actif;42218;;;;;2020-13-45;`,
      ]),
    );
  await verify.click();
  const report = page.getByRole('table', { name: /Erreurs par ligne/ });
  await report.waitFor();
  const rows = await report.locator('tbody tr').allTextContents();
  expect(rows.some((r) => r.startsWith('3type'))).toBe(true);
  expect(rows.some((r) => r.startsWith('4dateDebut'))).toBe(true);
  await page.getByText(/rien n’a été importé/).waitFor();
  await expectAccessible(page, 'import avec erreurs');
  await screenshot(page, '06-import-erreurs');

  await page
    .getByLabel('Fichier de dynamiques')
    .setInputFiles(
      csv([
        `CLSM;Conseil local de santé mentale importé ${MARKER};actif;42218;;;;;2020-01-01;`,
        `CLS;Contrat local de santé importé ${MARKER};en_projet;;244200770;;;;2021-03-01;`,
      ]),
    );
  await verify.click();
  await page.getByText('Fichier valide : rien n’a encore été enregistré').waitFor();
  await page.getByText(/2 lignes lues : 2 seront créées/).waitFor();
  await expectAccessible(page, 'import valide');
  await page.getByRole('button', { name: 'Confirmer l’import' }).click();
  await page.getByText('Import terminé').waitFor();
  await screenshot(page, '07-import-termine');

  const list = await page.request.get(`${server.url}/api/dynamiques?q=${MARKER}%20importé`);
  const names = ((await list.json()).items as { nom: string }[]).map((d) => d.nom).sort();
  expect(names).toEqual([
    `Conseil local de santé mentale importé ${MARKER}`,
    `Contrat local de santé importé ${MARKER}`,
  ]);

  // The import is listed at once among the previous ones, and undone after a confirmation.
  const past = page.getByRole('table', { name: /Les 20 derniers imports/ });
  const row = past.getByRole('row').filter({ hasText: '2 création(s)' }).first();
  await row.getByRole('button', { name: /^Annuler l’import/ }).click();
  await expectAccessible(page, 'annulation d’un import');
  await row.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await page.getByText('Import annulé').waitFor();
  await page.getByText(/2 fiche\(s\) supprimée\(s\)/).waitFor();
  const after = await page.request.get(`${server.url}/api/dynamiques?q=${MARKER}%20importé`);
  expect((await after.json()).items).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}
