import type { AnalyticsService } from './analytics.service.ts';

/** Each analysis as a flat table, for CSV (and spreadsheet) downloads. */
export interface Table {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

type Result<K extends keyof AnalyticsService> = Awaited<ReturnType<AnalyticsService[K]>>;

const pct = (x: number) => Math.round(x * 10_000) / 100;

export function countsTable(r: Result<'counts'>): Table {
  return {
    name: `comptages-${r.niveau}-${r.date}`,
    header: ['niveau', 'code', 'territoire', 'type', 'statut', 'nombre'],
    rows: r.items.map((i) => [
      i.territoire.type,
      i.territoire.code,
      i.territoire.nom,
      i.type,
      i.statut,
      i.nombre,
    ]),
  };
}

export function configurationsTable(r: Result<'configurations'>): Table {
  return {
    name: `configurations-${r.base}-${r.date}`,
    header: ['configuration', 'avec', 'nombre', 'part (%)', 'dynamiques'],
    rows: r.configurations.map((c) => [
      c.libelle,
      c.avec.join(','),
      c.nombre,
      r.total === 0 ? 0 : pct(c.nombre / r.total),
      c.dynamiques.join(','),
    ]),
  };
}

export function coverageTable(r: Result<'coverage'>): Table {
  return {
    name: `couverture-${r.niveau}-${r.date}`,
    header: [
      'niveau',
      'code',
      'territoire',
      'type',
      'communes',
      'population',
      'part communes (%)',
      'part population (%)',
    ],
    rows: r.items.map((i) => [
      i.territoire.type,
      i.territoire.code,
      i.territoire.nom,
      i.type,
      i.communes,
      i.population,
      pct(i.partCommunes),
      pct(i.partPopulation),
    ]),
  };
}

export function articulationTable(r: Result<'articulation'>): Table {
  return {
    name: `articulation-${r.date}`,
    header: [
      'id A',
      'type A',
      'nom A',
      'id B',
      'type B',
      'nom B',
      'communes communes',
      'part de A (%)',
      'part de B (%)',
      'liens',
    ],
    rows: r.items.map((p) => [
      p.a.id,
      p.a.type,
      p.a.nom,
      p.b.id,
      p.b.type,
      p.b.nom,
      p.communesCommunes,
      pct(p.partA),
      pct(p.partB),
      p.liens.join(','),
    ]),
  };
}

export function evolutionTable(r: Result<'evolution'>): Table {
  return {
    name: `evolution-${r.depuis}-${r.jusqua}`,
    header: ['mouvement', 'id', 'type', 'nom', 'avant', 'après'],
    rows: [
      ...r.creees.map((d) => ['création', d.id, d.type, d.nom, '', ''] as (string | number | null)[]),
      ...r.arretees.map((d) => ['arrêt', d.id, d.type, d.nom, '', '']),
      ...r.changements.map((c) => [`changement de ${c.nature}`, c.id, c.type, c.nom, c.avant, c.apres]),
    ],
  };
}
