import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRITERION_CODES } from '../../src/domain/cycle/criteria.ts';
import { actionBody } from '../factories/actions.ts';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function newDynamic(overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Every criterion at `niveau`, one with its evidence. */
function assessment(niveau: number, date = '2025-06-01') {
  const criteres: Record<string, { niveau: number; preuves: string | null }> = Object.fromEntries(
    CRITERION_CODES.map((c) => [c, { niveau, preuves: null }]),
  );
  criteres.coordonnee = { niveau, preuves: 'Coordinatrice à mi-temps depuis 2023' };
  return { date, criteres, commentaire: 'Atelier du comité de pilotage' };
}

const post = (id: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/dynamiques/${id}/auto-evaluations`, payload, headers });

describe('self-assessment against the seven criteria', () => {
  it('keeps every assessment, newest first, and records each in the history', async () => {
    const id = await newDynamic();
    expect((await post(id, assessment(1, '2024-03-01'))).statusCode).toBe(201);
    const second = await post(id, assessment(2, '2025-06-01'));
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({
      dynamique: id,
      date: '2025-06-01',
      criteres: { coordonnee: { niveau: 2, preuves: 'Coordinatrice à mi-temps depuis 2023' } },
    });
    const list = (await t.app.inject(`/api/dynamiques/${id}/auto-evaluations`)).json();
    expect(list.total).toBe(2);
    expect(list.items.map((a: { date: string }) => a.date)).toEqual(['2025-06-01', '2024-03-01']);
    const journal = (
      await t.app.inject({
        url: '/api/audit',
        query: { entite: 'auto_evaluation', entiteId: second.json().id },
      })
    ).json();
    expect(journal.items).toHaveLength(1);
    expect(journal.items[0].action).toBe('creation');
  });

  it('names the field of bad input and writes nothing', async () => {
    const id = await newDynamic();
    const { criteres } = assessment(1);
    const { transversale: _left, ...six } = criteres;
    const missing = await post(id, { ...assessment(1), criteres: six });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().champs)).toContain('criteres.transversale');
    const tooHigh = await post(id, {
      ...assessment(1),
      criteres: { ...criteres, politique: { niveau: 4, preuves: null } },
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().champs['criteres.politique.niveau']).toMatch(/de 0 à 3/);
    const future = await post(id, assessment(1, '2099-01-01'));
    expect(future.statusCode).toBe(400);
    expect(future.json().erreur).toMatch(/^date : /);
    expect((await t.app.inject(`/api/dynamiques/${id}/auto-evaluations`)).json().total).toBe(0);
    expect((await post('inconnue', assessment(1))).statusCode).toBe(404);
  });

  it('is written by those who may edit the dynamic only', async () => {
    const id = await newDynamic();
    const visitor = await t.anonymous({
      method: 'POST',
      url: `/api/dynamiques/${id}/auto-evaluations`,
      payload: assessment(1),
    });
    expect(visitor.statusCode).toBe(401);
    const coordinator = `Bearer ${await t.tokenFor('coordinateur')}`;
    const refused = await post(id, assessment(1), { authorization: coordinator });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().erreur).toMatch(/rattachées à votre compte/);
    const otherRegion = `Bearer ${await t.tokenFor('equipe_regionale', ['11'])}`;
    expect((await post(id, assessment(1), { authorization: otherRegion })).statusCode).toBe(403);
    const ownRegion = `Bearer ${await t.tokenFor('equipe_regionale', ['84'])}`;
    expect((await post(id, assessment(1), { authorization: ownRegion })).statusCode).toBe(201);
  });

  it('counts the latest assessment of each dynamic of a département, level by level', async () => {
    /** Dynamics of the département at each level of `politique`, and how many were assessed. */
    const levels = async (departement: string) => {
      const res = await t.app.inject({ url: '/api/analyses/auto-evaluations', query: { departement } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const politique = body.criteres.find((c: { code: string }) => c.code === 'politique');
      return {
        evaluees: body.evaluees as number,
        at: politique.niveaux.map((n: { nombre: number }) => n.nombre) as number[],
      };
    };
    const loire = await levels('42');
    const rhone = await levels('69');
    // Saint-Étienne (42) and Lyon (69): the département filter keeps the first only.
    const a = await newDynamic({ perimetre: { communes: ['42218'] } });
    const b = await newDynamic({ perimetre: { communes: ['42218'] } });
    const lyon = await newDynamic({ perimetre: { communes: ['69123'] } });
    await post(a, assessment(0, '2023-01-01'));
    await post(a, assessment(3, '2025-01-01'));
    await post(b, assessment(1));
    await post(lyon, assessment(2));
    // a counts at 3 (its 2023 answer at 0 is superseded), b at 1; Lyon only in the Rhône.
    const loireAfter = await levels('42');
    expect(loireAfter.evaluees - loire.evaluees).toBe(2);
    expect(loireAfter.at.map((n, i) => n - (loire.at[i] as number))).toEqual([0, 1, 0, 1]);
    const rhoneAfter = await levels('69');
    expect(rhoneAfter.at.map((n, i) => n - (rhone.at[i] as number))).toEqual([0, 0, 1, 0]);
    const bad = await t.app.inject({ url: '/api/analyses/auto-evaluations', query: { departement: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().champs)).toEqual(['departement']);
  });
});

describe('project cycle', () => {
  const put = (
    id: string,
    payload: Record<string, unknown>,
    ifMatch?: string,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${id}/cycle`,
      payload,
      headers: { ...(ifMatch ? { 'if-match': ifMatch } : {}), ...headers },
    });

  it('starts from the kind’s template, then is written with If-Match', async () => {
    const id = await newDynamic({ type: 'CPTS', nom: `CPTS du Gier ${Date.now()}` });
    const first = await t.app.inject(`/api/dynamiques/${id}/cycle`);
    expect(first.headers.etag).toBe('"0"');
    const cycle = first.json();
    expect(cycle).toMatchObject({ modele: 'CPTS', version: 0 });
    expect(cycle.etapes.map((s: { code: string }) => s.code)).toEqual([
      'lettre_intention',
      'diagnostic',
      'projet_sante',
      'contrat_aci',
      'mise_en_oeuvre',
      'evaluation',
    ]);
    const action = await t.app.inject({ method: 'POST', url: '/api/actions', payload: actionBody() });
    expect(action.statusCode, action.body).toBe(201);
    const etapes = cycle.etapes.map((s: Record<string, unknown>, i: number) =>
      i === 0
        ? {
            ...s,
            statut: 'fait',
            date: '2022-09-15',
            document: { url: 'https://exemple.fr/lettre.pdf', titre: 'Lettre' },
          }
        : i === 4
          ? { ...s, statut: 'en_cours', actions: [action.json().id] }
          : s,
    );
    expect((await put(id, { modele: 'CPTS', etapes })).statusCode).toBe(428);
    const saved = await put(id, { modele: 'CPTS', etapes }, '"0"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json().etapes[0]).toMatchObject({ statut: 'fait', date: '2022-09-15' });
    expect(saved.json().etapes[4].actions).toEqual([action.json().id]);
    const stale = await put(id, { modele: 'CPTS', etapes }, '"0"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().erreur).toMatch(/version actuelle 1/);
    const again = await put(id, { modele: 'libre', etapes: etapes.slice(0, 2) }, '"1"');
    expect(again.json()).toMatchObject({ modele: 'libre', version: 2 });
    const journal = (
      await t.app.inject({ url: '/api/audit', query: { entite: 'cycle_projet', entiteId: id } })
    ).json();
    expect(journal.items.map((e: { action: string }) => e.action)).toEqual(['modification', 'creation']);
  });

  it('names the field of bad input and writes nothing', async () => {
    const id = await newDynamic();
    const { etapes } = (await t.app.inject(`/api/dynamiques/${id}/cycle`)).json();
    const badStatus = await put(id, { modele: 'CLS', etapes: [{ ...etapes[0], statut: 'fini' }] }, '"0"');
    expect(badStatus.statusCode).toBe(400);
    expect(Object.keys(badStatus.json().champs)).toContain('etapes.0.statut');
    const unknownAction = await put(
      id,
      { modele: 'CLS', etapes: [{ ...etapes[0], actions: ['pas-une-action'] }] },
      '"0"',
    );
    expect(unknownAction.statusCode).toBe(400);
    expect(unknownAction.json().champs).toEqual({ 'etapes.0.actions.0': 'action inconnue : pas-une-action' });
    const script = await put(
      id,
      { modele: 'CLS', etapes: [{ ...etapes[0], document: { url: 'javascript:alert(1)' } }] },
      '"0"',
    );
    expect(script.statusCode).toBe(400);
    const twice = await put(id, { modele: 'CLS', etapes: [etapes[0], etapes[0]] }, '"0"');
    expect(twice.json().champs['etapes.1.code']).toMatch(/en double/);
    expect((await t.app.inject(`/api/dynamiques/${id}/cycle`)).json().version).toBe(0);
  });

  it('is refused to a visitor and to a coordinator of other dynamics', async () => {
    const id = await newDynamic();
    const { modele, etapes } = (await t.app.inject(`/api/dynamiques/${id}/cycle`)).json();
    const visitor = await t.anonymous({
      method: 'PUT',
      url: `/api/dynamiques/${id}/cycle`,
      headers: { 'if-match': '"0"' },
      payload: { modele, etapes },
    });
    expect(visitor.statusCode).toBe(401);
    const coordinator = `Bearer ${await t.tokenFor('coordinateur')}`;
    expect((await put(id, { modele, etapes }, '"0"', { authorization: coordinator })).statusCode).toBe(403);
    expect((await t.app.inject(`/api/dynamiques/${id}/cycle`)).json().version).toBe(0);
  });
});
