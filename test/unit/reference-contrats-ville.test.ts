import { describe, expect, it } from 'vitest';
import { groupContrats } from '../../src/reference/contrats-ville/contrats-ville.ts';
import { mapContratsCsv } from '../../src/reference/contrats-ville/map-contrats-csv.ts';
import { mapContratsGeojson } from '../../src/reference/contrats-ville/map-contrats-geojson.ts';
import { resolveContrats } from '../../src/reference/contrats-ville/resolve-contrats.ts';
import { IssueList } from '../../src/reference/import-report.ts';
import { parseSource } from '../../src/reference/source/parse-source.ts';
import { smallCommuneIndex } from '../helpers/reference-layers.ts';

const point = (properties: Record<string, unknown>) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [5.6, 45.8] },
});

const ref = {
  communes: smallCommuneIndex(),
  epci: new Map([['200069300', 'CA Tarbes-Lourdes-Pyrénées']]),
  ept: new Map([
    [
      '200058014',
      { code: '200058014', nom: 'Grand-Orly Seine Bièvre', communes: ['91027', '94081', '94999'] },
    ],
  ]),
  departements: new Set(['09', '13', '65', '91', '93', '94']),
};

describe('mapContratsGeojson (ANCT)', () => {
  it('strips the département from the label, reads "NA" as missing and rounds the population', () => {
    const issues = new IssueList();
    const drafts = mapContratsGeojson(
      [
        point({
          codgeo: '200069300',
          code_cv: 'CN06501M',
          lib_cv: '65 - CA Tarbes',
          insee_dep: '65',
          pop: 1104.0,
        }),
        point({ codgeo: '9225', code_cv: 'cn00901m', lib_cv: 'NA', insee_dep: null, pop: null }),
        point({ codgeo: '123', code_cv: 'X', lib_cv: 'x', insee_dep: '6', pop: -3 }),
      ],
      issues,
    );
    expect(drafts.map((d) => [d.code, d.nom, d.territoire, d.departement, d.population])).toEqual([
      ['CN06501M', 'CA Tarbes', '200069300', '65', 1104],
      ['CN00901M', null, '09225', null, null],
    ]);
    expect(issues.sorted().map((i) => [i.ligne, i.champ])).toEqual([
      [3, 'code_cv'],
      [3, 'codgeo'],
      [3, 'pop'],
    ]);
  });

  it('a CSV with the same columns maps the same way, lines counted from the header', () => {
    const parsed = parseSource(Buffer.from('codgeo;code_cv;lib_cv\n200069300;CN06501M;65 - CA Tarbes\n'));
    if (parsed.format !== 'CSV') throw new Error('CSV attendu');
    const issues = new IssueList();
    const [draft] = mapContratsCsv(parsed.header, parsed.rows, issues);
    expect(draft).toMatchObject({ position: 2, code: 'CN06501M', nom: 'CA Tarbes' });
  });
});

describe('resolveContrats', () => {
  const draft = (position: number, code: string, territoire: string, departement: string | null = null) => ({
    position,
    code,
    nom: null,
    territoire,
    departement,
    population: 100,
    keys: {
      code: 'code_cv',
      nom: 'lib_cv',
      territoire: 'codgeo',
      departement: 'insee_dep',
      population: 'pop',
    },
  });

  it('EPCI, EPT (split by département when shared) and communes become territories with member communes', () => {
    const issues = new IssueList();
    const warnings: string[] = [];
    const out = resolveContrats(
      [
        draft(1, 'CN06501M', '200069300'),
        draft(2, 'CN09106M', '200058014', '91'),
        draft(3, 'CN09401M', '200058014', '94'),
        draft(4, 'CV900', '09225'),
        draft(5, 'CV900', '01340'),
      ],
      ref,
      issues,
      warnings,
    );
    expect(issues.length).toBe(0);
    expect(out.contrats).toBe(4);
    expect(out.rows.map((r) => [r.code, r.territoire_type, r.territoire_code, r.nom, r.departement])).toEqual(
      [
        ['CN06501M', 'epci', '200069300', 'CA Tarbes-Lourdes-Pyrénées', '65'],
        ['CN09106M', 'ept', '200058014', 'Grand-Orly Seine Bièvre', '91'],
        ['CN09401M', 'ept', '200058014', 'Grand-Orly Seine Bièvre', '94'],
        ['CV900', 'commune', '09225', 'Saint-Girons', '09'],
        ['CV900', 'commune', '01015', 'Arboys en Bugey', '01'],
      ],
    );
    const members = (code: string) => out.communes.filter((c) => c.contrat === code).map((c) => c.commune);
    expect(members('CN06501M')).toEqual(['65417', '65440']);
    expect(members('CN09106M')).toEqual(['91027']);
    expect(members('CN09401M')).toEqual(['94081']);
    expect(members('CV900')).toEqual(['01015', '09225']);
    expect(warnings).toEqual([
      expect.stringMatching(/EPT/),
      expect.stringMatching(/EPT/),
      expect.stringMatching(/01340/),
    ]);
  });

  it('unknown territories and départements are errors naming the line', () => {
    const issues = new IssueList();
    resolveContrats(
      [
        draft(1, 'CN1', '999999999'),
        draft(2, 'CN2', '99999'),
        draft(3, 'CN3', '09225', '75'),
        draft(4, 'CN3', '09225'),
      ],
      ref,
      issues,
      [],
    );
    expect(issues.sorted()).toEqual([
      {
        ligne: 1,
        champ: 'codgeo',
        message: 'EPCI ou établissement public territorial inconnu : 999999999',
      },
      { ligne: 2, champ: 'codgeo', message: 'commune inconnue : 99999' },
      { ligne: 3, champ: 'insee_dep', message: 'département inconnu : 75' },
      { ligne: 4, champ: 'codgeo', message: 'territoire 09225 en double pour CN3 (déjà en 3)' },
    ]);
  });
});

describe('groupContrats', () => {
  it('one contract per code, territories listed, population the published figure', () => {
    const row = (code: string, type: 'epci' | 'commune', territoire: string, nom: string) => ({
      code,
      nom,
      territoire_type: type,
      territoire_code: territoire,
      departement: '976',
      population: 7227,
      vintage: 'v',
    });
    const [cv] = groupContrats(
      [row('CV428', 'commune', '97608', 'Dzaoudzi'), row('CV428', 'epci', '200050532', 'CC de Petite-Terre')],
      [
        { contrat: 'CV428', commune: '97615' },
        { contrat: 'CV428', commune: '97608' },
      ],
    );
    expect(cv).toEqual({
      code: 'CV428',
      nom: 'Dzaoudzi – CC de Petite-Terre',
      departement: '976',
      population: 7227,
      territoires: [
        { type: 'commune', code: '97608' },
        { type: 'epci', code: '200050532' },
      ],
      communes: ['97608', '97615'],
      vintage: 'v',
    });
  });
});
