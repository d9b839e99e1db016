import type { Actor } from '../domain/actor.ts';
import { assertPermission } from '../domain/auth/permission.ts';
import { AppError, notFound } from '../domain/errors.ts';

export interface CampaignPlace {
  region: string | null | undefined;
  /** Région of each département of the campaign. */
  departementRegions: string[];
}

const inRegions = (actor: Actor, place: CampaignPlace): boolean => {
  if (actor.kind !== 'user' || actor.role === 'administrateur' || actor.regions.length === 0) return true;
  const regions = [place.region, ...place.departementRegions].filter((r): r is string => Boolean(r));
  return regions.length > 0 && regions.every((r) => actor.regions.includes(r));
};

/** A regional team runs campaigns inside its régions only; others need the permission. */
export function assertMayRunCampaign(actor: Actor, place: CampaignPlace): void {
  assertPermission(actor, 'campagnes');
  if (!inRegions(actor, place)) {
    throw new AppError(
      'forbidden',
      `Cette campagne sort de vos régions (${actor.kind === 'user' ? actor.regions.join(', ') : ''})`,
    );
  }
}

/** Another région's campaign is answered as unknown: its existence is not disclosed. */
export function assertMaySeeCampaign(actor: Actor, id: string, place: CampaignPlace): void {
  assertPermission(actor, 'campagnes');
  if (!inRegions(actor, place)) throw notFound(`Aucune campagne avec l’identifiant « ${id} »`);
}
