import { describe, expect, it } from 'vitest';
import { configurationMatrix } from '../../src/domain/analytics/configurations.ts';
import type { AnalyticDynamic } from '../../src/domain/analytics/model.ts';
import type { ReportBlock } from '../../src/domain/reports/document.ts';
import { reportDynamics } from '../../src/domain/reports/dynamics.ts';
import { buildEtatDesLieux } from '../../src/domain/reports/etat-des-lieux.ts';
import { formatDateLong, formatInteger, formatPercent, joinFrench } from '../../src/domain/reports/french.ts';
import type { EtatDesLieuxInput } from '../../src/domain/reports/inputs.ts';
import { renderHtml } from '../../src/reports/html.ts';

const DATE = '2020-06-01';

function dyn(
  id: string,
  type: AnalyticDynamic['type'],
  communes: string[],
  extra: Partial<AnalyticDynamic> = {},
) {
  return {
    id,
    type,
    nom: id,
    communes,
    periods: [{ statut: 'actif', debut: '2015-01-01', fin: null }],
    coordination: [],
    liens: [],
    porteur: null,
    dateFin: null,
    ...extra,
  } as AnalyticDynamic;
}

function input(dynamics: AnalyticDynamic[]): EtatDesLieuxInput {
  const depOf = (c: string) => c.slice(0, 2);
  const list = reportDynamics(dynamics, depOf, new Set(['01', '02']), DATE);
  const byCommune = (c: string) => dynamics.filter((d) => d.communes.includes(c));
  const configurations = configurationMatrix({
    base: 'CONTRAT_VILLE',
    avec: ['ASV', 'CLS', 'CLSM'],
    date: DATE,
    bases: dynamics,
    byCommune,
  });
  const territory = { code: '99', nom: 'Occitanie-Test', population: 3000, communes: 3 };
  return {
    perimetre: { ...territory, type: 'region' },
    date: DATE,
    genereLe: '2026-01-02T10:05:00Z',
    departements: [
      { code: '01', nom: 'Premier', population: 2000, communes: 2 },
      { code: '02', nom: 'Second', population: 1000, communes: 1 },
    ],
    comptages: [],
    declares: [],
    configurations,
    couvertureParDepartement: [],
    couvertureTotale: [],
    dynamiques: list,
  };
}

const text = (blocks: ReportBlock[]): string =>
  blocks
    .map((b) =>
      b.kind === 'paragraph'
        ? b.text
        : b.kind === 'list'
          ? b.items.join('\n')
          : b.kind === 'subsection'
            ? `${b.titre}\n${text(b.blocks)}`
            : '',
    )
    .join('\n');

describe('French typography', () => {
  it('formats numbers, shares and dates as in French print', () => {
    expect(formatInteger(1234567)).toBe('1\u202f234\u202f567');
    expect(formatPercent(0.456)).toBe('46\u202f%');
    expect(formatPercent(0.004)).toBe('0,4\u202f%');
    expect(formatDateLong('2018-03-01')).toBe('1er mars 2018');
    expect(formatDateLong('2020-09-30')).toBe('30 septembre 2020');
    expect(joinFrench(['ASV', 'CLS', 'CLSM'])).toBe('ASV, CLS et CLSM');
  });
});

describe('état des lieux model', () => {
  const doc = buildEtatDesLieux(
    input([
      dyn('CV A', 'CONTRAT_VILLE', ['01001']),
      dyn('CV B', 'CONTRAT_VILLE', ['01002']),
      dyn('CLS A', 'CLS', ['01001'], {
        porteur: { nom: 'Ville A', type: 'commune' },
        dateFin: '2020-08-31',
        coordination: [{ intitule: 'Coordinatrice', etp: 1, financeurs: [], vacant: false }],
      }),
      dyn('CLSM A', 'CLSM', ['01001']),
      dyn('ASV stopped', 'ASV', ['02001'], {
        periods: [
          { statut: 'actif', debut: '2010-01-01', fin: '2019-01-01' },
          { statut: 'arrete', debut: '2019-01-01', fin: null },
        ],
      }),
      dyn('Elsewhere', 'CLS', ['03001']),
    ]),
  );
  const departements = doc.sections.find((s) => s.id === 'departements');
  const prose = text(departements?.blocks ?? []);

  it('names the territory, the date and the source', () => {
    expect(doc.territoire).toBe('Région Occitanie-Test');
    expect(doc.source).toBe('Registre Observatoire DTS');
    expect(doc.fichier).toBe('etat-des-lieux-region-99-occitanie-test-2020-06-01');
  });

  it('tells each département in plain French from the data', () => {
    expect(prose).toContain(
      'le registre recense 4 dynamiques en cours dans ce département : 2 contrats de ville, 1 CLS et 1 CLSM',
    );
    expect(prose).toContain('1 CLS : Ville A');
    expect(prose).toContain('1 CLSM : porteur non renseigné');
    expect(prose).toContain('1 dispose d’une coordination et 1 n’en a pas : CLSM A');
    expect(prose).toContain('1 contrat de ville sans aucun dispositif santé : CV B');
    expect(prose).toContain('1 contrat de ville avec CLS et CLSM : CV A');
    expect(prose).toContain('CLS — CLS A (échéance le 31 août 2020)');
    expect(prose).toContain(
      'le registre ne recense aucune dynamique en cours dans ce département. 1 dynamique y est arrêtée',
    );
    expect(prose).not.toContain('Elsewhere');
  });

  it('lists a région’s dynamics by département, a line each with status, carrier and coordination', () => {
    const liste = doc.sections.find((s) => s.id === 'liste');
    const first = liste?.blocks.find((b) => b.kind === 'subsection');
    expect(first?.kind === 'subsection' && first.titre).toBe('Premier (01)');
    const lines = text(liste?.blocks ?? []);
    expect(lines).toContain('CLSM — CLSM A (active ; porteur : non renseigné ; coordination : non)');
    expect(lines).toMatch(/CLS — CLS A \(active[^)]*; porteur : Ville A ; coordination : oui\)/);
  });

  it('renders escaped HTML with the chart', () => {
    const evil = buildEtatDesLieux(input([dyn('<img src=x onerror=alert(1)>', 'CONTRAT_VILLE', ['01001'])]));
    const html = renderHtml(evil);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
  });
});

describe('declared counts compared like with like', () => {
  const declares = [
    {
      region: '99',
      departement: null,
      type: 'CLS',
      nombre: 5,
      date: '2018-03-01',
      source: 'Enquête',
      note: '',
    },
    {
      region: '99',
      departement: '01',
      type: 'CLS',
      nombre: 2,
      date: '2018-03-01',
      source: 'Enquête',
      note: '',
    },
  ];
  const table = (level: 'region' | 'departement') => {
    const base = input([dyn('c1', 'CLS', ['01001']), dyn('c2', 'CLS', ['02001'])]);
    const doc = buildEtatDesLieux({ ...base, perimetre: { ...base.perimetre, type: level }, declares });
    const section = doc.sections.find((s) => s.id === 'decomptes-declares');
    const block = section?.blocks[0];
    return block?.kind === 'table' ? block.table : null;
  };

  it('compares a regional figure with the whole région and a départemental one with its département', () => {
    const rows = table('region')?.lignes ?? [];
    expect(rows.map((r) => r[4])).toEqual(['2', '1']);
  });

  it('does not compare a regional figure with a département’s registry', () => {
    const rows = table('departement')?.lignes ?? [];
    expect(rows.map((r) => r[4])).toEqual(['n. c.', '1']);
  });
});
