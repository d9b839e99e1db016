import type { CampaignOut } from '../domain/campaigns/responses.ts';
import type { CampaignInput } from '../domain/campaigns/schemas.ts';
import type { CampaignState } from '../domain/campaigns/vocabulary.ts';
import type { CampaignRow } from './campaign.repository.ts';

/** The campaign as stored: what was created, without the recipients (they have their own table). */
export type CampaignDoc = Omit<CampaignInput, 'destinataires'> & {
  /** Région of each département, fixed at creation: scopes are checked without the reference. */
  regionsDepartements: string[];
};

export const docOf = (row: CampaignRow) => row.document as CampaignDoc;

/** Closed once its closing day has passed, whatever was stored. */
export function stateOf(row: CampaignRow, today: string): CampaignState {
  if (docOf(row).cloture < today) return 'close';
  return row.etat === 'envoyee' ? 'envoyee' : 'brouillon';
}

export function presentCampaign(
  row: CampaignRow,
  today: string,
  extra: { destinataires: number; sans?: CampaignOut['dynamiquesSansDestinataire'] },
): CampaignOut {
  const d = docOf(row);
  return {
    id: row.id,
    nom: row.nom,
    region: d.region ?? null,
    departements: d.departements,
    types: d.types,
    champs: d.champs,
    questions: d.questions,
    modele: d.modele ?? null,
    ouverture: d.ouverture,
    cloture: d.cloture,
    message: d.message,
    etat: stateOf(row, today),
    creePar: row.cree_par,
    creeLe: row.cree_le.toISOString(),
    envoyeeLe: row.envoyee_le?.toISOString() ?? null,
    version: row.version,
    destinataires: extra.destinataires,
    dynamiquesSansDestinataire: extra.sans ?? [],
  };
}

export const iso = (d: Date | null) => d?.toISOString() ?? null;
