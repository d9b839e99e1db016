import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamicInput } from '../factories/dynamics.ts';
import { createTestApp, TEST_ADMIN } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HEADER = 'type;nom;statut;communes;epci;departements;qpv;porteur;dateDebut;dateFin';
let n = 0;
/** A word no other test uses, to find this test's records on a shared database. */
const newMarker = () => `zimp${process.pid}x${++n}${Math.random().toString(36).slice(2, 7)}`;

function postImport(body: string | Buffer, opts: { dryRun?: boolean; contentType?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/dynamiques?dryRun=${opts.dryRun ?? false}`,
    headers: { 'content-type': opts.contentType ?? 'text/csv' },
    payload: body,
  });
}

async function count(marker: string): Promise<number> {
  const res = await t.app.inject({ url: '/api/dynamiques', query: { q: marker } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total;
}

const validCsv = (m: string) =>
  [
    HEADER,
    `CLS;${m} contrat Saint-Étienne;actif;42218;;;;Ville de Saint-Étienne;2013-05-01;`,
    `CPTS;${m} CPTS Loire;en projet;;244200770;;;;01/09/2021;`,
    `PTSM;${m} PTSM Corse-du-Sud;actif;;;2A;;;;2026-12-31`,
  ].join('\n');

describe('dynamics import: writing', () => {
  it('a dry run validates everything and writes nothing', async () => {
    const m = newMarker();
    const res = await postImport(validCsv(m), { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      valide: true,
      lignes: 3,
      erreurs: [],
      crees: 3,
      modifies: 0,
      inchanges: 0,
      dryRun: true,
      lot: null,
      rejoue: false,
    });
    expect(await count(m)).toBe(0);
  });

  it('a commit creates every row in one change set, which reverts as a whole', async () => {
    const m = newMarker();
    // Comma-separated, with a BOM and list cells in quotes.
    const csv = `\uFEFF${validCsv(m)
      .replace(/;/g, ',')
      .replace(/,(2A),/, ',"$1",')}`;
    const res = await postImport(csv);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ valide: true, lignes: 3, crees: 3, modifies: 0, dryRun: false });
    expect(await count(m)).toBe(3);

    const lots = (await t.app.inject({ url: '/api/lots', query: { limit: '500' } })).json();
    const lot = lots.items.find((l: { id: string }) => l.id === report.lot);
    expect(lot).toMatchObject({ nombre: 3, annule: false, auteur: TEST_ADMIN });

    const listed = (await t.app.inject({ url: '/api/dynamiques', query: { q: m } })).json();
    const history = (await t.app.inject(`/api/dynamiques/${listed.items[0].id}/historique`)).json();
    expect(history.items).toMatchObject([{ action: 'creation', lot: report.lot }]);

    const revert = await t.app.inject({ method: 'POST', url: `/api/lots/${report.lot}/annuler` });
    expect(revert.statusCode, revert.body).toBe(200);
    expect(revert.json()).toEqual({ lot: report.lot, supprimees: 3, restaurees: 0 });
    expect(await count(m)).toBe(0);
    const after = (await t.app.inject(`/api/dynamiques/${listed.items[0].id}/historique`)).json();
    expect(after.items.map((i: { action: string }) => i.action)).toEqual(['creation', 'annulation']);

    const again = await t.app.inject({ method: 'POST', url: `/api/lots/${report.lot}/annuler` });
    expect(again.statusCode).toBe(409);
    expect(again.json().erreur).toMatch(/déjà été annulé/);
    const listedLot = (await t.app.inject(`/api/lots/${report.lot}`)).json();
    expect(listedLot).toMatchObject({ annule: true, annulePar: TEST_ADMIN });
  });

  it('rows with an id modify the record; reverting restores the previous version', async () => {
    const m = newMarker();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/dynamiques',
      payload: dynamicInput({ nom: `${m} avant` }),
    });
    const id = created.json().id;
    const res = await postImport(`id;nom;statut;dateFin\n${id};${m} après;arrete;2024-01-31\n`);
    expect(res.json()).toMatchObject({ valide: true, crees: 0, modifies: 1 });
    const changed = (await t.app.inject(`/api/dynamiques/${id}`)).json();
    expect(changed).toMatchObject({ nom: `${m} après`, statut: 'arrete', dateFin: '2024-01-31', version: 2 });
    expect(changed.perimetre.communesSaisies).toEqual(['42218']);

    const same = await postImport(`id;nom\n${id};${m} après\n`);
    expect(same.json()).toMatchObject({ valide: true, modifies: 0, inchanges: 1, lot: null });

    const revert = await t.app.inject({ method: 'POST', url: `/api/lots/${res.json().lot}/annuler` });
    expect(revert.json()).toMatchObject({ supprimees: 0, restaurees: 1 });
    const restored = (await t.app.inject(`/api/dynamiques/${id}`)).json();
    expect(restored).toMatchObject({ nom: `${m} avant`, statut: 'actif', dateFin: null, version: 3 });
  });

  it('reverting is refused (409) when a record changed after the import', async () => {
    const m = newMarker();
    const res = await postImport(`${HEADER}\nCLSM;${m} conseil;actif;42218;;;;;;\n`);
    const { lot } = res.json();
    const [record] = (await t.app.inject({ url: '/api/dynamiques', query: { q: m } })).json().items;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/dynamiques/${record.id}`,
      headers: { 'if-match': '"1"' },
      payload: dynamicInput({ type: 'CLSM', nom: `${m} conseil renommé` }),
    });
    expect(put.statusCode, put.body).toBe(200);
    const revert = await t.app.inject({ method: 'POST', url: `/api/lots/${lot}/annuler` });
    expect(revert.statusCode).toBe(409);
    expect(revert.json().erreur).toMatch(/Annulation impossible.*modifiée/);
    expect(revert.json().erreur).toContain(record.id);
    expect(await count(m)).toBe(1);
  });

  it('a row with the name of a dynamic of the same kind on the same territory updates it', async () => {
    const m = newMarker();
    const first = await postImport(validCsv(m));
    expect(first.json()).toMatchObject({ valide: true, crees: 3 });
    // The same CLS again (accents and case aside), now stopped; another CLS of that name elsewhere is new.
    const again = [
      HEADER,
      `CLS;${m} CONTRAT SAINT-ETIENNE;arrete;42218;;;;Ville de Saint-Étienne;2013-05-01;2024-12-31`,
      `CLS;${m} contrat Saint-Étienne;actif;63113;;;;;2020-01-01;`,
    ].join('\n');
    const dry = await postImport(again, { dryRun: true });
    expect(dry.json()).toMatchObject({ valide: true, crees: 1, modifies: 1 });
    const [match] = dry.json().correspondances;
    expect(match).toMatchObject({ ligne: 2, nom: `${m} contrat Saint-Étienne` });
    const res = await postImport(again);
    expect(res.json()).toMatchObject({ valide: true, crees: 1, modifies: 1 });
    const stored = await t.app.inject({ url: `/api/dynamiques/${match.id}` });
    expect(stored.json().dateFin).toBe('2024-12-31');
    expect(await count(m)).toBe(4);
  });

  it('unknown lot → 404', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/lots/inexistant/annuler' });
    expect(res.statusCode).toBe(404);
    expect(res.json().erreur).toMatch(/Aucun lot/);
  });
});

