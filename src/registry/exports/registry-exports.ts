import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { DynamicListQuery } from '../../domain/registry/schemas.ts';
import type { PresentedDynamic } from '../registry.presenter.ts';
import type { RegistryService } from '../registry.service.ts';
import { toFrenchCsv } from './csv.ts';

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
] as const;

export function exportRow(d: PresentedDynamic): (string | null)[] {
  return [
    d.id,
    d.type,
    d.nom,
    d.statut,
    d.perimetre.communesSaisies.join(','),
    d.perimetre.epci.join(','),
    d.perimetre.departements.join(','),
    d.perimetre.qpv.join(','),
    d.porteur?.nom ?? '',
    d.dateDebut,
    d.dateFin,
  ];
}

const PAGE = 1000;

export class RegistryExports {
  constructor(private readonly registry: RegistryService) {}

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
    if (query.format === 'csv') {
      const items = await this.all(actor, query);
      return {
        filename: `dynamiques-${stamp}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: toFrenchCsv([...EXPORT_COLUMNS], items.map(exportRow)),
      };
    }
    throw new AppError('unavailable', `Export au format ${query.format} pas encore disponible`);
  }
}
