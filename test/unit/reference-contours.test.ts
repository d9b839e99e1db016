import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { levelFromName, levelFromProperties } from '../../src/reference/contours/contour-levels.ts';
import { mapContoursGeojson } from '../../src/reference/contours/map-contours-geojson.ts';
import { mapContoursTopojson } from '../../src/reference/contours/map-contours-topojson.ts';
import { resolveContours } from '../../src/reference/contours/resolve-contours.ts';
import { surfaceGeometry } from '../../src/reference/geometry.ts';
import { IssueList } from '../../src/reference/import-report.ts';
import { smallCommuneIndex } from '../helpers/reference-layers.ts';

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});
const feature = (properties: Record<string, unknown>, x = 0) => ({
  type: 'Feature' as const,
  properties,
  geometry: square(x, 43),
});

const ref = {
  communes: smallCommuneIndex(),
  departements: new Map([
    ['65', { nom: 'Hautes-Pyrénées', region: '76' }],
    ['09', { nom: 'Ariège', region: '76' }],
  ]),
  regions: new Map([['76', 'Occitanie']]),
  epci: new Map([['200069300', 'CA Tarbes-Lourdes-Pyrénées']]),
};

describe('contour levels', () => {
  it.each([
    ['communes', 'commune'],
    ['epci-100m.geojson', 'epci'],
    ['DEPARTEMENTS', 'departement'],
    ['régions', 'region'],
    ['france-2026.topo.json', null],
  ])('name %s → %s', (name, level) => {
    expect(levelFromName(name)).toBe(level);
  });

  it.each([
    [{ INSEE_COM: '65440', INSEE_DEP: '65' }, 'commune'],
    [{ code: '200069300', nom: 'CA' }, 'epci'],
    [{ code: '65', nom: 'Hautes-Pyrénées', region: '76' }, 'departement'],
    [{ code: '76', nom: 'Occitanie' }, 'region'],
    [{ nom: 'rien' }, null],
  ])('properties %j → %s', (properties, level) => {
    expect(levelFromProperties(properties)).toBe(level);
  });
});

describe('surfaceGeometry', () => {
  it('keeps polygons, rounds to 4 decimals, rejects other geometries', () => {
    const g = surfaceGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [1.234567, 2.000049],
          [1, 2],
          [1, 3],
          [1.234567, 2.000049],
        ],
      ],
    });
    expect(g).toEqual({
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [1.2346, 2],
            [1, 2],
            [1, 3],
            [1.2346, 2],
          ],
        ],
      },
    });
    expect(surfaceGeometry({ type: 'Point', coordinates: [1, 2] })).toEqual({
      error: 'géométrie Point : Polygon ou MultiPolygon attendu',
    });
    expect(surfaceGeometry({ type: 'Polygon', coordinates: [['a']] })).toHaveProperty('error');
  });
});

describe('mapContoursTopojson', () => {
  it('reads every level object, skips unknown objects with a warning', () => {
    const collection = (...features: ReturnType<typeof feature>[]): FeatureCollection => ({
      type: 'FeatureCollection',
      features,
    });
    const topo = topology({
      communes: collection(feature({ code: '65440', dep: '65' }), feature({ code: '65417', dep: '65' }, 1)),
      epci: collection(feature({ epci: '200069300' }), feature({ epci: '' }, 2)),
      departements: collection(feature({ dep: '65', reg: '76' })),
      rivieres: collection(feature({ nom: 'Adour' })),
    });
    const issues = new IssueList();
    const warnings: string[] = [];
    const { drafts, read } = mapContoursTopojson(topo as never, undefined, issues, warnings);
    expect(read).toBe(5);
    expect(drafts.map((d) => `${d.niveau}:${d.code}`)).toEqual([
      'commune:65440',
      'commune:65417',
      'epci:200069300',
      'epci:',
      'departement:65',
    ]);
    expect(warnings).toEqual([expect.stringMatching(/couche « rivieres » ignorée/)]);

    const rows = resolveContours(drafts, ref, issues, warnings);
    expect(issues.length).toBe(0);
    expect(rows.map((r) => [r.niveau, r.code, r.nom, r.departements, r.regions])).toEqual([
      ['commune', '65440', 'Tarbes', ['65'], ['76']],
      ['commune', '65417', 'Séméac', ['65'], ['76']],
      ['epci', '200069300', 'CA Tarbes-Lourdes-Pyrénées', ['65'], ['76']],
      ['departement', '65', 'Hautes-Pyrénées', ['65'], ['76']],
    ]);
    expect(warnings).toContainEqual(expect.stringMatching(/1 contour\(s\) d’EPCI sans code ignoré/));
  });
});

describe('mapContoursGeojson + resolveContours', () => {
  it('IGN properties, arrondissements and merged communes skipped, unknown codes and duplicates reported', () => {
    const issues = new IssueList();
    const warnings: string[] = [];
    const drafts = mapContoursGeojson(
      [
        feature({ INSEE_COM: '65440' }),
        feature({ INSEE_COM: '13201' }),
        feature({ INSEE_COM: '01340' }),
        feature({ INSEE_COM: '99999' }),
        feature({ INSEE_COM: '65440' }),
        {
          type: 'Feature',
          properties: { INSEE_COM: '09225' },
          geometry: { type: 'Point', coordinates: [0, 0] },
        },
      ],
      'COMMUNE.geojson',
      undefined,
      issues,
    );
    const rows = resolveContours(drafts, ref, issues, warnings);
    expect(rows.map((r) => r.code)).toEqual(['65440']);
    expect(issues.sorted()).toEqual([
      {
        ligne: 4,
        champ: 'COMMUNE.geojson.INSEE_COM',
        message: 'commune inconnu(e) dans le référentiel : 99999',
      },
      { ligne: 5, champ: 'COMMUNE.geojson.INSEE_COM', message: 'code 65440 en double (déjà en 1)' },
      {
        ligne: 6,
        champ: 'COMMUNE.geojson.geometry',
        message: 'géométrie Point : Polygon ou MultiPolygon attendu',
      },
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/1 arrondissement/),
      expect.stringMatching(/communes fusionnées depuis, contours ignorés : 01340/),
    ]);
  });

  it('without a recognisable level, asks for --niveau', () => {
    const issues = new IssueList();
    expect(mapContoursGeojson([feature({ nom: 'x' })], 'export.geojson', undefined, issues)).toEqual([]);
    expect(issues.items[0]?.message).toMatch(/--niveau/);
  });
});
