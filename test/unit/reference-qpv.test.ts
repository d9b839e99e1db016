import { describe, expect, it } from 'vitest';
import { departementOfQpvCode, isQpvCode, qpvGeneration } from '../../src/domain/territories/qpv-code.ts';
import { IssueList } from '../../src/reference/import-report.ts';
import { mapQpvCsv } from '../../src/reference/qpv/map-qpv-csv.ts';
import { mapQpvGeojson } from '../../src/reference/qpv/map-qpv-geojson.ts';
import { mapQpvList } from '../../src/reference/qpv/map-qpv-list.ts';
import { resolveQpv } from '../../src/reference/qpv/resolve-qpv.ts';
import { parseSource } from '../../src/reference/source/parse-source.ts';
import { smallCommuneIndex } from '../helpers/reference-layers.ts';

const csv = (text: string) => {
  const parsed = parseSource(Buffer.from(text));
  if (parsed.format !== 'CSV') throw new Error(parsed.format);
  return parsed;
};
const ref = { communes: smallCommuneIndex(), departements: new Set(['01', '09', '13', '65', '93']) };

describe('QPV codes', () => {
  it.each([
    ['QN00101M', '01', '2024'],
    ['QP009001', '09', '2015'],
    ['QN02A01M', '2A', '2024'],
    ['QN97102I', '971', '2024'],
    ['QP066007', '66', '2015'],
  ])('%s → département %s, generation %s', (code, dep, generation) => {
    expect(isQpvCode(code)).toBe(true);
    expect(departementOfQpvCode(code)).toBe(dep);
    expect(qpvGeneration(code)).toBe(generation);
  });

  it.each(['QN001', 'XX00101M', 'qn00101m', 'QN00101M; drop'])('rejects %s', (code) => {
    expect(isQpvCode(code)).toBe(false);
  });
});

describe('mapQpvList (ANCT JSON list)', () => {
  it('maps code, name, département and commune codes; positions count items from 1', () => {
    const issues = new IssueList();
    const drafts = mapQpvList(
      [
        { code: 'QN00101M', nom: 'Grande Reyssouze', dep: '01', communes: ['01053'] },
        { code: 'QN21301X', nom: 'Sans communes', dep: '13', communes: [] },
        { code: 'Q1', nom: '', dep: '1', communes: ['1053', 'ABC'] },
        'pas un objet',
      ],
      issues,
    );
    expect(drafts.map((d) => [d.code, d.departement, d.communes])).toEqual([['QN00101M', '01', ['01053']]]);
    expect(issues.sorted()).toEqual([
      { ligne: 2, champ: 'communes', message: expect.stringMatching(/aucune commune/) },
      { ligne: 3, champ: 'code', message: expect.stringMatching(/code de QPV mal formé : « Q1 »/) },
      { ligne: 3, champ: 'nom', message: 'nom du quartier manquant' },
      {
        ligne: 3,
        champ: 'communes.1',
        message: expect.stringMatching(/code commune INSEE mal formé : « ABC »/),
      },
      { ligne: 4, champ: '(élément)', message: 'objet attendu' },
    ]);
  });
});

describe('mapQpvCsv (INSEE indicators)', () => {
  it('reads commune names and population; positions are file lines with the header as line 1', () => {
    const { header, rows } = csv(
      '\ufeffcode_qp,nom_qp,nom_commune,pop_mun\nQP065003,Tarbes Est,"Séméac, Tarbes",2 470\nQP009001,Coeur De Ville,Saint-Girons,abc\n',
    );
    const issues = new IssueList();
    const drafts = mapQpvCsv(header, rows, issues);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      code: 'QP065003',
      communeNames: ['Séméac', 'Tarbes'],
      population: 2470,
    });
    expect(issues.sorted()).toEqual([
      {
        ligne: 3,
        champ: 'pop_mun',
        message: expect.stringMatching(/nombre entier positif attendu, lu : « abc »/),
      },
    ]);
  });

  it('semicolon separated files work too, and a missing key column is reported once on the header', () => {
    const { header, rows } = csv('code_qp;libelle\nQP065003;x\n');
    const issues = new IssueList();
    expect(mapQpvCsv(header, rows, issues)).toEqual([]);
    expect(issues.sorted().map((i) => [i.ligne, i.champ])).toEqual([
      [1, '(en-tête)'],
      [1, '(en-tête)'],
    ]);
  });
});

