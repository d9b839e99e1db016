import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker } from '../factories/notices.ts';
import { createTestApp, type TestApp } from '../helpers/context.ts';

let t: TestApp;
const m = newMarker();

beforeAll(async () => {
  t = await createTestApp();
  const dynamic = await t.app.inject({
    method: 'POST',
    url: '/api/dynamiques',
    payload: dynamicInput({ nom: `CLS de Roanne ${m}`, perimetre: { communes: ['42187'] } }),
  });
  expect(dynamic.statusCode, dynamic.body).toBe(201);
  const notices = [
    {
      type: 'guide',
      titre: `${m} Guide du territoire roannais`,
      territoires: [{ type: 'commune', code: '42187' }],
    },
    { type: 'rapport', titre: `${m} Évaluation du CLS`, date: '2022', dynamiques: [dynamic.json().id] },
    {
      type: 'rapport',
      titre: `${m} Rapport sur une autre ville`,
      territoires: [{ type: 'commune', code: '69123' }],
    },
  ];
  for (const payload of notices) {
    const res = await t.app.inject({ method: 'POST', url: '/api/ressources', payload });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('« Pour aller plus loin » in the état des lieux', () => {
  it('lists the notices linked to the territory or to its dynamics, and no other', async () => {
    const res = await t.app.inject({
      url: '/api/rapports/etat-des-lieux',
      query: { territoire: 'commune:42187', format: 'html' },
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const section = res.body.slice(res.body.indexOf('Pour aller plus loin'));
    expect(section).toContain(`${m} Guide du territoire roannais`);
    expect(section).toContain(`${m} Évaluation du CLS, 2022`);
    expect(res.body).not.toContain(`${m} Rapport sur une autre ville`);
  });
});
