import { expect } from 'vitest';
import { systemActor } from '../../../src/domain/actor.ts';
import { expectAccessible, expectWellFormedPage, openPage, screenshot, signIn } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/**
 * A coordinator signs in: the accounts and the journal say plainly that the role may not see them, and
 * Mon compte offers neither; the password pages (forgotten, reset) answer in French without an account.
 */
export async function coordinatorRefusedAndPasswordPages({ server, browser, seeded }: E2e) {
  const coordinator = { email: `coord-${MARKER}@example.org`, password: 'mot de passe coordination' };
  await server.ctx.services.auth.addUser(systemActor('tests'), {
    email: coordinator.email,
    nom: 'Coordinatrice e2e',
    role: 'coordinateur',
    regions: [],
    dynamiques: [seeded.cls],
    motDePasse: coordinator.password,
  });
  const { page, errors } = await openPage(browser);

  // Without an account: forgotten password, then a reset link without its token.
  await page.goto(`${server.url}/connexion`);
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expectWellFormedPage(page, /^Mot de passe oublié — Observatoire DTS$/);
  await page.getByLabel('Adresse électronique').fill(coordinator.email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  // Either the e-mail is on its way, or this server sends none and says whom to ask.
  await page.getByText(/Demande enregistrée|Réinitialisation par courriel indisponible/).waitFor();
  await expectAccessible(page, 'mot de passe oublié');
  await page.goto(`${server.url}/connexion/reinitialisation`);
  await expectWellFormedPage(page, /^Nouveau mot de passe — Observatoire DTS$/);
  await page.getByText('Lien de réinitialisation non valable').waitFor();
  await expectAccessible(page, 'réinitialisation');

  await signIn(page, server.url, coordinator);
  await page.goto(`${server.url}/comptes`);
  await expectWellFormedPage(page, /^Comptes — Observatoire DTS$/);
  const refusal = page.getByRole('alert').filter({ hasText: 'Accès refusé' });
  await refusal.getByText(/Action non autorisée pour votre rôle : gérer les comptes et les jetons/).waitFor();
  expect(await page.getByRole('link', { name: 'Créer un compte' }).count()).toBe(0);
  await expectAccessible(page, 'comptes refusés');
  await screenshot(page, '40-comptes-refuses');

  await page.goto(`${server.url}/comptes/nouveau`);
  await page.getByRole('alert').filter({ hasText: 'Accès refusé' }).waitFor();
  expect(await page.getByRole('button', { name: 'Créer le compte' }).count()).toBe(0);

  await page.goto(`${server.url}/journal`);
  await page.getByRole('alert').filter({ hasText: 'Accès refusé' }).waitFor();
  expect(await page.getByRole('form', { name: 'Filtrer le journal' }).count()).toBe(0);

  await page.goto(`${server.url}/connexion`);
  await expectWellFormedPage(page, /^Mon compte — Observatoire DTS$/);
  await page.getByRole('heading', { name: 'Changer mon mot de passe' }).waitFor();
  expect(await page.getByRole('link', { name: 'Gérer les comptes et les jetons' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Journal des modifications' }).count()).toBe(0);
  expect(await page.getByRole('heading', { name: 'Jetons d’API' }).count()).toBe(0);

  // Changing one's password: a wrong current password is named, then the change goes through.
  await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
  await page.getByRole('textbox', { name: /^Nouveau mot de passe/ }).fill('une nouvelle phrase secrète');
  await page.getByLabel('Confirmation du nouveau mot de passe').fill('une nouvelle phrase secrète');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByText('mot de passe actuel incorrect').waitFor();
  await page.getByLabel('Mot de passe actuel').fill(coordinator.password);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByText('Mot de passe changé.').waitFor();
  await expectAccessible(page, 'mon compte coordination');
  expect(errors).toEqual([]);
  await page.context().close();
}

/**
 * An administrator creates an account (the server's message names the wrong field), edits it while
 * someone else changes it (conflict screen, then saved), and creates then revokes an API token.
 */
export async function administerAccountsAndTokens({ server, browser, seeded }: E2e) {
  const { page, errors } = await openPage(browser);
  await signIn(page, server.url, server.admin);
  await page.goto(`${server.url}/connexion`);
  await page.getByRole('link', { name: 'Gérer les comptes et les jetons' }).click();
  await expectWellFormedPage(page, /^Comptes — Observatoire DTS$/);
  const list = page.getByRole('table', { name: 'Comptes de la plateforme' });
  await list.getByRole('link', { name: server.admin.email }).waitFor();
  await expectAccessible(page, 'comptes');
  await screenshot(page, '41-comptes');

  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await expectWellFormedPage(page, /^Nouveau compte — Observatoire DTS$/);
  await page.getByLabel('Adresse électronique').fill('pas-une-adresse');
  await page.getByLabel('Rôle').selectOption('equipe_regionale');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByRole('link', { name: /Adresse électronique : adresse électronique invalide/ }).waitFor();
  await expectAccessible(page, 'nouveau compte avec erreur');

  const email = `region-${MARKER}@example.org`;
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByRole('textbox', { name: /^Nom/ }).fill('Équipe Auvergne-Rhône-Alpes');
  const regionBox = page.getByRole('combobox', { name: /Ajouter une région/ });
  await regionBox.fill('Auvergne');
  await page.getByRole('option', { name: /^Auvergne-Rhône-Alpes, région/ }).click();
  await page.getByRole('button', { name: 'Retirer la région Auvergne-Rhône-Alpes (84)' }).waitFor();
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.waitForURL(/\/comptes\/[^/]+\?cree=1$/);
  await page.getByText('Compte créé.').waitFor();
  await expectWellFormedPage(page, new RegExp(`^Compte ${email} — Observatoire DTS$`));
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string);
  const created = (await server.app.inject({ url: `/api/utilisateurs/${id}` })).json();
  expect(created).toMatchObject({ email, role: 'equipe_regionale', regions: ['84'], actif: true });

  // Someone else renames the account while the form is open here.
  const renamed = await server.app.inject({
    method: 'PUT',
    url: `/api/utilisateurs/${id}`,
    headers: { 'if-match': `"${created.version}"` },
    payload: { nom: 'Équipe ARA', role: 'equipe_regionale', regions: ['84'], dynamiques: [], actif: true },
  });
  expect(renamed.statusCode, renamed.body).toBe(200);

  await page.getByLabel('Rôle').selectOption('coordinateur');
  await page.getByLabel('Dynamiques coordonnées').fill(seeded.asv);
  await page.getByLabel('Compte actif').uncheck();
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByRole('heading', { name: 'Conflit de modification' }).waitFor();
  await page
    .getByRole('table', { name: /Les deux versions/ })
    .getByText('Équipe ARA')
    .waitFor();
  await expectAccessible(page, 'conflit de compte');
  await screenshot(page, '42-compte-conflit');
  await page.getByRole('button', { name: 'Reporter mes modifications sur la version enregistrée' }).click();
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByText('Compte enregistré (version 3).').waitFor();
  const saved = (await server.app.inject({ url: `/api/utilisateurs/${id}` })).json();
  expect(saved).toMatchObject({
    nom: 'Équipe ARA',
    role: 'coordinateur',
    dynamiques: [seeded.asv],
    actif: false,
  });
  await expectAccessible(page, 'compte modifié');

  // A token: shown once with a copy button, it opens the API; revoked after a confirmation, it no longer does.
  await page.goto(`${server.url}/comptes`);
  const libelle = `Export nocturne ${MARKER}`;
  await page.getByLabel('Libellé du jeton').fill(libelle);
  await page.getByLabel('Rôle du jeton').selectOption('equipe_regionale');
  await page.getByRole('button', { name: 'Créer le jeton' }).click();
  const secret = await page.getByLabel('Jeton d’API', { exact: true }).inputValue();
  expect(secret).toMatch(/^odts_/);
  await page.getByRole('button', { name: 'Copier le jeton' }).click();
  await page.getByText(/Jeton copié dans le presse-papiers|le jeton est sélectionné/).waitFor();
  await expectAccessible(page, 'jeton créé');
  await screenshot(page, '43-jeton-cree');
  const bearer = { authorization: `Bearer ${secret}` };
  expect((await server.app.inject({ url: '/api/audit?limit=1', headers: bearer })).statusCode).toBe(200);

  await page.getByRole('button', { name: 'J’ai copié le jeton' }).click();
  expect(await page.getByLabel('Jeton d’API', { exact: true }).count()).toBe(0);
  const row = page.getByRole('row').filter({ hasText: libelle });
  await row.getByRole('button', { name: `Révoquer le jeton ${libelle}` }).click();
  await row.getByRole('button', { name: 'Confirmer la révocation' }).click();
  await page.getByText(`Jeton « ${libelle} » révoqué`).waitFor();
  await page.getByRole('row').filter({ hasText: libelle }).getByText('révoqué').waitFor();
  expect((await server.app.inject({ url: '/api/audit?limit=1', headers: bearer })).statusCode).toBe(401);
  expect(errors).toEqual([]);
  await page.context().close();
}
