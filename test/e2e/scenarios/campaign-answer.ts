import { expect } from 'vitest';
import type { OutboxMailer } from '../../../src/kernel/mail/outbox-mailer.ts';
import { campaignBody, tokenIn, uniqueEmail } from '../../factories/campaigns.ts';
import { readOutbox } from '../../helpers/outbox.ts';
import { expectAccessible, openPage, screenshot } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/**
 * A recipient on a phone, with no account: opens the personal link from the invitation, corrects the
 * name and answers the question, finds the draft again after a reload, sends it; the team then has a
 * proposal to review. A wrong link says so plainly.
 */
export async function campaignAnswerOnAPhone({ server, browser }: E2e) {
  const email = uniqueEmail('repondante');
  const dyn = await server.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: {
      type: 'CLS',
      nom: `Contrat local de santé de Tulle ${MARKER}`,
      statut: 'actif',
      perimetre: { communes: ['19272'] },
      contacts: [{ nom: 'Claude Répondante', email, public: false }],
    },
  });
  expect(dyn.statusCode, dyn.body).toBe(201);
  const created = await server.app.inject({
    method: 'POST',
    url: '/api/campagnes',
    payload: campaignBody({
      destinataires: [{ email, nom: 'Claude Répondante', dynamiques: [dyn.json().id] }],
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const campaign = created.json() as { id: string; nom: string };
  const sent = await server.app.inject({ method: 'POST', url: `/api/campagnes/${campaign.id}/envoyer` });
  expect(sent.json().envoyes).toBe(1);
  const mailer = server.ctx.services.mailer as OutboxMailer;
  const token = tokenIn(readOutbox(mailer.dir).find((m) => m.to === email)?.body ?? '');

  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${server.url}/reponses/${token}`);
  await page.getByRole('heading', { level: 1, name: campaign.nom }).waitFor();
  const newName = `Contrat local de santé de Tulle Agglo ${MARKER}`;
  await page.getByRole('radio', { name: /^Je corrige la fiche — / }).check();
  await page.getByLabel('Nom de la dynamique').fill(newName);
  await page.getByRole('radio', { name: 'Oui' }).check();
  await page.getByText(/^Enregistré à \d\d h \d\d$/).waitFor();
  await expectAccessible(page, 'questionnaire');
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(width, 'questionnaire à 360 px').toBeLessThanOrEqual(360);
  await screenshot(page, '35-questionnaire-telephone');

  // Resumed later: the draft is there.
  await page.reload();
  expect(await page.getByLabel('Nom de la dynamique').inputValue()).toBe(newName);
  await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await page.getByText('Réponse envoyée').waitFor();

  const list = await server.app.inject(`/api/campagnes/${campaign.id}/reponses`);
  const proposal = list.json().resultats[0] as { id: string; etat: string; decision: string };
  expect(proposal).toMatchObject({ etat: 'a_examiner', decision: 'corrigee' });
  const detail = (await server.app.inject(`/api/campagnes/${campaign.id}/reponses/${proposal.id}`)).json();
  expect(detail.champs.find((c: { champ: string }) => c.champ === 'nom')).toMatchObject({
    propose: newName,
    modifie: true,
  });
  expect(detail.questions).toEqual({ coordination_dediee: 'Oui', remarques: null });

  await page.goto(`${server.url}/reponses/${'z'.repeat(43)}`);
  await page.getByText('Lien inconnu ou expiré').waitFor();
  await expectAccessible(page, 'lien inconnu');
  expect(errors).toEqual([]);
  await page.context().close();
}
