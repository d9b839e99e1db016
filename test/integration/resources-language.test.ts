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
  return res.json();
}

describe('language of notices at creation and import', () => {
  it('detects it at creation when not stated, keeps a stated one, and leaves a short title unknown', async () => {
    const english = await create({
      titre: 'How municipalities build local health contracts with their partners',
      resume: 'This report reviews the governance of local health policies in small towns.',
    });
    expect(english.langue).toBe('en');
    const stated = await create({
      titre: 'How municipalities build local health contracts with their partners, again',
      langue: 'fr',
    });
    expect(stated.langue).toBe('fr');
    const short = await create({ titre: 'Santé mentale' });
    expect(short.langue).toBeNull();
  });

  it('detects it at import for records that do not state it', async () => {
    const m = newMarker();
    const file = [
      'TY  - RPRT',
      `TI  - ${m} La participation des habitants aux contrats locaux de santé`,
      'PY  - 2020',
      'ER  - ',
      '',
      'TY  - JOUR',
      `TI  - ${m} Community participation in local health planning across European cities`,
      'PY  - 2021',
      'ER  - ',
      '',
      'TY  - JOUR',
      `TI  - ${m} Évaluation`,
      'LA  - es',
      'PY  - 2022',
      'ER  - ',
    ].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports/ressources',
      query: { format: 'ris' },
      headers: { 'content-type': 'text/plain' },
      payload: file,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().crees).toBe(3);
    const list = await t.app.inject({ url: '/api/ressources', query: { q: m, tri: 'date' } });
    const ids = (list.json().items as { id: string }[]).map((i) => i.id);
    const langs = await Promise.all(
      ids.map(async (id) => (await t.app.inject(`/api/ressources/${id}`)).json().langue),
    );
    expect(langs).toEqual(['es', 'en', 'fr']);

    // The import is listed among the notice imports, not among those of dynamics.
    const lot = res.json().lot as string;
    const ofKind = async (entite: string) =>
      (
        (await t.app.inject({ url: '/api/lots', query: { entite, limit: '500' } })).json().items as {
          id: string;
        }[]
      ).map((l) => l.id);
    expect(await ofKind('notice')).toContain(lot);
    expect(await ofKind('dynamique')).not.toContain(lot);
    const bad = await t.app.inject({ url: '/api/lots', query: { entite: 'Notice;' } });
    expect(bad.statusCode).toBe(400);
  });
});
