import type { DynamicKind, EventType, LinkType, Status } from '@domain/registry/kinds.ts';
import type { DynamicInput } from '@domain/registry/schemas.ts';
import type { Dynamic } from '../../api/types.ts';

/** What the edit form holds: text fields as typed, lists as rows, the perimeter as it was entered. */

export type Carrier = NonNullable<DynamicInput['porteur']>;
export type CarrierType = Carrier['type'];

export interface EventRow {
  date: string;
  type: EventType;
  statut: Status | '';
  note: string;
}

export interface SourceRow {
  titre: string;
  url: string;
  consulte: string;
  passage: string;
}

/** A coordination post as typed: the FTE and the funders as text until saved. */
export interface CoordinationRow {
  intitule: string;
  etp: string;
  financeurs: string;
  debut: string;
  fin: string;
  vacant: boolean;
}

export interface ContactRow {
  nom: string;
  role: string;
  email: string;
  telephone: string;
  public: boolean;
}

/** A typed link to another dynamic; the target's name is only for display. */
export interface LinkRow {
  type: LinkType | '';
  cible: string;
  cibleNom: string;
  debut: string;
  fin: string;
}

export interface PerimeterDraft {
  communes: string[];
  epci: string[];
  departements: string[];
  qpv: string[];
}

export interface Draft {
  type: DynamicKind | '';
  nom: string;
  statut: Status | '';
  porteurNom: string;
  porteurType: CarrierType | '';
  porteurCode: string;
  dateDebut: string;
  dateFin: string;
  perimetre: PerimeterDraft;
  evenements: EventRow[];
  sources: SourceRow[];
  coordination: CoordinationRow[];
  contacts: ContactRow[];
  liens: LinkRow[];
  /** Fields the form does not edit, sent back unchanged so that saving never drops them. */
  kept: Pick<DynamicInput, 'signataires' | 'specifique' | 'verification'>;
}

