import path from 'node:path';
import { expect } from 'vitest';
import { expectAccessible, openPage, signIn } from '../helpers/browser.ts';
import type { E2e } from './context.ts';

const EXTRACTION = path.resolve(import.meta.dirname, '../../fixtures/finess/extraction-2024-01-15-utf8.csv');

/**
 * An administrator imports a FINESS extraction from the import page (checked, then confirmed); the
 * analyses page then counts its MSP and its CPTS known by their seat. The import is undone at the end,
 * so that the other scenarios see the seeded registry only.
 */
export async function finessImportThenCoordinatedCare({ server, browser }: E2e) {
  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/import`);
  const verify = page.getByRole('button', { name: 'Vérifier l’extraction' });
  expect(await verify.isDisabled()).toBe(true);
  await page.getByLabel('Fichier de l’extraction FINESS').setInputFiles(EXTRACTION);
  await verify.click();
  await page.getByText('Extraction valide : rien n’a encore été enregistré').waitFor();
  await page.getByText(/Extraction du 15 janvier 2024 : 5 seront créées, 0 seront mises à jour/).waitFor();
  await expectAccessible(page, 'import FINESS vérifié');
  const section = page.getByRole('region', { name: /Extraction FINESS/ });
  await section.getByRole('button', { name: 'Confirmer l’import' }).click();
  await page.getByText('Extraction importée').waitFor();

  try {
    await page.goto(`${server.url}/analyses`);
    const table = page.getByRole('table', { name: /Exercice coordonné et articulation des CLS/ });
    const reunion = table.getByRole('row', { name: /La Réunion/ });
    await reunion.waitFor();
    // La Réunion: one CPTS, known by its seat only (0 with a known perimeter / 1 seat only).
    expect(await reunion.locator('td').nth(3).textContent()).toBe('0 / 1');
    const ara = await table
      .getByRole('row', { name: /Auvergne-Rhône-Alpes/ })
      .locator('td')
      .first()
      .textContent();
    expect(Number(ara)).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'analyses, exercice coordonné');
    expect(errors).toEqual([]);
  } finally {
    const lots = await server.app.inject({ url: '/api/lots?limit=5' });
    const lot = (lots.json().items as { id: string; description: string }[]).find((l) =>
      l.description.startsWith('Import FINESS'),
    );
    if (lot) {
      const undone = await server.app.inject({ method: 'POST', url: `/api/lots/${lot.id}/annuler` });
      expect(undone.statusCode).toBe(200);
    }
  }
}
