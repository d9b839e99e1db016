import { Resvg } from '@resvg/resvg-js';
import { geoConicConformal, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry as GeoGeometry } from 'geojson';
import { escapeHtml as e } from '../../domain/text/escape-html.ts';

/** A GeoJSON geometry as the contour layers store it. */
export interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

/** Where the map finds outlines (the contour and QPV layers; src/context.ts gives the registry's reader). */
export interface MapContours {
  available(): Promise<boolean>;
  geometries(level: 'commune' | 'epci' | 'qpv', codes: string[]): Promise<Map<string, Geometry>>;
}

/** One area of the map: a commune or an EPCI, and how many kinds of dynamics cover it. */
export interface MapUnit {
  code: string;
  nom: string;
  geometry: Geometry;
  kinds: number;
}

/** Classes of coverage, from none to three kinds or more; light to dark, readable in grey too. */
export const MAP_CLASSES = [
  { label: 'aucun dispositif', fill: '#f1f1f1' },
  { label: '1 type de dynamique', fill: '#c6dbef' },
  { label: '2 types', fill: '#6baed6' },
  { label: '3 types ou plus', fill: '#2171b5' },
] as const;

const classOf = (kinds: number) => Math.min(Math.max(kinds, 0), MAP_CLASSES.length - 1);

const WIDTH = 640;
const MAP_HEIGHT = 460;
const LEGEND_HEIGHT = 44;

/**
 * The territory as an SVG map: each unit coloured by the number of kinds of dynamics covering it, the
 * QPV outlined on top, a legend below. A conformal conic projection (as for France's official maps)
 * fitted to the units; every name escaped. Null when no unit has a geometry.
 */
export function territoryMapSvg(
  units: MapUnit[],
  qpv: Geometry[],
  title: string,
  /** What the outlines are: the QPV themselves, or the communes holding them when their shapes are unknown. */
  qpvLabel = 'quartier prioritaire',
): string | null {
  const features: Feature[] = units.map((u) => ({
    type: 'Feature',
    properties: { code: u.code },
    geometry: u.geometry as unknown as GeoGeometry,
  }));
  if (features.length === 0) return null;
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const projection = geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitExtent(
      [
        [8, 8],
        [WIDTH - 8, MAP_HEIGHT - 8],
      ],
      collection,
    );
  // A tenth of a point is finer than print needs, and lighter than the three decimals by default.
  const path = geoPath(projection).digits(1);
  const areas = units
    .map((u, i) => {
      const d = path(features[i] as Feature);
      if (!d) return '';
      const c = MAP_CLASSES[classOf(u.kinds)];
      return `<path d="${d}" fill="${c?.fill}" stroke="#ffffff" stroke-width="0.6"><title>${e(u.nom)} : ${e(c?.label ?? '')}</title></path>`;
    })
    .join('');
  const outlines = qpv
    .map((g) => path(g as unknown as GeoGeometry))
    .filter((d): d is string => Boolean(d))
    .map((d) => `<path d="${d}" fill="none" stroke="#b34000" stroke-width="1.2"/>`)
    .join('');
  const legend = MAP_CLASSES.map(
    (c, i) =>
      `<rect x="${8 + i * 150}" y="${MAP_HEIGHT + 14}" width="14" height="14" fill="${c.fill}" stroke="#999"/>` +
      `<text x="${28 + i * 150}" y="${MAP_HEIGHT + 26}" font-size="12" font-family="sans-serif" fill="#222">${e(c.label)}</text>`,
  ).join('');
  const qpvLegend =
    outlines.length > 0
      ? `<rect x="8" y="${MAP_HEIGHT + 34}" width="14" height="8" fill="none" stroke="#b34000" stroke-width="1.2"/><text x="28" y="${MAP_HEIGHT + 42}" font-size="12" font-family="sans-serif" fill="#222">${e(qpvLabel)}</text>`
      : '';
  const height = MAP_HEIGHT + LEGEND_HEIGHT + (qpvLegend ? 10 : 0);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${e(title)}"><title>${e(title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${areas}${outlines}${legend}${qpvLegend}</svg>`;
}

/** The map as a PNG for documents that take no SVG (DOCX), twice the size for print. */
export function mapPng(svg: string): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: WIDTH * 2 } }).render().asPng());
}

/** Height over width of a map built here, read from its view box. */
export function mapRatio(svg: string): number {
  const m = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
  return m ? Number(m[2]) / Number(m[1]) : 0.8;
}
