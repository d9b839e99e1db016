import type { Permission } from '../domain/auth/roles.ts';

/** Anyone may call it, account or not (reads, and POSTs that write nothing). */
export const PUBLIC = 'public';
/** Any signed-in account or token, whatever its role. */
export const SIGNED_IN = 'connecte';
export type RouteRule = Permission | typeof PUBLIC | typeof SIGNED_IN;

/**
 * What every API route that is not a plain public read requires, keyed by `METHOD /path` as Fastify
 * registers it. The application refuses to start when a write route is missing here, so a new route
 * cannot be left open by omission; `test/integration/auth-matrix.test.ts` probes every entry with every role.
 * Services check scopes further (a coordinator's own dynamics, a regional team's régions).
 */
export const ROUTE_RULES: Record<string, RouteRule> = {
  'POST /api/dynamiques': 'registre',
  'PUT /api/dynamiques/:id': 'registre',
  'DELETE /api/dynamiques/:id': 'registre',
  'POST /api/dynamiques/:id/auto-evaluations': 'registre',
  'PUT /api/dynamiques/:id/cycle': 'registre',
  'POST /api/imports/dynamiques': 'import_registre',
  'POST /api/imports/finess': 'import_registre',
  'POST /api/lots/:id/annuler': 'lots',
  'POST /api/ressources': 'ressources',
  'PUT /api/ressources/:id': 'ressources',
  'DELETE /api/ressources/:id': 'ressources',
  'POST /api/ressources/doublons': 'ressources',
  'GET /api/ressources/doublons': 'ressources',
  'POST /api/ressources/fusion': 'ressources',
  'POST /api/imports/ressources': 'ressources',
  'POST /api/glossaire': 'ressources',
  'PUT /api/glossaire/:sigle': 'ressources',
  'DELETE /api/glossaire/:sigle': 'ressources',
  'POST /api/selections': 'ressources',
  'PUT /api/selections/:id': 'ressources',
  'DELETE /api/selections/:id': 'ressources',
  'POST /api/selections/apercu': 'ressources',
  'POST /api/actions': 'actions',
  'PUT /api/actions/:id': 'actions',
  'DELETE /api/actions/:id': 'actions',
  'POST /api/imports/actions': 'actions',
  'POST /api/territoires/perimetre/profil': PUBLIC,
  'POST /api/auth/connexion': PUBLIC,
  'POST /api/auth/deconnexion': PUBLIC,
  'GET /api/moi': SIGNED_IN,
  'PUT /api/moi/mot-de-passe': SIGNED_IN,
  'GET /api/utilisateurs': 'comptes',
  'POST /api/utilisateurs': 'comptes',
  'GET /api/utilisateurs/:id': 'comptes',
  'PUT /api/utilisateurs/:id': 'comptes',
  'GET /api/jetons': 'comptes',
  'POST /api/jetons': 'comptes',
  'DELETE /api/jetons/:id': 'comptes',
  'GET /api/audit': 'audit',
  'POST /api/auth/mot-de-passe-oublie': PUBLIC,
  'POST /api/auth/reinitialisation': PUBLIC,
  'GET /api/auth/fournisseurs': PUBLIC,
  'GET /api/auth/oidc': PUBLIC,
  'GET /api/auth/oidc/retour': PUBLIC,
  'GET /api/utilisateurs/:id/donnees': 'comptes',
  'GET /api/moi/donnees': SIGNED_IN,
  'POST /api/personnes/effacement': 'comptes',
  // Each kind's own permission (registre, ressources…) is checked by the restore service.
  'POST /api/historique/:entite/:id/restaurer': SIGNED_IN,
  'GET /api/sauvegarde': 'sauvegarde',
  'GET /api/campagnes': 'campagnes',
  'GET /api/campagnes/modeles': 'campagnes',
  'POST /api/campagnes': 'campagnes',
  'GET /api/campagnes/:id': 'campagnes',
  'POST /api/campagnes/:id/destinataires': 'campagnes',
  'GET /api/campagnes/:id/destinataires': 'campagnes',
  'POST /api/campagnes/:id/envoyer': 'campagnes',
  'POST /api/campagnes/:id/relancer': 'campagnes',
  'GET /api/campagnes/:id/suivi': 'campagnes',
  'GET /api/campagnes/:id/reponses': 'campagnes',
  'GET /api/campagnes/:id/export': 'campagnes',
  'GET /api/campagnes/:id/reponses/:proposition': 'campagnes',
  'POST /api/campagnes/:id/reponses/:proposition/decision': 'campagnes',
  'POST /api/campagnes/:id/decomptes': 'campagnes',
  'GET /api/campagnes/:id/destinataires/:destinataire/message': 'campagnes',
  'GET /api/boite-envoi': 'comptes',
  'GET /api/boite-envoi/:fichier': 'comptes',
  // Recipients answer with their personal link, without an account; the link is checked by the service.
  'PUT /api/reponses/:token': PUBLIC,
};

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const routeKey = (method: string, url: string) => `${method} ${url}`;

/** The rule of a route: listed, or public for reads; null for an unlisted write (a start-up error). */
export function ruleOf(method: string, url: string): RouteRule | null {
  const listed = ROUTE_RULES[routeKey(method, url)];
  if (listed) return listed;
  return READ_METHODS.has(method) ? PUBLIC : null;
}
