import { createHash } from 'node:crypto';
import type { Actor } from '../domain/actor.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { ContourQuery } from '../domain/territories/contour-schemas.ts';
import { LruMap } from '../lib/lru-map.ts';
import { around } from './around.ts';
import { geojsonText, topojsonText } from './contours.presenter.ts';
import type { ContoursRepository } from './contours.repository.ts';
import { qpvContourRows } from './qpv-contours.ts';

const LEVEL_LABELS = {
  region: 'des régions',
  departement: 'des départements',
  epci: 'des EPCI',
  commune: 'des communes',
  qpv: 'des quartiers prioritaires',
} as const;

/**
 * Smallest triangle (square degrees) a vertex of a France-wide map keeps: about two square pixels of a
 * 900-pixel-wide map of the country. The départements go from 24,000 points to 10,000, which the map's
 * workers cut into tiles in a third of the time, with no difference to be seen at that scale.
 */
const FRANCE_SCALE_MIN_AREA = 3e-4;

const HOW_TO_LOAD = 'npm run odts -- reference import contours [FICHIER|URL]';

export type ContourResponse =
  | { notModified: true; etag: string }
  | { notModified: false; etag: string; contentType: string; body: string };

/**
 * Contours for maps, one level at a time. Communes are only served for a région or a département: all
 * of France weighs several megabytes, which no map view needs at once.
 */
export class ContoursService {
  /**
   * Bodies already written, by ETag (which names the import they come from): every visitor of the map
   * asks for the same départements and régions, and building them took tens of milliseconds each.
   */
  private readonly bodies = new LruMap<string, { contentType: string; body: string }>(48);

  constructor(private readonly repo: ContoursRepository) {}

  async contours(_actor: Actor, query: ContourQuery, ifNoneMatch?: string): Promise<ContourResponse> {
    const { niveau, region, departement, format, echelle, autour } = query;
    if (autour && niveau !== 'departement') {
      throw invalid('Le paramètre autour ne vaut que pour le niveau departement', {
        autour: 'réservé au niveau departement',
      });
    }
    if ((niveau === 'commune' || niveau === 'qpv') && !region && !departement) {
      const what = niveau === 'qpv' ? 'des quartiers prioritaires' : 'de toutes les communes';
      throw invalid(`Précisez une région ou un département : les contours ${what} sont trop lourds`, {
        departement: `région ou département requis pour le niveau ${niveau}`,
      });
    }
    const loadedAt = await this.repo.loadedAt();
    if (!loadedAt) {
      throw conflict(`Les contours administratifs ne sont pas chargés. Pour les ajouter : ${HOW_TO_LOAD}`);
    }
    const qpvLoadedAt = niveau === 'qpv' ? await this.repo.loadedAt('qpv') : null;
    if (niveau === 'qpv' && !qpvLoadedAt)
      throw conflict('Les quartiers prioritaires ne sont pas chargés : npm run odts -- reference import qpv');
    const etag = `"${createHash('sha1')
      .update(
        [
          loadedAt.toISOString(),
          qpvLoadedAt?.toISOString() ?? '',
          niveau,
          region ?? '',
          departement ?? '',
          format,
          echelle ?? '',
          autour ?? '',
        ].join('|'),
      )
      .digest('hex')
      .slice(0, 20)}"`;
    if (ifNoneMatch === etag) return { notModified: true, etag };
    const kept = this.bodies.get(etag);
    if (kept) return { notModified: false, etag, ...kept };

    if (!(await this.repo.hasLevel(niveau === 'qpv' ? 'commune' : niveau))) {
      throw conflict(
        `Les contours ${LEVEL_LABELS[niveau]} ne sont pas chargés. Pour les ajouter : ${HOW_TO_LOAD}`,
      );
    }
    if (region && !(await this.repo.regionExists(region))) {
      throw notFound(`Aucune région avec le code « ${region} »`);
    }
    for (const code of [departement, autour]) {
      if (code && !(await this.repo.departementExists(code))) {
        throw notFound(`Aucun département avec le code « ${code} »`);
      }
    }
    const all =
      niveau === 'qpv'
        ? await this.qpvRows({ region, departement })
        : await this.repo.rows(niveau, { region, departement });
    const rows = autour ? around(all, autour) : all;
    const lighten = echelle === 'france' ? FRANCE_SCALE_MIN_AREA : undefined;
    const written =
      format === 'topojson'
        ? { contentType: 'application/json; charset=utf-8', body: topojsonText(niveau, rows, lighten) }
        : { contentType: 'application/geo+json; charset=utf-8', body: geojsonText(niveau, rows, lighten) };
    this.bodies.set(etag, written);
    return { notModified: false, etag, ...written };
  }

  private async qpvRows(filter: { region?: string | undefined; departement?: string | undefined }) {
    const qpv = await this.repo.qpvRows(filter);
    const communes = await this.repo.qpvCommuneGeometries(qpv.filter((q) => !q.contour).map((q) => q.code));
    return qpvContourRows(qpv, communes);
  }
}
