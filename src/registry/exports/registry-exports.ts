import type { Actor } from '../../domain/actor.ts';
import { conflict } from '../../domain/errors.ts';
import { STATUSES } from '../../domain/registry/kinds.ts';
import type { DynamicListQuery } from '../../domain/registry/schemas.ts';
import { toFrenchCsv } from '../../kernel/tabular/write-csv.ts';
import { toXlsx, XLSX_CONTENT_TYPE } from '../../kernel/tabular/write-xlsx.ts';
import type { PresentedDynamic } from '../registry.presenter.ts';
import type { RegistryService } from '../registry.service.ts';
import type { ContourSource } from './contour.repository.ts';
import { toFeatureCollection } from './geojson.ts';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** Same columns as the import template, so an export can be edited and re-imported. */
export const EXPORT_COLUMNS = [
  'id',
  'type',
  'nom',
  'statut',
  'communes',
  'epci',
  'departements',
  'qpv',
  'porteur',
  'dateDebut',
  'dateFin',
  'porteurType',
  'porteurCode',
  'statutALaDate',
  'verifieLe',
  'verifiePar',
  'source',
  'sourceUrl',
  // Last, so that a re-import refuses a row whose record was modified since the export.
  'version',
] as const;

/**
 * The `statut` column stays one the import takes back: a derived status (inconnu, échue) gives the
 * status as entered, or nothing for a record whose status comes from its events (kept on re-import).
 * `statutALaDate` tells the derived one; "mise à jour" is the last verification and the latest source.
 */
export function exportRow(d: PresentedDynamic): (string | null)[] {
  const declared = (STATUSES as readonly string[]).includes(d.statut ?? '') ? d.statut : d.statutSaisi;
  const source = d.sources.at(-1);
  return [
    d.id,
    d.type,
    d.nom,
    declared ?? '',
    d.perimetre.communesSaisies.join(','),
    d.perimetre.epci.join(','),
    d.perimetre.departements.join(','),
    d.perimetre.qpv.join(','),
    d.porteur?.nom ?? '',
    d.dateDebut,
    d.dateFin,
    d.porteur?.type ?? '',
    d.porteur?.code ?? '',
    d.statut ?? '',
    d.fraicheur.verifieLe,
    d.fraicheur.verifiePar ?? '',
    source?.titre ?? '',
    source?.url ?? '',
    String(d.version),
  ];
}

const PAGE = 1000;

export class RegistryExports {
  constructor(
    private readonly registry: RegistryService,
    private readonly contours?: ContourSource,
  ) {}

  /** Every matching record, page by page, whatever `page`/`limit` the caller gave. */
  async all(actor: Actor, query: DynamicListQuery): Promise<PresentedDynamic[]> {
    const out: PresentedDynamic[] = [];
    for (let page = 1; ; page++) {
      const res = await this.registry.list(actor, { ...query, page, limit: PAGE });
      out.push(...res.items);
      if (out.length >= res.total || res.items.length === 0) return out;
    }
  }

  async export(actor: Actor, query: DynamicListQuery): Promise<ExportFile> {
    const stamp = query.date ?? new Date().toISOString().slice(0, 10);
    const filename = `dynamiques-${stamp}.${query.format}`;
    if (query.format === 'geojson') {
      // Checked first: a missing layer should not cost a full read of the registry.
      if (!this.contours || !(await this.contours.available())) throw missingContours();
      const collection = await toFeatureCollection(await this.all(actor, query), this.contours);
      return { filename, contentType: 'application/geo+json', body: JSON.stringify(collection) };
    }
    const rows = (await this.all(actor, query)).map(exportRow);
    if (query.format === 'xlsx') {
      const body = await toXlsx([{ name: 'Dynamiques', header: [...EXPORT_COLUMNS], rows }]);
      return { filename, contentType: XLSX_CONTENT_TYPE, body };
    }
    return {
      filename,
      contentType: 'text/csv; charset=utf-8',
      body: toFrenchCsv([...EXPORT_COLUMNS], rows),
    };
  }
}

function missingContours() {
  return conflict(
    'Export GeoJSON impossible : les contours administratifs ne sont pas chargés. ' +
      'Chargez-les avec « npm run odts -- reference import contours FICHIER » (fichier GeoJSON ou TopoJSON), ' +
      'puis relancez l’export.',
  );
}
