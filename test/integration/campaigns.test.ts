import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../../src/kernel/mail/outbox-mailer.ts';
import { campaignBody, tokenIn, uniqueEmail } from '../factories/campaigns.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';
import { readOutbox } from '../helpers/outbox.ts';

const TULLE = '19272';
const BRIVE = '19031';
let t: TestApp;
let outbox: string;

beforeAll(async () => {
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-campagnes-'));
  t = await createTestApp({
    mailer: new OutboxMailer(outbox, 'odts@exemple.fr'),
    publicUrl: 'https://odts.exemple.fr',
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(outbox, { recursive: true, force: true });
});

async function newDynamic(overrides: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; nom: string; version: number };
}

const contact = (email: string, nom = 'Coordinatrice') => ({
  nom,
  email,
  role: 'coordination',
  public: false,
});

async function createCampaign(overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/campagnes', payload: campaignBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; destinataires: number; dynamiquesSansDestinataire: { id: string }[] };
}

/** Sends the campaign and answers each recipient's personal link, by address. */
async function send(id: string): Promise<Map<string, string>> {
  const before = new Set(readOutbox(outbox).map((m) => m.file));
  const res = await t.app.inject({ method: 'POST', url: `/api/campagnes/${id}/envoyer` });
  expect(res.statusCode, res.body).toBe(200);
  const fresh = readOutbox(outbox).filter((m) => !before.has(m.file));
  return new Map(fresh.map((m) => [m.to, tokenIn(m.body)]));
}

const form = (token: string) => t.anonymous({ method: 'GET', url: `/api/reponses/${token}` });
const answer = (token: string, payload: object) =>
  t.anonymous({ method: 'PUT', url: `/api/reponses/${token}`, payload });

describe('census campaigns', () => {
  let alice: string;
  let bob: string;
  let clsA: { id: string; nom: string; version: number };
  let asvB: { id: string; nom: string; version: number };
  let silent: { id: string };
  let campaign: { id: string; destinataires: number; dynamiquesSansDestinataire: { id: string }[] };
  let tokens: Map<string, string>;

  beforeAll(async () => {
    alice = uniqueEmail('alice');
    bob = uniqueEmail('bob');
    clsA = await newDynamic({
      type: 'CLS',
      perimetre: { communes: [TULLE] },
      contacts: [contact(alice, 'Alice')],
    });
    asvB = await newDynamic({
      type: 'ASV',
      perimetre: { communes: [BRIVE] },
      contacts: [contact(bob, 'Bob'), contact(alice.toUpperCase(), 'Alice')],
    });
    silent = await newDynamic({ type: 'CLS', perimetre: { communes: [BRIVE] } });
    await newDynamic({
      type: 'CLS',
      statut: 'arrete',
      perimetre: { communes: [TULLE] },
      contacts: [contact(uniqueEmail('stop'))],
    });
    campaign = await createCampaign();
    tokens = await send(campaign.id);
  });

  it('invites every contact address of the dynamics in scope once, with all the dynamics naming it', async () => {
    const res = await t.app.inject(`/api/campagnes/${campaign.id}/destinataires?parPage=500`);
    const list = res.json().resultats as { email: string; dynamiques: { id: string }[]; etat: string }[];
    const a = list.find((r) => r.email === alice);
    expect(a?.dynamiques.map((d) => d.id).sort()).toEqual([clsA.id, asvB.id].sort());
    expect(list.find((r) => r.email === bob)?.dynamiques.map((d) => d.id)).toEqual([asvB.id]);
    expect(list.every((r) => r.etat === 'envoye')).toBe(true);
    expect(list.some((r) => r.email.startsWith('stop.'))).toBe(false);
    expect(campaign.dynamiquesSansDestinataire.map((d) => d.id)).toContain(silent.id);
    expect(tokens.has(alice) && tokens.has(bob)).toBe(true);
    const message = readOutbox(outbox).find((m) => m.to === alice)?.body ?? '';
    expect(message).toContain('https://odts.exemple.fr/reponses/');
    expect(message).toContain(clsA.nom);
  });

  it('shows the outbox in the interface: the whole box to administrators, each recipient’s message to the team', async () => {
    const box = await t.app.inject('/api/boite-envoi?parPage=200');
    expect(box.statusCode, box.body).toBe(200);
    expect(box.json()).toMatchObject({ active: true, dossier: outbox });
    const entry = box.json().resultats.find((m: { a: string }) => m.a === alice);
    expect(entry.sujet).toMatch(/merci de vérifier vos fiches/);
    const read = (await t.app.inject(`/api/boite-envoi/${entry.fichier}`)).json();
    expect(read.texte).toContain(`/reponses/${tokens.get(alice)}`);

    const team = `Bearer ${await t.tokenFor('equipe_regionale', ['75'])}`;
    expect(
      (await t.app.inject({ url: '/api/boite-envoi', headers: { authorization: team } })).statusCode,
    ).toBe(403);
    const recipients = (await t.app.inject(`/api/campagnes/${campaign.id}/destinataires?parPage=500`)).json();
    const bobId = recipients.resultats.find((r: { email: string }) => r.email === bob).id;
    const message = await t.app.inject({
      url: `/api/campagnes/${campaign.id}/destinataires/${bobId}/message`,
      headers: { authorization: team },
    });
    expect(message.statusCode, message.body).toBe(200);
    expect(message.json().texte).toContain(`/reponses/${tokens.get(bob)}`);

    for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'inconnu.eml', `${entry.fichier}x`]) {
      const res = await t.app.inject(`/api/boite-envoi/${bad}`);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json().erreur).toMatch(/Aucun message/);
    }
  });

  it('stores only a hash of each personal link', async () => {
    const rows = await sql<{
      jeton_empreinte: string;
    }>`select jeton_empreinte from campagne_destinataire where campagne = ${campaign.id}`.execute(
      t.ctx.database.db,
    );
    const secret = tokens.get(alice) as string;
    expect(rows.rows.some((r) => r.jeton_empreinte === secret)).toBe(false);
    expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.jeton_empreinte))).toBe(true);
  });

  it('opens a pre-filled form with no account, and answers 404 to a wrong or expired link', async () => {
    const res = await form(tokens.get(bob) as string);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.dynamiques.map((d: { id: string }) => d.id)).toEqual([asvB.id]);
    expect(body.dynamiques[0].fiche.nom).toBe(asvB.nom);
    expect(body.dynamiques[0].territoires).toContain('Corrèze');
    expect(body.modifiable).toBe(true);
    expect(res.headers['cache-control']).toBe('no-store');

    const wrong = await form('x'.repeat(43));
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().erreur).toMatch(/Lien inconnu ou expiré/);
    expect(wrong.body).not.toContain(asvB.nom);
  });

  it('refuses an answer about another recipient’s dynamic with 404, changing nothing', async () => {
    const res = await answer(tokens.get(bob) as string, {
      dynamiques: [{ id: clsA.id, decision: 'confirmee' }],
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(clsA.nom);
    const again = await form(tokens.get(bob) as string);
    expect(again.json().reponse).toBeNull();
  });

  it('saves a draft as the person goes and names the missing fields on submission', async () => {
    const token = tokens.get(alice) as string;
    const draft = await answer(token, {
      dynamiques: [{ id: clsA.id, decision: 'corrigee', proposition: { nom: `${clsA.nom} (nouveau nom)` } }],
      questions: { remarques: 'à compléter' },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().soumisLe).toBeNull();
    expect((await form(token)).json().reponse.questions.remarques).toBe('à compléter');

    const incomplete = await answer(token, {
      dynamiques: [{ id: clsA.id, decision: 'confirmee' }],
      soumettre: true,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().champs).toMatchObject({
      'questions.coordination_dediee': 'réponse obligatoire',
      [`dynamiques.${asvB.id}`]: expect.stringContaining('chaque dynamique'),
    });
    const badChoice = await answer(token, { questions: { coordination_dediee: 'Peut-être' } });
    expect(badChoice.statusCode).toBe(400);
    expect(badChoice.json().champs['questions.coordination_dediee']).toMatch(/Oui, Non/);
    const progress = await t.app.inject(`/api/campagnes/${campaign.id}/suivi`);
    expect(progress.json().propositions.a_examiner).toBe(0);
  });

  it('turns a submitted answer into proposals compared field by field, warning of later registry edits', async () => {
    const token = tokens.get(alice) as string;
    const res = await answer(token, {
      dynamiques: [
        {
          id: clsA.id,
          decision: 'corrigee',
          proposition: { nom: `${clsA.nom} (nouveau nom)`, dateFin: '2030-12-31' },
        },
        { id: asvB.id, decision: 'arretee', arret: '2026-06-30', commentaire: 'Poste non renouvelé' },
      ],
      nouvelles: [
        {
          type: 'CLS',
          nom: `Contrat local de santé de Haute-Corrèze ${process.pid}`,
          statut: { valeur: 'en_projet', date: '2026-09-01' },
          perimetre: { communes: [TULLE] },
        },
      ],
      questions: { coordination_dediee: 'Oui' },
      soumettre: true,
    });
    expect(res.statusCode, res.body).toBe(200);

    // Someone edits the CLS after the form was opened: the reviewer must see it.
    const current = await t.app.inject(`/api/dynamiques/${clsA.id}`);
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${clsA.id}`,
      headers: { 'if-match': current.headers.etag as string },
      payload: {
        ...dynamicInput({ type: 'CLS', perimetre: { communes: [TULLE] } }),
        nom: clsA.nom,
        dateDebut: '2014-01-01',
        contacts: [contact(alice, 'Alice')],
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const list = await t.app.inject(`/api/campagnes/${campaign.id}/reponses?etat=a_examiner`);
    const rows = list.json().resultats as { id: string; dynamique: { id: string | null }; nature: string }[];
    expect(rows).toHaveLength(3);
    const cls = rows.find((r) => r.dynamique.id === clsA.id) as { id: string };
    const detail = (await t.app.inject(`/api/campagnes/${campaign.id}/reponses/${cls.id}`)).json();
    const byField = Object.fromEntries(detail.champs.map((c: { champ: string }) => [c.champ, c]));
    expect(byField.nom).toMatchObject({ modifie: true, registreModifie: false });
    expect(byField.dateFin).toMatchObject({ modifie: true, propose: '2030-12-31' });
    expect(byField.dateDebut).toMatchObject({
      modifie: false,
      registreModifie: true,
      registre: '2014-01-01',
    });
    expect(byField.porteur.modifie).toBe(false);
    expect(detail.registreModifie).toBe(true);
    expect(detail.questions).toEqual({ coordination_dediee: 'Oui' });

    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/campagnes/${campaign.id}/reponses/${cls.id}/decision`,
      payload: { decision: 'fusionner', acceptes: ['nom'], versionRegistre: detail.versionBase },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().erreur).toMatch(/a changé depuis votre comparaison/);

    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/campagnes/${campaign.id}/reponses/${cls.id}/decision`,
      payload: { decision: 'fusionner', acceptes: ['nom'], versionRegistre: detail.versionRegistre },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ etat: 'fusionnee', acceptes: ['nom'] });

    const record = (await t.app.inject(`/api/dynamiques/${clsA.id}`)).json();
    expect(record.nom).toBe(`${clsA.nom} (nouveau nom)`);
    expect(record.dateFin ?? null).toBeNull(); // refused field left as it was
    expect(record.dateDebut).toBe('2014-01-01'); // the later edit survives
    expect(record.fraicheur.verifiePar).toMatch(/^campagne « Recensement test/);
    expect(record.fraicheur.verifieLe).toBe(new Date().toISOString().slice(0, 10));
    const history = (await t.app.inject(`/api/dynamiques/${clsA.id}/historique`)).json();
    const entries = (Array.isArray(history) ? history : (history.items ?? history.resultats)) as {
      source: string;
    }[];
    expect(entries.some((e) => e.source === 'campagne')).toBe(true);

    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/campagnes/${campaign.id}/reponses/${cls.id}/decision`,
      payload: { decision: 'rejeter' },
    });
    expect(twice.statusCode).toBe(409);
    const frozen = await answer(token, { questions: { remarques: 'trop tard' } });
    expect(frozen.statusCode).toBe(409);
  });

  it('merges a declared stop as a dated event, and a declared dynamic as a new record', async () => {
    const rows = (await t.app.inject(`/api/campagnes/${campaign.id}/reponses?etat=a_examiner`)).json()
      .resultats as {
      id: string;
      nature: string;
      dynamique: { id: string | null };
    }[];
    const stop = rows.find((r) => r.dynamique.id === asvB.id) as { id: string };
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/campagnes/${campaign.id}/reponses/${stop.id}/decision`,
      payload: { decision: 'fusionner', acceptes: ['statut'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const asv = (await t.app.inject(`/api/dynamiques/${asvB.id}`)).json();
    expect(asv.evenements).toContainEqual(
      expect.objectContaining({ date: '2026-06-30', type: 'arret', statut: 'arrete' }),
    );

    const created = rows.find((r) => r.nature === 'nouvelle') as { id: string };
    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/campagnes/${campaign.id}/reponses/${created.id}/decision`,
      payload: { decision: 'fusionner' },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const newId = merged.json().dynamique.id as string;
    const record = (await t.app.inject(`/api/dynamiques/${newId}`)).json();
    expect(record).toMatchObject({
      type: 'CLS',
      nom: `Contrat local de santé de Haute-Corrèze ${process.pid}`,
    });
  });

  it('reminds only those who have not answered, with a new link that keeps what they saved', async () => {
    const bobToken = tokens.get(bob) as string;
    expect((await answer(bobToken, { questions: { remarques: 'brouillon de Bob' } })).statusCode).toBe(200);
    const before = new Set(readOutbox(outbox).map((m) => m.file));
    const res = await t.app.inject({ method: 'POST', url: `/api/campagnes/${campaign.id}/relancer` });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = readOutbox(outbox).filter((m) => !before.has(m.file));
    expect(fresh.map((m) => m.to)).toContain(bob);
    expect(fresh.map((m) => m.to)).not.toContain(alice);
    const newToken = tokenIn(fresh.find((m) => m.to === bob)?.body ?? '');
    expect((await form(bobToken)).statusCode).toBe(404);
    const reopened = await form(newToken);
    expect(reopened.json().reponse.questions.remarques).toBe('brouillon de Bob');
  });

  it('follows progress by département and kind, and exports the answers', async () => {
    const progress = (await t.app.inject(`/api/campagnes/${campaign.id}/suivi`)).json();
    expect(progress).toMatchObject({ repondus: 1, examines: 1, relances: expect.any(Number) });
    expect(progress.propositions).toMatchObject({ fusionnee: 3, a_examiner: 0 });
    expect(
      progress.parDepartement.find((d: { departement: string }) => d.departement === '19'),
    ).toMatchObject({
      nom: 'Corrèze',
      repondus: 1,
    });
    const csv = await t.app.inject(`/api/campagnes/${campaign.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Coordination dédiée ?');
    expect(csv.body).toContain('Arrêt déclaré');
    expect(csv.body).toContain('Poste non renouvelé');
  });

  it('records its result as declared counts by département and kind, replacing an earlier tally', async () => {
    const post = () => t.app.inject({ method: 'POST', url: `/api/campagnes/${campaign.id}/decomptes` });
    const first = await post();
    expect(first.statusCode, first.body).toBe(200);
    // The corrected CLS and the new CLS count; the ASV declared stopped does not.
    expect(first.json().decomptes).toEqual([
      expect.objectContaining({ region: '75', departement: '19', type: 'CLS', nombre: 2 }),
    ]);
    await post();
    const listed = (await t.app.inject('/api/decomptes-declares?departement=19')).json();
    const ours = listed.items.filter((d: { source: string }) => d.source === first.json().source);
    expect(ours).toHaveLength(1);
  });

  it('erases a recipient on request (RGPD): address, name and link gone, the link answers 404', async () => {
    const who = uniqueEmail('efface');
    const c = await createCampaign({
      destinataires: [{ email: who, nom: 'Dominique', dynamiques: [silent.id] }],
    });
    const token = (await send(c.id)).get(who) as string;
    expect((await form(token)).statusCode).toBe(200);
    const erased = await t.app.inject({
      method: 'POST',
      url: '/api/personnes/effacement',
      payload: { email: who },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json().contactsRetires).toContainEqual(
      expect.objectContaining({ entite: 'campagne_destinataire' }),
    );
    const list = (await t.app.inject(`/api/campagnes/${c.id}/destinataires`)).json();
    expect(list.resultats[0].email).toMatch(/^destinataire-efface-[0-9a-f]{10}@efface\.invalid$/);
    expect(list.resultats[0].nom).toBeNull();
    expect((await form(token)).statusCode).toBe(404);
  });

  it('answers 404 once the closing day has passed', async () => {
    const c = await createCampaign({
      destinataires: [{ email: uniqueEmail('late'), dynamiques: [silent.id] }],
    });
    const sent = await send(c.id);
    const token = [...sent.values()][0] as string;
    expect((await form(token)).statusCode).toBe(200);
    await sql`update campagne_destinataire set expire_le = now() - interval '1 minute' where campagne = ${c.id}`.execute(
      t.ctx.database.db,
    );
    expect((await form(token)).statusCode).toBe(404);
    expect((await answer(token, {})).statusCode).toBe(404);
  });
});

describe('campaign validation and permissions', () => {
  it('names the field of a bad campaign and creates nothing', async () => {
    const count = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from campagne`.execute(t.ctx.database.db)).rows[0]?.n,
      );
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ cloture: '2000-01-01' }, 'cloture'],
      [{ departements: ['99'] }, 'departements.0'],
      [{ departements: [], region: null }, 'region'],
      [{ types: [] }, 'types'],
      [
        { questions: [{ id: 'q', libelle: 'Choix', type: 'choix', options: ['seul'] }] },
        'questions.0.options',
      ],
      [{ destinataires: [{ email: 'pas-une-adresse', dynamiques: [] }] }, 'destinataires.0.email'],
      [
        { destinataires: [{ email: 'x@exemple.fr', dynamiques: ['inconnue'] }] },
        'destinataires.0.dynamiques.0',
      ],
    ];
    for (const [overrides, field] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/campagnes',
        payload: campaignBody(overrides),
      });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(Object.keys(res.json().champs ?? {}), field).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it('lets regional teams run campaigns in their régions only, and nobody else', async () => {
    const anonymous = await t.anonymous({ method: 'POST', url: '/api/campagnes', payload: campaignBody() });
    expect(anonymous.statusCode).toBe(401);
    const coordinator = `Bearer ${await t.tokenFor('coordinateur')}`;
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/campagnes',
      headers: { authorization: coordinator },
      payload: campaignBody(),
    });
    expect(denied.statusCode).toBe(403);
    const elsewhere = `Bearer ${await t.tokenFor('equipe_regionale', ['84'])}`;
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/campagnes',
      headers: { authorization: elsewhere },
      payload: campaignBody(),
    });
    expect(outside.statusCode).toBe(403);
    const local = `Bearer ${await t.tokenFor('equipe_regionale', ['75'])}`;
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/campagnes',
      headers: { authorization: local },
      payload: campaignBody({ destinataires: [] }),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const hidden = await t.app.inject({
      url: `/api/campagnes/${ok.json().id}`,
      headers: { authorization: elsewhere },
    });
    expect(hidden.statusCode).toBe(404);
  });
});
