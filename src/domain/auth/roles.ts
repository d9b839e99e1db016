import type { Actor } from '../actor.ts';

/** Roles of accounts and tokens (API.md, Accounts). Anonymous callers are « visiteurs ». */
export const ROLES = ['coordinateur', 'equipe_regionale', 'documentaliste', 'administrateur'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  coordinateur: 'Coordinateur ou coordinatrice',
  equipe_regionale: 'Équipe régionale',
  documentaliste: 'Documentaliste',
  administrateur: 'Administrateur ou administratrice',
};

/**
 * What a route or an operation requires. Scopes narrow some of them further in the services: a coordinator
 * edits only the dynamics attached to the account, a regional team only within its régions.
 */
export const PERMISSIONS = {
  registre: 'modifier les dynamiques du registre',
  import_registre: 'importer des fichiers de dynamiques',
  lots: 'annuler des lots de modifications',
  ressources: 'modifier le centre de ressources (notices, glossaire, sélections)',
  actions: 'saisir et modifier des actions et expériences',
  campagnes: 'lancer et suivre des campagnes de recensement, examiner et fusionner les réponses',
  comptes: 'gérer les comptes et les jetons',
  audit: 'consulter le journal des modifications',
  sauvegarde: 'télécharger une sauvegarde complète de la base',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const GRANTS: Record<Role, readonly Permission[]> = {
  coordinateur: ['registre', 'actions'],
  equipe_regionale: ['registre', 'import_registre', 'lots', 'audit', 'actions', 'campagnes'],
  documentaliste: ['ressources'],
  administrateur: Object.keys(PERMISSIONS) as Permission[],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether the actor holds a permission at all (scopes are checked where the record is known). */
export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  return isRole(actor.role) && GRANTS[actor.role].includes(permission);
}

/** Roles that hold a permission, for messages and the documentation. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => GRANTS[r].includes(permission));
}
