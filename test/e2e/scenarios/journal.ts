import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

const dynamic = (nom: string) => ({
  type: 'ASV',
  nom,
  statut: 'actif',
  perimetre: { communes: ['42095'] },
  dateDebut: '2010-01-01',
});

/**
 * The journal filtered by kind and record shows a change field by field; its first version is restored
 * after a confirmation, through a conflict when someone saved the record in between.
 */
export async function journalFilterAndRestore({ server, browser }: E2e) {
  const first = `Atelier santé ville de Firminy ${MARKER}`;
  const res = await server.app.inject({ method: 'POST', url: '/api/dynamiques', payload: dynamic(first) });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const put = (nom: string, version: number) =>
    server.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${id}`,
      headers: { 'if-match': `"${version}"` },
      payload: dynamic(nom),
    });
  expect((await put(`Atelier santé ville Firminy-Vallée ${MARKER}`, 1)).statusCode).toBe(200);

  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/journal`);
  await expectWellFormedPage(page, /^Journal des modifications — Observatoire DTS$/);
  await page.getByLabel('Type de fiche').selectOption('dynamique');
  await page.getByLabel('Identifiant de la fiche').fill(id);
  await page.getByLabel('Depuis le').fill('2020-01-01');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.waitForURL((u) => u.searchParams.get('entiteId') === id);
  await page.getByText('2 modifications').waitFor();
  const journal = page.getByRole('table', { name: 'Modifications, les plus récentes d’abord' });
  expect(await journal.getByRole('link', { name: id }).count()).toBe(2);

  // The change of version 2, field by field.
  await journal.getByRole('button', { name: `Détail de la version 2 de dynamique ${id}` }).click();
  const changes = page.getByRole('table', { name: `Version 2 de dynamique ${id} : avant et après` });
  const nameRow = changes.getByRole('row').filter({ hasText: 'nom' });
  await nameRow.getByText(first).waitFor();
  await nameRow.getByText(`Atelier santé ville Firminy-Vallée ${MARKER}`).waitFor();
  await journal.getByRole('button', { name: `Masquer de la version 2 de dynamique ${id}` }).click();

  // Restoring version 1: the confirmation shows what changes; someone saves meanwhile.
  await journal.getByRole('button', { name: `Détail de la version 1 de dynamique ${id}` }).click();
  await page.getByRole('button', { name: 'Restaurer cette version' }).click();
  await page.getByRole('heading', { name: 'Restaurer la version 1 ?' }).waitFor();
  await page.getByRole('table', { name: 'Ce que la restauration change' }).getByText(first).waitFor();
  await expectAccessible(page, 'journal, restauration');
  await screenshot(page, '44-journal-restauration');
  const meanwhile = `Atelier santé ville Ondaine ${MARKER}`;
  expect((await put(meanwhile, 2)).statusCode).toBe(200);
  await page.getByRole('button', { name: 'Confirmer la restauration' }).click();
  await page.getByRole('heading', { name: 'Conflit : la fiche a été modifiée entre-temps' }).waitFor();
  await page.getByRole('table', { name: 'Ce que la restauration change' }).getByText(meanwhile).waitFor();
  await expectAccessible(page, 'journal, conflit de restauration');
  await page.getByRole('button', { name: 'Restaurer quand même la version 1' }).click();
  await page.getByText('Version 1 restaurée : la fiche est maintenant en version 4.').waitFor();
  const now = (await server.app.inject({ url: `/api/dynamiques/${id}` })).json();
  expect(now).toMatchObject({ nom: first, version: 4 });

  await page.getByRole('button', { name: 'Actualiser le journal' }).click();
  await page.getByText('4 modifications').waitFor();

  // Deleted, then brought back from the journal as the version it had.
  const remove = (version: number) =>
    server.app.inject({
      method: 'DELETE',
      url: `/api/dynamiques/${id}`,
      headers: { 'if-match': `"${version}"` },
    });
  expect((await remove(4)).statusCode).toBe(204);
  await page.reload();
  await page.getByText('5 modifications').waitFor();
  await journal.getByRole('button', { name: `Détail de la version 4 de dynamique ${id}` }).click();
  await page.getByRole('button', { name: 'Restaurer cette version' }).click();
  await page.getByRole('heading', { name: 'Restaurer la version 4 ?' }).waitFor();
  await page.getByText('La fiche a été supprimée en version 4.').waitFor();
  await expectAccessible(page, 'journal, restauration d’une fiche supprimée');
  await page.getByRole('button', { name: 'Confirmer la restauration' }).click();
  await page.getByText('Version 4 restaurée : la fiche est maintenant en version 5.').waitFor();
  expect((await server.app.inject({ url: `/api/dynamiques/${id}` })).json()).toMatchObject({
    nom: first,
    version: 5,
  });
  expect(errors).toEqual([]);
  await page.context().close();
  expect((await remove(5)).statusCode).toBe(204);
}
