import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { systemActor } from '../../../src/domain/actor.ts';
import type { OutboxMailer } from '../../../src/kernel/mail/outbox-mailer.ts';
import { tokenIn, uniqueEmail } from '../../factories/campaigns.ts';
import { readOutbox } from '../../helpers/outbox.ts';
import { shippedContours } from '../../helpers/reference-layers.ts';
import { expectAccessible, expectWellFormedPage, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

const GUERET = '23096';

/** Nothing wider than a phone screen: tables scroll inside their own frame. */
async function expectFitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 360, height: 740 });
  // Elements whose content is wider than themselves (outside scrolling tables), named on failure.
  const outside = (await page.evaluate(`[...document.querySelectorAll('body *')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1 && !e.closest('.odts-table-wrap') && getComputedStyle(e).overflowX === 'visible')
    .slice(-4)
    .map((e) => e.tagName + '.' + e.className + ' « ' + e.textContent.slice(0, 40) + ' »')`)) as string[];
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(width, `${name} à 360 px : ${outside.join(' | ')}`).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The shipped départements' outlines alone (other levels, when loaded, are kept by the import). */
async function importDepartementContours(server: E2e['server']) {
  const topology = shippedContours() as unknown as { objects: Record<string, unknown> };
  topology.objects = { departements: topology.objects.departements };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'odts-e2e-')), 'departements.topo.json');
  fs.writeFileSync(file, JSON.stringify(topology));
  await server.ctx.services.reference.importContours(systemActor('test'), [file]);
}

/**
 * A regional team's campaign, all in the interface but the recipient's answer: create it on the
 * Creuse (the form first refused, then fixed), send it after a confirmation, answer through the API
 * with the link read from the outbox, review the answer through a conflict, merge, and find the new
 * name on the dynamic's page, verified by the campaign.
 */