/** Form fields, in the order the conflict screen lists them. */
export const DRAFT_FIELDS = [
  'type',
  'nom',
  'statut',
  'porteur',
  'dateDebut',
  'dateFin',
  'perimetre',
  'evenements',
  'sources',
  'coordination',
  'contacts',
  'liens',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export const EMPTY_DRAFT: Draft = {
  type: '',
  nom: '',
  statut: '',
  porteurNom: '',
  porteurType: '',
  porteurCode: '',
  dateDebut: '',
  dateFin: '',
  perimetre: { communes: [], epci: [], departements: [], qpv: [] },
  evenements: [],
  sources: [],
  coordination: [],
  contacts: [],
  liens: [],
  kept: { signataires: [], specifique: {}, verification: null },
};

type Presented = Dynamic & {
  perimetre: Dynamic['perimetre'] & { communesSaisies?: string[] };
  contacts?: DynamicInput['contacts'];
  specifique?: DynamicInput['specifique'];
};

/** The record as the API presents it, back into form fields (the perimeter as entered, not expanded). */
export function draftFromDynamic(d: Presented): Draft {
  return {
    type: d.type,
    nom: d.nom,
    // The stored status, not the one derived from events: a record with events keeps none.
    statut: d.evenements.length > 0 ? '' : (d.statutSaisi ?? ''),
    porteurNom: d.porteur?.nom ?? '',
    porteurType: d.porteur?.type ?? '',
    porteurCode: d.porteur?.code ?? '',
    dateDebut: d.dateDebut ?? '',
    dateFin: d.dateFin ?? '',
    perimetre: {
      communes: d.perimetre.communesSaisies ?? d.perimetre.communes,
      epci: d.perimetre.epci,
      departements: d.perimetre.departements,
      qpv: d.perimetre.qpv,
    },
    evenements: d.evenements.map((e) => ({
      date: e.date,
      type: e.type,
      statut: e.statut ?? '',
      note: e.note ?? '',
    })),
    sources: (d.sources ?? []).map((s) => ({
      titre: s.titre,
      url: s.url ?? '',
      consulte: s.consulte ?? '',
      passage: s.passage ?? '',
    })),
    coordination: d.coordination.map((c) => ({
      intitule: c.intitule,
      etp: c.etp === null || c.etp === undefined ? '' : String(c.etp).replace('.', ','),
      financeurs: (c.financeurs ?? []).join(', '),
      debut: c.debut ?? '',
      fin: c.fin ?? '',
      vacant: c.vacant ?? false,
    })),
    contacts: (d.contacts ?? []).map((c) => ({
      nom: c.nom,
      role: c.role ?? '',
      email: c.email ?? '',
      telephone: c.telephone ?? '',
      public: c.public ?? false,
    })),
    liens: d.liens.map((l) => ({
      type: l.type,
      cible: l.cible,
      cibleNom: '',
      debut: l.debut ?? '',
      fin: l.fin ?? '',
    })),
    kept: {
      signataires: d.signataires,
      specifique: d.specifique ?? {},
      // The last check travels with the record: leaving it out would erase it.
      verification: d.fraicheur?.verifieLe
        ? { date: d.fraicheur.verifieLe.slice(0, 10), par: d.fraicheur.verifiePar ?? '' }
        : null,
    },
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The body of POST / PUT. Empty optional fields become null; the server validates the rest. */
export function inputFromDraft(d: Draft): Record<string, unknown> {
  return {
    type: d.type || undefined,
    nom: d.nom,
    statut: d.statut || null,
    porteur:
      d.porteurNom.trim() || d.porteurType
        ? { nom: d.porteurNom, type: d.porteurType || undefined, code: orNull(d.porteurCode) }
        : null,
    perimetre: d.perimetre,
    dateDebut: orNull(d.dateDebut),
    dateFin: orNull(d.dateFin),
    evenements: d.evenements.map((e) => ({
      date: e.date,
      type: e.type,
      statut: e.statut || null,
      note: e.note,
    })),
    sources: d.sources.map((s) => ({
      titre: s.titre,
      url: orNull(s.url),
      consulte: orNull(s.consulte),
      passage: orNull(s.passage),
    })),
    coordination: d.coordination.map((c) => ({
      intitule: c.intitule,
      // French decimal comma accepted; anything else goes to the server, which names the field.
      etp: c.etp.trim() === '' ? null : Number(c.etp.trim().replace(',', '.')),
      financeurs: c.financeurs
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
      debut: orNull(c.debut),
      fin: orNull(c.fin),
      vacant: c.vacant,
    })),
    liens: d.liens.map((l) => ({
      type: l.type || undefined,
      cible: l.cible,
      debut: orNull(l.debut),
      fin: orNull(l.fin),
    })),
    signataires: d.kept.signataires,
    contacts: d.contacts.map((c) => ({
      nom: c.nom,
      role: orNull(c.role),
      email: orNull(c.email),
      telephone: orNull(c.telephone),
      public: c.public,
    })),
    specifique: d.kept.specifique,
    verification: d.kept.verification,
  };
}

/** One field's value, for comparing versions and showing them. */
export function fieldValue(d: Draft, field: DraftField): unknown {
  if (field === 'porteur')
    return d.porteurNom || d.porteurType
      ? { nom: d.porteurNom, type: d.porteurType, code: d.porteurCode }
      : null;
  // The target's name is display only: two drafts naming the same link the same way are equal.
  if (field === 'liens') return d.liens.map(({ cibleNom: _, ...l }) => l);
  return d[field];
}

function withField(target: Draft, source: Draft, field: DraftField): Draft {
  if (field === 'porteur')
    return {
      ...target,
      porteurNom: source.porteurNom,
      porteurType: source.porteurType,
      porteurCode: source.porteurCode,
    };
  return { ...target, [field]: source[field] };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields the user changed in `mine` since they loaded `base`. */
export function changedByUser(base: Draft, mine: Draft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => !same(fieldValue(base, f), fieldValue(mine, f)));
}

/** Fields someone else changed on the server since `base` was loaded. */
export function changedOnServer(base: Draft, current: Draft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => !same(fieldValue(base, f), fieldValue(current, f)));
}

/** The current version with the user's own changes put back on top: nothing else of theirs is taken. */
export function reapply(base: Draft, mine: Draft, current: Draft): Draft {
  return changedByUser(base, mine).reduce((d, f) => withField(d, mine, f), current);
}