describe('mapQpvGeojson (perimeters)', () => {
  it('keeps the polygon with coordinates rounded to 4 decimals', () => {
    const issues = new IssueList();
    const warnings: string[] = [];
    const square = [
      [
        [0.123456, 43.1],
        [0.2, 43.1],
        [0.2, 43.2],
        [0.123456, 43.1],
      ],
    ];
    const drafts = mapQpvGeojson(
      [
        {
          type: 'Feature',
          properties: {
            code_qp: 'QP065003',
            nom_qp: 'Tarbes Est',
            code_commune: '65440',
            nom_commune: 'Séméac, Tarbes',
          },
          geometry: { type: 'Polygon', coordinates: square },
        },
        {
          type: 'Feature',
          properties: { code_qp: 'QP009001', lib_qp: 'Coeur', insee_com: '09225' },
          geometry: null,
        },
      ],
      issues,
      warnings,
    );
    expect(issues.length).toBe(0);
    expect(drafts[0]?.geometry?.coordinates[0]?.[0]).toEqual([0.1235, 43.1]);
    expect(drafts[1]?.geometry).toBeNull();
    expect(warnings).toEqual([expect.stringMatching(/1 entité\(s\) sans polygone/)]);
  });
});

describe('resolveQpv', () => {
  const draft = (over: Partial<Parameters<typeof resolveQpv>[0][number]>) => ({
    position: 1,
    code: 'QP065003',
    nom: 'Tarbes Est',
    departement: null,
    population: null,
    communes: [],
    communeNames: [],
    geometry: null,
    keys: {
      code: 'code_qp',
      nom: 'nom_qp',
      departement: 'dep',
      communes: 'code_commune',
      communeNames: 'nom_commune',
      population: 'pop_mun',
    },
    ...over,
  });

  it('resolves names in the département taken from the code, codes and former codes', () => {
    const issues = new IssueList();
    const warnings: string[] = [];
    const out = resolveQpv(
      [
        draft({ communeNames: ['Seméac', 'TARBES'] }),
        draft({ position: 2, code: 'QN00101M', communes: ['01340'] }),
        draft({ position: 3, code: 'QN01301M', communes: ['13055'], communeNames: ['Marseille 15e'] }),
      ],
      ref,
      issues,
      warnings,
    );
    expect(issues.length).toBe(0);
    expect(out.links).toEqual([
      { qpv: 'QP065003', commune: '65417' },
      { qpv: 'QP065003', commune: '65440' },
      { qpv: 'QN00101M', commune: '01015' },
      { qpv: 'QN01301M', commune: '13055' },
    ]);
    expect(out.rows.map((r) => [r.code, r.departement, r.generation])).toEqual([
      ['QP065003', '65', '2015'],
      ['QN00101M', '01', '2024'],
      ['QN01301M', '13', '2024'],
    ]);
    expect(out.generations).toEqual(['2015', '2024']);
    expect(warnings).toEqual([
      expect.stringMatching(/01340 a fusionné, rattachement à Arboys en Bugey/),
      expect.stringMatching(/commune inconnue dans le département 13 : « Marseille 15e » \(ignorée/),
    ]);
  });

  it('reports unknown communes, unknown départements and duplicates with their source fields', () => {
    const issues = new IssueList();
    const out = resolveQpv(
      [
        draft({ communeNames: ['Lourdes'] }),
        draft({ position: 2, code: 'QP065004', communes: ['99999'] }),
        draft({ position: 3, code: 'QP065004', communes: ['65440'] }),
        draft({ position: 4, code: 'QP075001', communes: ['65440'] }),
      ],
      ref,
      issues,
      [],
    );
    expect(out.rows.map((r) => r.code)).toEqual([]);
    expect(issues.sorted()).toEqual([
      { ligne: 1, champ: 'nom_commune', message: 'commune inconnue dans le département 65 : « Lourdes »' },
      { ligne: 2, champ: 'code_commune', message: 'commune inconnue : 99999' },
      { ligne: 3, champ: 'code_qp', message: 'code QP065004 en double (déjà en 2)' },
      { ligne: 4, champ: 'dep', message: 'département inconnu : 75' },
    ]);
  });
});

describe('mapQpvGeojson with a perimeter cut along commune limits', () => {
  it('features sharing code and name become one QPV over both communes', () => {
    const part = (commune: string, x: number) => ({
      type: 'Feature',
      properties: { code_qp: 'QN01301M', lib_qp: 'Centre Nord', insee_com: commune, insee_dep: '13' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, 43],
            [x + 1, 43],
            [x + 1, 44],
            [x, 43],
          ],
        ],
      },
    });
    const issues = new IssueList();
    const warnings: string[] = [];
    const drafts = mapQpvGeojson([part('13055', 5), part('13070', 6)], issues, warnings);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.communes).toEqual(['13055', '13070']);
    expect(drafts[0]?.geometry?.type).toBe('MultiPolygon');
    expect(warnings).toEqual([expect.stringMatching(/1 entité\(s\) réunie/)]);
  });
});
