import { columnOfPath } from '@domain/actions/import-columns.ts';
import type { ActionOut } from '@domain/actions/responses.ts';

/** An action as the form edits it: texts as typed, codes of the territory separated by commas. */
export interface ActionDraft {
  type: string;
  titre: string;
  resume: string;
  communes: string;
  epci: string;
  quartiers: string;
  echelle: string;
  milieu: string;
  qpv: '' | 'oui' | 'non';
  impliqueVille: '' | 'oui' | 'non';
  publics: string[];
  politiques: string[];
  axesOttawa: string[];
  etapes: string[];
  themes: string[];
  determinants: string[];
  dynamiques: { id: string; role: string }[];
  financeurs: { type: string; nom: string; montant: string }[];
  partenaires: { nom: string; type: string }[];
  debut: string;
  fin: string;
  evaluation: string;
  resultats: string;
  ressources: string;
}
export type DraftField = keyof ActionDraft;

export const EMPTY_ACTION_DRAFT: ActionDraft = {
  type: 'fiche_action',
  titre: '',
  resume: '',
  communes: '',
  epci: '',
  quartiers: '',
  echelle: '',
  milieu: '',
  qpv: '',
  impliqueVille: '',
  publics: [],
  politiques: [],
  axesOttawa: [],
  etapes: [],
  themes: [],
  determinants: [],
  dynamiques: [],
  financeurs: [],
  partenaires: [],
  debut: '',
  fin: '',
  evaluation: '',
  resultats: '',
  ressources: '',
};
export const DRAFT_FIELDS = Object.keys(EMPTY_ACTION_DRAFT) as DraftField[];

const yesNo = (b: boolean): 'oui' | 'non' => (b ? 'oui' : 'non');

export function draftFromAction(a: ActionOut): ActionDraft {
  return {
    type: a.type,
    titre: a.titre,
    resume: a.resume ?? '',
    communes: a.territoire.communes.join(', '),
    epci: a.territoire.epci.join(', '),
    quartiers: a.territoire.qpv.join(', '),
    echelle: a.echelle ?? '',
    milieu: a.milieu ?? '',
    qpv: yesNo(a.qpv),
    impliqueVille: yesNo(a.impliqueVille),
    publics: a.publics,
    politiques: a.politiques,
    axesOttawa: a.axesOttawa,
    etapes: a.etapes,
    themes: a.themes,
    determinants: a.determinants,
    dynamiques: a.dynamiques.map((d) => ({ id: d.id, role: d.role })),
    financeurs: a.financeurs.map((f) => ({
      type: f.type,
      nom: f.nom ?? '',
      montant: f.montant === null ? '' : String(f.montant),
    })),
    partenaires: a.partenaires.map((p) => ({ nom: p.nom, type: p.type ?? '' })),
    debut: a.debut ?? '',
    fin: a.fin ?? '',
    evaluation: a.evaluation ?? '',
    resultats: a.resultats ?? '',
    ressources: a.ressources.join(', '),
  };
}

const codes = (s: string) =>
  s
    .split(/[,;\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);
const orNull = (s: string) => (s.trim() ? s.trim() : null);
const bool = (v: '' | 'oui' | 'non') => (v === '' ? null : v === 'oui');

/** The API input of a draft; what the form leaves empty is left for the server to derive or refuse. */
export function inputFromDraft(d: ActionDraft) {
  return {
    type: d.type,
    titre: d.titre,
    resume: orNull(d.resume),
    territoire: { communes: codes(d.communes), epci: codes(d.epci), qpv: codes(d.quartiers) },
    echelle: orNull(d.echelle),
    milieu: orNull(d.milieu),
    qpv: bool(d.qpv),
    impliqueVille: bool(d.impliqueVille),
    publics: d.publics,
    politiques: d.politiques,
    axesOttawa: d.axesOttawa,
    etapes: d.etapes,
    themes: d.themes,
    determinants: d.determinants,
    dynamiques: d.dynamiques.filter((x) => x.id.trim()),
    financeurs: d.financeurs.map((f) => ({
      type: f.type,
      nom: orNull(f.nom),
      // A typed amount that is not a number is sent as typed: the server names the field.
      montant:
        f.montant.trim() === ''
          ? null
          : Number.isNaN(Number(f.montant.replace(',', '.')))
            ? f.montant
            : Number(f.montant.replace(',', '.')),
    })),
    partenaires: d.partenaires.map((p) => ({ nom: p.nom, type: orNull(p.type) })),
    debut: orNull(d.debut),
    fin: orNull(d.fin),
    evaluation: orNull(d.evaluation),
    resultats: orNull(d.resultats),
    ressources: codes(d.ressources),
  };
}

/** The form field a server path belongs to (`territoire.qpv.0` → `quartiers`, `financeurs.1.nom` → `financeurs`). */
export const fieldOfPath = (path: string): string => columnOfPath(path);

const same = (a: ActionDraft, b: ActionDraft, f: DraftField) => JSON.stringify(a[f]) === JSON.stringify(b[f]);
export const changedFields = (from: ActionDraft, to: ActionDraft) =>
  DRAFT_FIELDS.filter((f) => !same(from, to, f));

/** The user's own changes (since `base`) applied over the version saved meanwhile. */
export function reapply(base: ActionDraft, mine: ActionDraft, current: ActionDraft): ActionDraft {
  const out = { ...current };
  for (const f of changedFields(base, mine)) (out as Record<DraftField, unknown>)[f] = mine[f];
  return out;
}
