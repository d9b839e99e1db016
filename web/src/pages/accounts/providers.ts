/**
 * What `GET /api/auth/fournisseurs` says about signing in with an identity provider (OpenID Connect):
 * whether it is on, and the name to show on its button. Read leniently, as an object either flat
 * (`{oidc: true, libelle}`) or nested (`{oidc: {actif, libelle}}`), so that the login page works with
 * every server that has the route and shows no button when the answer says nothing usable.
 */
export interface SignInProvider {
  label: string;
  /** Where the button leads: the server starts the provider's sign-in there. */
  href: string;
}

const LABEL_KEYS = ['libelle', 'label', 'nom'] as const;
const ON_KEYS = ['actif', 'active', 'enabled', 'oidc'] as const;

function text(o: Record<string, unknown>): string | null {
  for (const k of LABEL_KEYS) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readProvider(answer: unknown, returnTo: string): SignInProvider | null {
  if (!isObject(answer)) return null;
  const nested = isObject(answer.oidc) ? answer.oidc : null;
  const source = nested ?? answer;
  const flags = ON_KEYS.map((k) => source[k]).filter((v) => typeof v === 'boolean');
  // A provider described with a label and no flag at all is on; any false flag turns it off.
  const on = flags.length > 0 ? flags.every(Boolean) : nested !== null;
  if (!on) return null;
  const label = text(source) ?? text(answer) ?? 'le fournisseur d’identité';
  const href = `/api/auth/oidc${returnTo !== '/' ? `?retour=${encodeURIComponent(returnTo)}` : ''}`;
  return { label, href };
}