export async function campaignTeamCreateSendReviewMerge({ server, browser }: E2e) {
  const email = uniqueEmail('coordination');
  const record = {
    type: 'CLS',
    nom: `Contrat local de santé de Guéret ${MARKER}`,
    statut: 'actif',
    perimetre: { communes: [GUERET] },
    contacts: [{ nom: 'Camille Coordinatrice', email, role: 'coordination', public: false }],
  };
  const created = await server.app.inject({ method: 'POST', url: '/api/dynamiques', payload: record });
  expect(created.statusCode, created.body).toBe(201);
  const dynamicId = created.json().id as string;
  const campaignName = `Recensement ${MARKER}`;
  const newName = `Contrat local de santé du Grand Guéret ${MARKER}`;

  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/campagnes`);
  await expectWellFormedPage(page, /^Campagnes de mise à jour — Observatoire DTS$/);
  await expectAccessible(page, 'liste des campagnes');
  await page.getByRole('link', { name: 'Nouvelle campagne' }).click();
  await page.waitForURL(`${server.url}/campagnes/nouvelle`);
  await expectWellFormedPage(page, /^Nouvelle campagne — Observatoire DTS$/);

  // A template fills kinds, questions and message; the scope is still missing, the server says where.
  await page.getByLabel('Partir d’un modèle').selectOption('enquete-2018');
  expect(await page.getByRole('checkbox', { name: 'CLS', exact: true }).isChecked()).toBe(true);
  await page.getByLabel('Libellé').first().waitFor();
  expect(await page.getByLabel('Libellé').count()).toBe(4);
  await page.getByRole('button', { name: 'Ajouter une question' }).click();
  await page.getByLabel('Libellé').nth(4).fill('Nombre de communes couvertes');
  await page.getByLabel('Type de réponse').nth(4).selectOption('nombre');
  await page.getByRole('button', { name: 'Monter la question 5' }).click();
  expect(await page.getByLabel('Libellé').nth(3).inputValue()).toBe('Nombre de communes couvertes');
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'La campagne n’a pas été créée' });
  await summary.getByRole('link', { name: /Nom de la campagne : nom de la campagne obligatoire/ }).waitFor();
  await summary.getByRole('link', { name: /Périmètre : indiquez une région ou des départements/ }).waitFor();
  await expect.poll(() => page.evaluate("document.activeElement.getAttribute('role')")).toBe('alert');
  await expectAccessible(page, 'nouvelle campagne avec erreurs');
  await expectFitsPhone(page, 'formulaire de campagne');
  await screenshot(page, '30-campagne-erreurs');

  await page.getByLabel('Nom de la campagne').fill(campaignName);
  await page.getByRole('combobox', { name: /Ajouter un département/ }).fill('Creuse');
  await page.getByRole('option', { name: /^Creuse, département/ }).click();
  await page.getByRole('button', { name: 'Retirer Creuse (23)' }).waitFor();
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  await page.waitForURL(/\/campagnes\/[^/]+\?cree=1$/);
  const campaignUrl = page.url().replace(/\?cree=1$/, '');
  await expectWellFormedPage(page, new RegExp(`^${campaignName} — Observatoire DTS$`));
  const recipients = page.getByRole('table', { name: /destinataire/ });
  await recipients.getByText(email).waitFor();
  await expectAccessible(page, 'tableau de bord');
  await expectFitsPhone(page, 'tableau de bord');

  // Sending asks first, then reports.
  await page.getByRole('button', { name: 'Envoyer les invitations' }).click();
  const dialog = page.getByRole('dialog', { name: 'Envoyer les invitations ?' });
  await dialog.getByText(/recevr/).waitFor();
  await expectAccessible(page, 'confirmation d’envoi');
  await dialog.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await page.getByText(/^Invitations envoyées à \d\d\sh\s\d\d$/).waitFor();
  await page.getByText(/^1 message envoyé/).waitFor();
  await recipients
    .getByRole('row')
    .filter({ hasText: email })
    .getByRole('cell', { name: 'envoyé', exact: true })
    .waitFor();
  // Without SMTP, the team reads the invitation here, to forward it by hand.
  const row = recipients.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: `Lire le message à ${email}` }).click();
  await row.getByText(/\/reponses\/[A-Za-z0-9_-]{20,}/).waitFor();
  await screenshot(page, '31-campagne-envoyee');

  // The recipient answers through their personal link (their page is tested on its own).
  const mailer = server.ctx.services.mailer as OutboxMailer;
  const message = readOutbox(mailer.dir).find((m) => m.to === email);
  expect(message, 'invitation dans la boîte d’envoi').toBeTruthy();
  const token = tokenIn(message?.body ?? '');
  const answered = await server.app.inject({
    method: 'PUT',
    url: `/api/reponses/${token}`,
    payload: {
      dynamiques: [{ id: dynamicId, decision: 'corrigee', proposition: { nom: newName } }],
      questions: { coordination_dediee: 'Oui, poste pourvu', nombre_de_communes_couvertes: 22 },
      soumettre: true,
    },
  });
  expect(answered.statusCode, answered.body).toBe(200);

  // With the départements' outlines, the dashboard maps the share of answers.
  await importDepartementContours(server);
  await page.goto(campaignUrl);
  const map = page.getByRole('img', { name: /Carte des réponses par département/ });
  await map.waitFor();
  expect(await map.locator('title').first().textContent()).toBe('Creuse : 100 % de réponses');
  await expectAccessible(page, 'tableau de bord avec carte');
  await screenshot(page, '32-campagne-carte');
  await page.getByRole('link', { name: 'Examiner les réponses (1 à examiner)' }).click();
  await page.waitForURL(/\/reponses\?etat=a_examiner|\/reponses$/);
  await expectWellFormedPage(page, new RegExp(`^Réponses — ${campaignName} — Observatoire DTS$`));
  await expectAccessible(page, 'réponses à examiner');
  await page.getByRole('link', { name: `Contrat local de santé de Guéret ${MARKER}` }).click();
  await page.getByRole('heading', { level: 1, name: /^Réponse : / }).waitFor();
  const comparison = page.getByRole('table', { name: 'Comparaison champ par champ' });
  await comparison.getByText(newName).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Fusionner le champ Nom' }).isChecked()).toBe(true);
  expect(await page.getByRole('checkbox', { name: /Fusionner le champ Statut/ }).count()).toBe(0);
  await page.getByText('Nombre de communes couvertes').waitFor();
  await expectAccessible(page, 'comparaison');
  await expectFitsPhone(page, 'comparaison');
  await screenshot(page, '33-campagne-comparaison');

  // Someone edits the record meanwhile: the merge is refused, then the reloaded comparison warns.
  const current = await server.app.inject({ url: `/api/dynamiques/${dynamicId}` });
  const edited = await server.app.inject({
    method: 'PUT',
    url: `/api/dynamiques/${dynamicId}`,
    headers: { 'if-match': current.headers.etag as string },
    payload: { ...record, dateDebut: '2019-01-01' },
  });
  expect(edited.statusCode, edited.body).toBe(200);
  await page.getByRole('button', { name: 'Fusionner les champs cochés' }).click();
  await page.getByText('Conflit : la fiche a changé').waitFor();
  await page.getByRole('button', { name: 'Recharger la comparaison' }).click();
  await page.getByText('Le registre a changé depuis l’ouverture du formulaire').waitFor();
  await page.getByRole('button', { name: 'Fusionner les champs cochés' }).click();
  await page.getByText(/^Réponse fusionnée le /).waitFor();
  await expectAccessible(page, 'réponse fusionnée');
  await page.getByRole('link', { name: 'Voir la fiche de la dynamique' }).click();
  await page.waitForURL(`${server.url}/dynamiques/${dynamicId}`);
  await page.getByRole('heading', { level: 1, name: newName }).waitFor();
  await page.getByText(`(campagne « ${campaignName} »)`, { exact: false }).waitFor();
  await screenshot(page, '34-campagne-fiche');
  expect(errors).toEqual([]);
  await page.context().close();
}
