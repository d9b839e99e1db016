import type { ImportIssue } from '../../domain/kernel/import-issue.ts';
import type { DynamicKind } from '../../domain/registry/kinds.ts';
import type { SourcedRecord } from '../../domain/registry/source-sync.ts';
import type { CommuneIndex } from '../commune-index.ts';
import { finessCommuneToInsee, isOverseas } from './finess-commune.ts';
import { type FinessEstablishment, type FinessGeolocation, finessDate } from './finess-extraction.ts';
import { inLambert93Extent, lambert93ToWgs84 } from './lambert93.ts';

/** FINESS categories (`categetab`) the registry follows, and the kind each becomes. */
export const FINESS_CATEGORIES: Record<string, DynamicKind> = {
  '603': 'MSP', // Maison de santé (L.6223-3)
  '124': 'CDS', // Centre de Santé
  '604': 'CPTS', // Communautés professionnelles territoriales de santé (CPTS)
};
export const FINESS_KINDS: readonly DynamicKind[] = ['MSP', 'CDS', 'CPTS'];

export interface MappedEstablishments {
  records: SourcedRecord[];
  issues: ImportIssue[];
  /** Establishments placed on the map, and those whose coordinates are in a projection not handled. */
  points: number;
  withoutPoint: number;
}

/**
 * Establishments → records of the registry. The commune comes from departement + commune checked
 * against the reference (a merged commune goes to the one that absorbed it); the point from the
 * geolocation when it is in Lambert 93 (metropolitan France): overseas projections (UTM) are not
 * converted, those establishments have no point.
 */
export function mapEstablishments(
  establishments: FinessEstablishment[],
  geolocations: Map<string, FinessGeolocation>,
  communes: CommuneIndex,
): MappedEstablishments {
  const out: MappedEstablishments = { records: [], issues: [], points: 0, withoutPoint: 0 };
  for (const e of establishments) {
    const type = FINESS_CATEGORIES[e.categetab] as DynamicKind;
    const issue = (champ: string, message: string) => out.issues.push({ ligne: e.line, champ, message });
    if (!/^\d[0-9A-Z]\d{7}$/.test(e.nofinesset)) {
      issue('nofinesset', `numéro FINESS à 9 caractères attendu : « ${e.nofinesset} »`);
      continue;
    }
    const insee = finessCommuneToInsee(e.departement, e.commune);
    if ('error' in insee) {
      issue('commune', insee.error);
      continue;
    }
    const commune = communes.current(insee.code)?.code ?? communes.successor(insee.code)?.code;
    if (!commune) {
      issue('commune', `commune inconnue du référentiel : ${insee.code} (${e.ligneacheminement})`);
      continue;
    }
    const opened = e.dateouv ? finessDate(e.dateouv) : null;
    if (e.dateouv && !opened) issue('dateouv', `date d’ouverture illisible : « ${e.dateouv} »`);
    const geo = geolocations.get(e.nofinesset);
    let coordonnees: SourcedRecord['coordonnees'] = null;
    if (geo && !isOverseas(e.departement) && inLambert93Extent(geo.x, geo.y)) {
      coordonnees = lambert93ToWgs84(geo.x, geo.y);
      out.points += 1;
    } else if (geo) {
      out.withoutPoint += 1;
    }
    out.records.push({
      key: e.nofinesset,
      line: e.line,
      type,
      nom: e.rslongue || e.rs,
      // A CPTS's seat is not its perimeter: that stays to be entered.
      communes: type === 'CPTS' ? null : [commune],
      communeAdresse: commune,
      coordonnees,
      dateDebut: opened,
    });
  }
  return out;
}
