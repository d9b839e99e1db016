import { createHash } from 'node:crypto';
import type { Actor } from '../domain/actor.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { ContourQuery } from '../domain/territories/contour-schemas.ts';
import { geojsonText, topojsonText } from './contours.presenter.ts';
import type { ContoursRepository } from './contours.repository.ts';

const LEVEL_LABELS = {
  region: 'des régions',
  departement: 'des départements',
  epci: 'des EPCI',
  commune: 'des communes',
} as const;

const HOW_TO_LOAD = 'npm run odts -- reference import contours [FICHIER|URL]';

export type ContourResponse =
  | { notModified: true; etag: string }
  | { notModified: false; etag: string; contentType: string; body: string };

/**
 * Contours for maps, one level at a time. Communes are only served for a région or a département: all
 * of France weighs several megabytes, which no map view needs at once.
 */
export class ContoursService {
  constructor(private readonly repo: ContoursRepository) {}

  async contours(_actor: Actor, query: ContourQuery, ifNoneMatch?: string): Promise<ContourResponse> {
    const { niveau, region, departement, format } = query;
    if (niveau === 'commune' && !region && !departement) {
      throw invalid(
        'Précisez une région ou un département : les contours de toutes les communes sont trop lourds',
        {
          departement: 'région ou département requis pour le niveau commune',
        },
      );
    }
    const loadedAt = await this.repo.loadedAt();
    if (!loadedAt) {
      throw conflict(`Les contours administratifs ne sont pas chargés. Pour les ajouter : ${HOW_TO_LOAD}`);
    }
    const etag = `"${createHash('sha1')
      .update([loadedAt.toISOString(), niveau, region ?? '', departement ?? '', format].join('|'))
      .digest('hex')
      .slice(0, 20)}"`;
    if (ifNoneMatch === etag) return { notModified: true, etag };

    if (!(await this.repo.hasLevel(niveau))) {
      throw conflict(
        `Les contours ${LEVEL_LABELS[niveau]} ne sont pas chargés. Pour les ajouter : ${HOW_TO_LOAD}`,
      );
    }
    if (region && !(await this.repo.regionExists(region))) {
      throw notFound(`Aucune région avec le code « ${region} »`);
    }
    if (departement && !(await this.repo.departementExists(departement))) {
      throw notFound(`Aucun département avec le code « ${departement} »`);
    }
    const rows = await this.repo.rows(niveau, { region, departement });
    return format === 'topojson'
      ? {
          notModified: false,
          etag,
          contentType: 'application/json; charset=utf-8',
          body: topojsonText(niveau, rows),
        }
      : {
          notModified: false,
          etag,
          contentType: 'application/geo+json; charset=utf-8',
          body: geojsonText(niveau, rows),
        };
  }
}