describe('dynamics import: errors are reported by line and field, and nothing is written', () => {
  const cases: [string, (m: string) => string, { ligne: number; champ: string; message: RegExp }[]][] = [
    [
      'unknown type',
      (m) => `${HEADER}\nXYZ;${m};actif;42218;;;;;;`,
      [{ ligne: 2, champ: 'type', message: /type inconnu.*XYZ/ }],
    ],
    [
      'unknown commune code and name',
      (m) => `${HEADER}\nCLS;${m};actif;99999,Atlantide;;;;;;`,
      [
        { ligne: 2, champ: 'communes', message: /commune inconnue : « Atlantide »/ },
        { ligne: 2, champ: 'communes', message: /commune inconnue : 99999/ },
      ],
    ],
    [
      'ambiguous commune name',
      (m) => `${HEADER}\nCLS;${m};actif;Saint-Denis;;;;;;`,
      [{ ligne: 2, champ: 'communes', message: /ambigu.*93066, Seine-Saint-Denis.*97411, La Réunion/ }],
    ],
    [
      'malformed and impossible dates',
      (m) => `${HEADER}\nCLS;${m};actif;42218;;;;;2013/05/01;2013-02-30`,
      [
        { ligne: 2, champ: 'dateDebut', message: /AAAA-MM-JJ/ },
        { ligne: 2, champ: 'dateFin', message: /date inexistante/ },
      ],
    ],
    [
      'unknown column',
      (m) => `${HEADER};commentaire\nCLS;${m};actif;42218;;;;;;;bonjour`,
      [{ ligne: 1, champ: 'commentaire', message: /colonne inconnue « commentaire »/ }],
    ],
    ['empty file', () => '', [{ ligne: 1, champ: '(fichier)', message: /fichier vide/ }]],
    [
      'header only',
      () => `\uFEFF${HEADER}\r\n`,
      [{ ligne: 1, champ: '(fichier)', message: /aucune ligne de données/ }],
    ],
    [
      'unrecognised separator',
      (m) => `type|nom|statut|communes\nCLS|${m}|actif|42218`,
      [{ ligne: 1, champ: '(fichier)', message: /séparateur de colonnes non reconnu/ }],
    ],
    [
      'row with the other separator',
      (m) => `${HEADER}\nCLS,${m},actif,42218`,
      [{ ligne: 2, champ: '(ligne)', message: /non découpée en colonnes/ }],
    ],
    [
      'missing required columns',
      (m) => `nom;communes\n${m};42218`,
      [
        { ligne: 1, champ: 'type', message: /colonne obligatoire absente/ },
        { ligne: 2, champ: 'type', message: /type/ },
        { ligne: 2, champ: 'statut', message: /statut obligatoire/ },
      ],
    ],
    [
      'one bad row among good ones, after a blank line and a multi-line cell',
      (m) =>
        `${HEADER}\nCLS;${m} a;actif;42218;;;;;;\n\nCLS;"${m}\nsur deux lignes";actif;42218;;;;;;\nCLS;${m} c;ferme;42218;;;;;;`,
      [{ ligne: 6, champ: 'statut', message: /statut inconnu/ }],
    ],
    [
      'unknown id and empty perimeter',
      (m) => `id;type;nom;statut;communes\nnexistepas;CLS;${m};actif;42218\n;CLS;${m} b;actif;`,
      [
        { ligne: 2, champ: 'id', message: /dynamique inconnue : nexistepas/ },
        { ligne: 3, champ: 'perimetre', message: /au moins un territoire/ },
      ],
    ],
  ];

  it.each(cases)('%s', async (_label, csv, expected) => {
    const m = newMarker();
    for (const dryRun of [true, false]) {
      const res = await postImport(csv(m), { dryRun });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      expect(report.valide).toBe(false);
      expect(report).toMatchObject({ crees: 0, modifies: 0, lot: null });
      expect(report.erreurs).toHaveLength(expected.length);
      for (const e of expected) {
        expect(report.erreurs, JSON.stringify(report.erreurs)).toContainEqual({
          ligne: e.ligne,
          champ: e.champ,
          message: expect.stringMatching(e.message),
        });
      }
    }
    expect(await count(m)).toBe(0);
  });
});
