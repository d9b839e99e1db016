import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMarker, noticeBody } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function create(overrides: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/ressources', payload: noticeBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; titre: string };
}

const merge = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/ressources/fusion', payload: payload as object });

describe('duplicates side by side, merged field by field', () => {
  it('lists two notices with one DOI as a pair, older first', async () => {
    const m = newMarker();
    const first = await create({ titre: `${m} Les CLS en 2019`, doi: `10.1234/${m}` });
    const second = await create({
      titre: `${m} Contrats locaux de santé`,
      doi: `https://doi.org/10.1234/${m}`,
    });
    const res = await t.app.inject({ url: '/api/ressources/doublons', query: { limit: '200' } });
    expect(res.statusCode, res.body).toBe(200);
    const pair = (res.json().items as { a: { id: string }; b: { id: string }; motif: string }[]).find(
      (p) => p.a.id === first.id,
    );
    expect(pair).toMatchObject({ b: { id: second.id }, motif: 'doi' });
    const bad = await t.app.inject({ url: '/api/ressources/doublons', query: { similarite: '0.1' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().erreur).toMatch(/similarite/);
  });

  it('keeps the chosen values, deletes the other, repoints sélections and records the history', async () => {
    const m = newMarker();
    const kept = await create({ titre: `${m} Loi HPST`, date: '2009-07-21' });
    const gone = await create({
      titre: `${m} Loi HPST (texte intégral)`,
      date: '2009',
      url: `https://example.org/${m}/hpst`,
      etiquettes: ['loi HPST'],
    });
    const other = await create({ titre: `${m} Autre notice citée` });
    const sel = await t.app.inject({
      method: 'POST',
      url: '/api/selections',
      payload: {
        titre: `${m} Sélection`,
        introduction: `La loi [[${gone.id}]] et [[${other.id}, ${gone.id}]].`,
        sections: [
          {
            titre: 'Textes',
            notices: [{ notice: gone.id, commentaire: `Voir [[${other.id}]].` }, { notice: other.id }],
          },
        ],
      },
    });
    expect(sel.statusCode, sel.body).toBe(201);

    const chosen = noticeBody({
      titre: `${m} Loi HPST`,
      date: '2009-07-21',
      url: `https://example.org/${m}/hpst`,
      etiquettes: ['loi HPST'],
    });
    const same = await merge({
      garder: { id: kept.id, version: 1 },
      retirer: { id: kept.id, version: 1 },
      notice: chosen,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().champs).toHaveProperty('retirer');
    const outdated = await merge({
      garder: { id: kept.id, version: 1 },
      retirer: { id: gone.id, version: 3 },
      notice: chosen,
    });
    expect(outdated.statusCode).toBe(412);
    expect(outdated.json().erreur).toMatch(/modifiée entre-temps/);
    const missing = await merge({
      garder: { id: kept.id, version: 1 },
      retirer: { id: `${m}-absente`, version: 1 },
      notice: chosen,
    });
    expect(missing.statusCode).toBe(404);

    const res = await merge({
      garder: { id: kept.id, version: 1 },
      retirer: { id: gone.id, version: 1 },
      notice: chosen,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json().notice).toMatchObject({
      id: kept.id,
      version: 2,
      url: `https://example.org/${m}/hpst`,
      etiquettes: ['loi HPST'],
    });
    expect(res.json().selections).toEqual([{ id: sel.json().id, titre: `${m} Sélection` }]);
    expect((await t.app.inject(`/api/ressources/${gone.id}`)).statusCode).toBe(404);

    const selection = (await t.app.inject(`/api/selections/${sel.json().id}`)).json();
    expect(selection.version).toBe(2);
    expect(selection.introduction).toBe(`La loi [[${kept.id}]] et [[${other.id}, ${kept.id}]].`);
    expect(selection.sections[0].notices.map((e: { notice: string }) => e.notice)).toEqual([
      kept.id,
      other.id,
    ]);

    const history = (await t.app.inject(`/api/ressources/${kept.id}/historique`)).json().items as {
      action: string;
    }[];
    expect(history.map((h) => h.action)).toContain('fusion');
    const removedHistory = (await t.app.inject(`/api/ressources/${gone.id}/historique`)).json().items as {
      action: string;
      avant: { fusionneeDans?: string };
    }[];
    expect(removedHistory.find((h) => h.action === 'fusion')?.avant.fusionneeDans).toBe(kept.id);
    const search = await t.app.inject({ url: '/api/ressources', query: { q: m } });
    expect((search.json().items as { id: string }[]).map((i) => i.id).sort()).toEqual(
      [kept.id, other.id].sort(),
    );
  });
});
