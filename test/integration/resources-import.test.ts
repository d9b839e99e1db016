import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMarker } from '../factories/notices.ts';
import { createTestApp } from '../helpers/context.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function postImport(body: string | Buffer, query: Record<string, string>, contentType = 'text/plain') {
  return t.app.inject({
    method: 'POST',
    url: '/api/imports/ressources',
    query,
    headers: { 'content-type': contentType },
    payload: body,
  });
}

async function count(marker: string): Promise<number> {
  const res = await t.app.inject({ url: '/api/ressources', query: { q: marker } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total;
}

const ris = (m: string) =>
  [
    'TY  - RPRT',
    `TI  - ${m} Diagnostic local de santé de Saint-Étienne`,
    'AU  - Observatoire régional de la santé',
    'PY  - 2017',
    `UR  - https://example.org/${m}/diagnostic`,
    'KW  - CLS',
    'KW  - diagnostic local de santé',
    'ER  - ',
    '',
    'TY  - JOUR',
    `TI  - ${m} Les ateliers santé ville vingt ans après`,
    'AU  - Martin, Paul',
    'T2  - Santé publique',
    'VL  - 32',
    'PY  - 2021',
    `DO  - 10.1234/${m}.1`,
    'ER  - ',
  ].join('\n');

describe('notice import', () => {
  it('a dry run validates, counts and writes nothing', async () => {
    const m = newMarker();
    const res = await postImport(ris(m), { format: 'ris', dryRun: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      valide: true,
      format: 'ris',
      lignes: 2,
      erreurs: [],
      crees: 2,
      modifies: 0,
      doublons: [],
      dryRun: true,
      lot: null,
    });
    expect(await count(m)).toBe(0);
  });

  it('writes everything in one change set, found by search and recorded in the history', async () => {
    const m = newMarker();
    const res = await postImport(ris(m), {});
    expect(res.json()).toMatchObject({ valide: true, crees: 2, format: 'ris' });
    const { lot } = res.json();
    expect((await t.app.inject(`/api/lots/${lot}`)).json()).toMatchObject({ nombre: 2 });
    const found = (await t.app.inject({ url: '/api/ressources', query: { q: `${m} ateliers` } })).json();
    expect(found.items[0]).toMatchObject({ type: 'article', auteurs: [{ nom: 'Martin', prenom: 'Paul' }] });
    const history = (await t.app.inject(`/api/ressources/${found.items[0].id}/historique`)).json();
    expect(history.items[0]).toMatchObject({ action: 'creation', lot });
  });

  it('with any error nothing is written, and each error names its line and field', async () => {
    const m = newMarker();
    const text = `${ris(m)}\n\nTY  - BOOK\nAU  - Sans titre\nPY  - 2020\nUR  - pas une url\nER  - \n`;
    const res = await postImport(text, { format: 'ris' });
    expect(res.json()).toMatchObject({ valide: false, lignes: 3, valides: 2, signalees: 1, crees: 0 });
    // Each problem on the line of its tag; a missing field on the line where the record starts.
    expect(res.json().erreurs).toEqual([
      { ligne: 19, champ: 'titre', message: 'titre obligatoire' },
      { ligne: 22, champ: 'url', message: 'URL invalide : adresse http(s) attendue' },
    ]);
    expect(await count(m)).toBe(0);
  });

  it('partiel=true imports the valid notices, leaves out those reported, and says so in the change set', async () => {
    const m = newMarker();
    const text = `${ris(m)}\n\nTY  - BOOK\nTI  - ${m} Livre\nPY  - 2020\nUR  - pas une url\nER  - \n`;
    const dry = await postImport(text, { format: 'ris', partiel: 'true', dryRun: 'true' });
    expect(dry.json()).toMatchObject({
      valide: true,
      partiel: true,
      valides: 2,
      signalees: 1,
      crees: 2,
      lot: null,
    });
    expect(await count(m)).toBe(0);

    const res = await postImport(text, { format: 'ris', partiel: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ valide: true, partiel: true, valides: 2, signalees: 1, crees: 2 });
    expect(report.erreurs).toEqual([
      { ligne: 22, champ: 'url', message: 'URL invalide : adresse http(s) attendue' },
    ]);
    expect(await count(m)).toBe(2);
    const lots = await t.app.inject({ url: '/api/lots', query: { limit: '50' } });
    const lot = lots.json().items.find((l: { id: string }) => l.id === report.lot);
    expect(lot.description).toContain('import partiel : 1 notice(s) signalée(s) ignorée(s) (ligne 19)');
  });

  it('partiel=true with no valid notice writes nothing', async () => {
    const res = await postImport('TY  - BOOK\nPY  - 2020\nER  - \n', { format: 'ris', partiel: 'true' });
    expect(res.json()).toMatchObject({ valide: false, valides: 0, signalees: 1, lot: null });
  });

  it('reports duplicates of stored notices (DOI, URL, title and year) and ignores them by default', async () => {
    const m = newMarker();
    await postImport(ris(m), {});
    const again = [
      'TY  - JOUR',
      `TI  - Un autre titre pour le même article ${m}`,
      `DO  - https://doi.org/10.1234/${m.toUpperCase()}.1`,
      'ER  - ',
      'TY  - ELEC',
      `TI  - ${m} Page`,
      `UR  - http://www.example.org/${m}/diagnostic/`,
      'ER  - ',
      'TY  - RPRT',
      `TI  - ${m.toUpperCase()} diagnostic local de sante de Saint-Etienne !`,
      'PY  - 2017',
      'ER  - ',
      'TY  - RPRT',
      `TI  - ${m} Nouveau`,
      'ER  - ',
    ].join('\n');
    const res = await postImport(again, { format: 'ris' });
    expect(res.json()).toMatchObject({ valide: true, crees: 1, modifies: 0 });
    expect(
      res
        .json()
        .doublons.map((d: { ligne: number; motif: string; action: string }) => [d.ligne, d.motif, d.action]),
    ).toEqual([
      [1, 'doi', 'ignoree'],
      [5, 'url', 'ignoree'],
      [9, 'titre_annee', 'ignoree'],
    ]);
    expect(await count(m)).toBe(3);
  });

  it('doublons=fusionner fills the empty fields of the stored notice, and repeats within a file merge too', async () => {
    const m = newMarker();
    await postImport(ris(m), {});
    const csl = [
      {
        type: 'report',
        title: `${m} Diagnostic local de santé de Saint-Étienne`,
        issued: { 'date-parts': [[2017]] },
        abstract: 'Résumé ajouté',
        publisher: 'ORS',
      },
      {
        type: 'report',
        title: `${m} Diagnostic local de santé de Saint-Étienne`,
        issued: { 'date-parts': [[2017]] },
        publisher: 'Autre éditeur',
        'publisher-place': 'Lyon',
      },
      { type: 'book', title: `${m} Livre`, ISBN: '978-2-8109-0471-0' },
      { type: 'book', title: `${m} Livre`, ISBN: '978-2-8109-0471-0', 'number-of-pages': 120 },
    ];
    const dry = await postImport(
      JSON.stringify(csl),
      { doublons: 'fusionner', dryRun: 'true' },
      'application/json',
    );
    expect(dry.json()).toMatchObject({ valide: true, format: 'csl-json', crees: 1, modifies: 1 });
    const res = await postImport(JSON.stringify(csl), { doublons: 'fusionner' }, 'application/json');
    expect(res.json()).toMatchObject({ crees: 1, modifies: 1 });
    expect(
      res
        .json()
        .doublons.map((d: { ligne: number; ligneDoublon: number | null }) => [d.ligne, d.ligneDoublon]),
    ).toEqual([
      [1, null],
      [2, null],
      [4, 3],
    ]);
    const found = (await t.app.inject({ url: '/api/ressources', query: { q: `${m} diagnostic` } })).json();
    const merged = (await t.app.inject(`/api/ressources/${found.items[0].id}`)).json();
    expect(merged).toMatchObject({ resume: 'Résumé ajouté', editeur: 'ORS', lieu: 'Lyon', version: 2 });
    expect(merged.auteurs).toEqual([{ organisation: 'Observatoire régional de la santé' }]);
    const book = (await t.app.inject({ url: '/api/ressources', query: { q: `${m} livre` } })).json();
    expect(book.total).toBe(1);
    expect((await t.app.inject(`/api/ressources/${book.items[0].id}`)).json().etendue).toBe('120 p.');
  });

  it('reads BibTeX and CSV, sent raw or as the multipart field « fichier »', async () => {
    const m = newMarker();
    const bib = `@book{a,\n  title = {${m} Promotion de la santé},\n  author = {Martin, Paul},\n  year = {2016},\n}\n`;
    expect((await postImport(bib, {})).json()).toMatchObject({ valide: true, format: 'bibtex', crees: 1 });
    const csv = `type;titre;auteurs;date;dispositifs\nguide;${m} Guide CPTS;"Dupont, Marie ; {ARS, Occitanie}";2022;CPTS\n`;
    const boundary = '----odts';
    const multipart = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="fichier"; filename="notices.csv"',
      'Content-Type: text/csv',
      '',
      csv,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await postImport(multipart, { format: 'csv' }, `multipart/form-data; boundary=${boundary}`);
    expect(res.json()).toMatchObject({ valide: true, format: 'csv', crees: 1 });
    const found = (await t.app.inject({ url: '/api/ressources', query: { q: `${m} CPTS` } })).json();
    expect(found.items[0].auteurs).toEqual([
      { nom: 'Dupont', prenom: 'Marie' },
      { organisation: 'ARS, Occitanie' },
    ]);
    expect(await count(m)).toBe(2);
  });

  it('reports unknown CSV columns and an empty file', async () => {
    const res = await postImport('type;titre;couleur\nguide;Titre;bleu\n', { format: 'csv' });
    expect(res.json()).toMatchObject({
      valide: false,
      erreurs: [expect.objectContaining({ ligne: 1, champ: 'couleur' })],
    });
    const empty = await postImport('TY  - BOOK\n', { format: 'ris' });
    expect(empty.json().valide).toBe(false);
    const nothing = await postImport('[]', { format: 'csl-json' });
    expect(nothing.json().erreurs[0].message).toMatch(/aucune notice/);
  });
});
