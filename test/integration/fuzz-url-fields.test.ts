import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { newMarker, noticeBody } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';
import { databaseFingerprint, expectFrenchError } from '../helpers/fuzz-inputs.ts';

// Every URL field of the API and of the importers takes http(s) addresses only: a link shown in the web
// interface or a document can never be a script, a local file or another protocol.

const REFUSED = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript://exemple.fr/%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://exemple.fr/fichier',
  'mailto:contact@exemple.fr',
  '//exemple.fr/chemin',
  '/relatif',
  'exemple.fr',
  'https://',
  'http:// exemple.fr',
  'https://exemple.fr/\u0000',
];
const ACCEPTED = ['https://exemple.fr/a?b=c#d', 'http://exemple.fr', 'HTTPS://EXEMPLE.FR/x'];

let t: Awaited<ReturnType<typeof createTestApp>>;
let started: Date;
beforeAll(async () => {
  started = new Date();
  t = await createTestApp();
});
afterAll(async () => {
  const db = t.ctx.database.db;
  for (const table of ['dynamique', 'notice', 'glossaire'] as const) {
    await db.deleteFrom(table).where('cree_le', '>=', started).execute();
  }
  await t.close();
});

/** Each URL field, as the body of a write that is valid but for that field. */
const FIELDS: { name: string; url: string; field: string; body: (u: string) => Record<string, unknown> }[] = [
  {
    name: 'source of a dynamic',
    url: '/api/dynamiques',
    field: 'sources.0.url',
    body: (u) => dynamicInput({ sources: [{ titre: 'Délibération', url: u }] }),
  },
  { name: 'notice', url: '/api/ressources', field: 'url', body: (u) => noticeBody({ url: u }) },
  {
    name: 'duplicate check',
    url: '/api/ressources/doublons',
    field: 'url',
    body: (u) => noticeBody({ url: u }),
  },
  {
    name: 'source of a glossary entry',
    url: '/api/glossaire',
    field: 'sources.0.url',
    body: (u) => ({ forme: `Terme ${newMarker()}`, definition: 'Définition.', sources: [{ url: u }] }),
  },
];

describe('URL fields of the API', () => {
  it.each(FIELDS)('$name: refuses every address that is not http(s), naming the field', async (f) => {
    for (const value of REFUSED) {
      const before = await databaseFingerprint(t.ctx.database.db);
      const res = await t.app.inject({ method: 'POST', url: f.url, payload: f.body(value) });
      const what = `${f.url} ${JSON.stringify(value)}`;
      expect(res.statusCode, `${what} ${res.body}`).toBe(400);
      expectFrenchError(res.statusCode, res.headers['content-type'], res.body, what);
      expect(Object.keys(res.json().champs ?? {}), what).toContain(f.field);
      expect(await databaseFingerprint(t.ctx.database.db), what).toBe(before);
    }
  });

  it.each(FIELDS)('$name: accepts http(s) addresses', async (f) => {
    for (const value of ACCEPTED) {
      const res = await t.app.inject({ method: 'POST', url: f.url, payload: f.body(value) });
      expect(res.statusCode, `${value} ${res.body}`).toBeLessThan(300);
    }
  });
});

describe('URL fields of the importers', () => {
  it('a dynamics file with a non-http(s) source address is refused line by line', async () => {
    for (const value of REFUSED.filter((v) => !['\u0000', '\t', ';'].some((c) => v.includes(c)))) {
      const before = await databaseFingerprint(t.ctx.database.db);
      const csv = [
        'type;nom;statut;communes;porteur;dateDebut;source;sourceUrl',
        `CLS;Contrat ${newMarker()};actif;42218;Ville de Saint-Étienne;2013-05-01;Délibération;${value}`,
      ].join('\n');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/imports/dynamiques',
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
      const what = `import ${JSON.stringify(value)}: ${res.body.slice(0, 300)}`;
      expect(res.statusCode, what).toBeLessThan(500);
      if (res.statusCode < 300) expect(res.json().valide, what).toBe(false);
      expect(await databaseFingerprint(t.ctx.database.db), what).toBe(before);
    }
  });

  it('a RIS file with a non-http(s) address keeps no such link', async () => {
    for (const value of REFUSED.filter((v) => !v.includes('\u0000') && v.trim() === v)) {
      const marker = newMarker();
      const ris = [
        'TY  - RPRT',
        `TI  - Rapport ${marker}`,
        'AU  - Durand, Claire',
        'PY  - 2020',
        `UR  - ${value}`,
        'ER  - ',
        '',
      ];
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/imports/ressources?format=ris',
        headers: { 'content-type': 'application/x-research-info-systems' },
        payload: ris.join('\n'),
      });
      expect(res.statusCode, res.body).toBeLessThan(500);
      const found = await t.app.inject({ method: 'GET', url: `/api/ressources?q=${marker}` });
      const items = found.json().items as { url?: string | null }[];
      // Either the notice is refused with the reason, or kept without the address.
      const report = res.json() as { erreurs: { champ: string }[] };
      expect(items.length + report.erreurs.length, `${value}: ${res.body}`).toBeGreaterThan(0);
      for (const item of items) expect(item.url ?? null, `${value} stored`).toBeNull();
    }
  });
});
