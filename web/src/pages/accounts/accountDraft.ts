/** The parts of an account answer the form reads (kept structural: this module is pure and tested alone). */
interface AccountFields {
  email: string;
  nom: string;
  role: string;
  regions: string[];
  dynamiques: string[];
  actif: boolean;
}

/** What the account form edits; the e-mail and the password only at creation. */
export interface AccountDraft {
  email: string;
  nom: string;
  role: string;
  regions: string[];
  /** Dynamics a coordinator edits, one id per line in the form. */
  dynamiques: string;
  actif: boolean;
  motDePasse: string;
}

export const EMPTY_ACCOUNT: AccountDraft = {
  email: '',
  nom: '',
  role: 'coordinateur',
  regions: [],
  dynamiques: '',
  actif: true,
  motDePasse: '',
};

export function draftOf(a: AccountFields): AccountDraft {
  return {
    email: a.email,
    nom: a.nom,
    role: a.role,
    regions: [...a.regions],
    dynamiques: a.dynamiques.join('\n'),
    actif: a.actif,
    motDePasse: '',
  };
}

export function dynamicIds(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The body of POST /api/utilisateurs: only coordinators carry dynamics, an empty password is none. */
export function creationBody(d: AccountDraft) {
  return {
    email: d.email.trim(),
    nom: d.nom.trim(),
    role: d.role,
    regions: d.regions,
    dynamiques: d.role === 'coordinateur' ? dynamicIds(d.dynamiques) : [],
    ...(d.motDePasse ? { motDePasse: d.motDePasse } : {}),
  };
}

/** The body of PUT /api/utilisateurs/{id}. */
export function updateBody(d: AccountDraft) {
  return {
    nom: d.nom.trim(),
    role: d.role,
    regions: d.regions,
    dynamiques: d.role === 'coordinateur' ? dynamicIds(d.dynamiques) : [],
    actif: d.actif,
  };
}

/** The parts of an account an administrator edits, compared in a conflict. */
export const ACCOUNT_PARTS = {
  nom: 'Nom',
  role: 'Rôle',
  regions: 'Régions',
  dynamiques: 'Dynamiques',
  actif: 'État',
} as const;
export type AccountPart = keyof typeof ACCOUNT_PARTS;

export function partText(d: AccountDraft, part: AccountPart, roleLabel: (r: string) => string): string {
  switch (part) {
    case 'nom':
      return d.nom || '—';
    case 'role':
      return roleLabel(d.role);
    case 'regions':
      return d.regions.join(', ') || 'aucune';
    case 'dynamiques':
      return dynamicIds(d.dynamiques).join(', ') || 'aucune';
    case 'actif':
      return d.actif ? 'actif' : 'désactivé';
  }
}

/** Parts that differ between two versions of the form. */
export function changedParts(a: AccountDraft, b: AccountDraft): Set<AccountPart> {
  const same = (p: AccountPart) => partText(a, p, String) === partText(b, p, String);
  return new Set((Object.keys(ACCOUNT_PARTS) as AccountPart[]).filter((p) => !same(p)));
}

/** My changes carried onto the version saved meanwhile (the rest stays as saved). */
export function reapply(mine: AccountDraft, original: AccountDraft, current: AccountDraft): AccountDraft {
  const next = { ...current, email: mine.email };
  for (const p of changedParts(original, mine)) {
    if (p === 'regions') next.regions = [...mine.regions];
    else if (p === 'actif') next.actif = mine.actif;
    else next[p] = mine[p];
  }
  return next;
}

/** The server's message for a field, its first item's message for a list (`regions.1`). */
export function fieldError(champs: Record<string, string>, field: string): string | undefined {
  if (champs[field]) return champs[field];
  const key = Object.keys(champs).find((k) => k.startsWith(`${field}.`));
  return key ? champs[key] : undefined;
}
