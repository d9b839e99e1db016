import { expect } from 'vitest';
import { CRITERIA } from '../../../src/domain/cycle/criteria.ts';
import { expectAccessible, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/**
 * On a CLS page: the project cycle is started from the CLS template and its first step marked done; a
 * self-assessment refused for a missing level, then completed, shows as a radar and a table.
 */
export async function projectCycleAndSelfAssessment({ server, browser }: E2e) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: {
      type: 'CLS',
      nom: `Contrat local de santé de Montbrison ${MARKER}`,
      statut: 'actif',
      perimetre: { communes: ['42147'] },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;

  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/dynamiques/${id}`);
  const cycle = page.getByRole('region', { name: 'Cycle de projet' });
  await cycle.getByText('Pas encore renseigné').waitFor();
  await cycle.getByText('Diagnostic local de santé').waitFor();

  await cycle.getByRole('button', { name: 'Renseigner le cycle de projet' }).click();
  await page.getByLabel('État de l’étape 1').selectOption('fait');
  await page.getByLabel('Date de l’étape 1').fill('2023-04-12');
  await page.getByLabel('Note sur l’étape 1').fill('Restitution publique en mairie');
  await expectAccessible(page, 'fiche, cycle de projet en modification');
  await page.getByRole('button', { name: 'Enregistrer le cycle de projet' }).click();
  await cycle.getByText('Restitution publique en mairie').waitFor();
  await cycle.getByText('Contrat local de santé — mis à jour le').waitFor();
  const stored = (await server.app.inject(`/api/dynamiques/${id}/cycle`)).json();
  expect(stored).toMatchObject({ modele: 'CLS', version: 1 });
  expect(stored.etapes[0]).toMatchObject({ statut: 'fait', date: '2023-04-12' });

  const section = page.getByRole('region', { name: 'Auto-évaluation de la démarche' });
  await section.getByText('Aucune auto-évaluation n’a encore été enregistrée.').waitFor();
  await section.getByRole('button', { name: 'Nouvelle auto-évaluation' }).click();
  const levels = [3, 2, 2, 1, 3, 1, 2];
  // The last criterion left unanswered: the server names it, focus goes to the summary.
  for (const [i, c] of CRITERIA.slice(0, -1).entries()) {
    await page.getByLabel(`Niveau : ${c.libelle}`).selectOption(String(levels[i]));
  }
  await page.getByLabel('Ce qui le montre : Politique').fill('Délibération du conseil municipal');
  await page.getByRole('button', { name: 'Enregistrer l’auto-évaluation' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'L’auto-évaluation n’a pas été enregistrée' });
  await summary.getByRole('link', { name: /Coordonnée, niveau/ }).waitFor();
  await expectAccessible(page, 'fiche, auto-évaluation refusée');
  await page.getByLabel('Niveau : Coordonnée').selectOption('2');
  await page.getByRole('button', { name: 'Enregistrer l’auto-évaluation' }).click();

  const table = section.getByRole('table', { name: /critère par critère/ });
  await table
    .getByRole('row', { name: /Politique/ })
    .getByText('Délibération du conseil municipal')
    .waitFor();
  await table
    .getByRole('row', { name: /Ascendante/ })
    .getByText('Émergent (1 / 3)')
    .waitFor();
  await section.locator('canvas[data-chart-ready="true"]').waitFor();
  await expectAccessible(page, 'fiche, auto-évaluation');
  await screenshot(page, '47-auto-evaluation');
  const list = (await server.app.inject(`/api/dynamiques/${id}/auto-evaluations`)).json();
  expect(list.total).toBe(1);
  expect(list.items[0].criteres.politique).toEqual({
    niveau: 3,
    preuves: 'Délibération du conseil municipal',
  });

  // The Loire's picture counts it: Montbrison is in the département 42.
  await page.goto(`${server.url}/analyses?departement=42`);
  const block = page.getByRole('region', { name: 'Auto-évaluations des démarches' });
  const politique = block
    .getByRole('table', { name: /Nombre de dynamiques à chaque niveau/ })
    .getByRole('row', {
      name: /^Politique/,
    });
  await politique.waitFor();
  const cells = await politique.getByRole('cell').allTextContents();
  expect(Number(cells[3])).toBeGreaterThanOrEqual(1);
  await expectAccessible(page, 'analyses, auto-évaluations');
  expect(errors).toEqual([]);
  await page.context().close();
}
