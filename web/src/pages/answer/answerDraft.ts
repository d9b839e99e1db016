import type { RecipientForm } from '@domain/campaigns/responses.ts';
import type { CampaignQuestion } from '@domain/campaigns/schemas.ts';
import type { AnswerDecision, CampaignField } from '@domain/campaigns/vocabulary.ts';
import type { DynamicKind, Status } from '@domain/registry/kinds.ts';
import type { DynamicInput } from '@domain/registry/schemas.ts';
import type { ContactRow, CoordinationRow, PerimeterDraft } from '../edit/draft.ts';

/** What the recipient's form holds for one of their dynamics: text as typed, fields they touched. */
export interface DynamicDraft {
  id: string;
  decision: AnswerDecision | '';
  arret: string;
  commentaire: string;
  nom: string;
  statut: Status | '';
  statutDate: string;
  porteurNom: string;
  porteurType: string;
  dateDebut: string;
  dateFin: string;
  perimetre: PerimeterDraft;
  coordination: CoordinationRow[];
  contacts: ContactRow[];
  /** Only the fields changed by the person are proposed: the others stay as the registry has them. */
  touched: CampaignField[];
}

export interface NewDynamicDraft {
  type: DynamicKind | '';
  nom: string;
  statut: Status | '';
  statutDate: string;
  perimetre: PerimeterDraft;
  contactNom: string;
  contactEmail: string;
}

export type QuestionValue = string | string[];

export interface AnswerDraft {
  dynamiques: DynamicDraft[];
  nouvelles: NewDynamicDraft[];
  questions: Record<string, QuestionValue>;
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

const coordinationRows = (posts: DynamicInput['coordination']): CoordinationRow[] =>
  posts.map((c) => ({
    intitule: c.intitule,
    etp: c.etp === null || c.etp === undefined ? '' : String(c.etp).replace('.', ','),
    financeurs: (c.financeurs ?? []).join(', '),
    debut: c.debut ?? '',
    fin: c.fin ?? '',
    vacant: c.vacant ?? false,
  }));

const contactRows = (contacts: DynamicInput['contacts']): ContactRow[] =>
  contacts.map((c) => ({
    nom: c.nom,
    role: c.role ?? '',
    email: c.email ?? '',
    telephone: c.telephone ?? '',
    public: c.public ?? false,
  }));

type Stored = {
  dynamiques?: {
    id: string;
    decision: AnswerDecision;
    arret?: string | null;
    commentaire?: string | null;
    proposition?: Record<string, unknown>;
  }[];
  nouvelles?: {
    type: DynamicKind;
    nom: string;
    statut: { valeur: Status; date: string };
    perimetre: PerimeterDraft;
    contacts?: DynamicInput['contacts'];
  }[];
  questions?: Record<string, unknown>;
};

/** The form as the registry has each record, then what the person saved earlier on top of it. */
export function draftFrom(form: RecipientForm): AnswerDraft {
  const stored = (form.reponse ?? {}) as Stored;
  const dynamiques = form.dynamiques.map((d): DynamicDraft => {
    const doc = d.fiche as unknown as DynamicInput;
    const base: DynamicDraft = {
      id: d.id,
      decision: '',
      arret: '',
      commentaire: '',
      nom: doc.nom,
      statut: doc.statut ?? '',
      statutDate: todayIso(),
      porteurNom: doc.porteur?.nom ?? '',
      porteurType: doc.porteur?.type ?? '',
      dateDebut: doc.dateDebut ?? '',
      dateFin: doc.dateFin ?? '',
      perimetre: {
        communes: doc.perimetre?.communes ?? [],
        epci: doc.perimetre?.epci ?? [],
        departements: doc.perimetre?.departements ?? [],
        qpv: doc.perimetre?.qpv ?? [],
      },
      coordination: coordinationRows(doc.coordination ?? []),
      contacts: contactRows(doc.contacts ?? []),
      touched: [],
    };
    const saved = stored.dynamiques?.find((x) => x.id === d.id);
    if (!saved) return base;
    const p = (saved.proposition ?? {}) as Partial<DynamicInput> & {
      statut?: { valeur: Status; date: string };
    };
    return {
      ...base,
      decision: saved.decision,
      arret: saved.arret ?? '',
      commentaire: saved.commentaire ?? '',
      ...(p.nom !== undefined ? { nom: p.nom } : {}),
      ...(p.statut ? { statut: p.statut.valeur, statutDate: p.statut.date } : {}),
      ...(p.porteur ? { porteurNom: p.porteur.nom, porteurType: p.porteur.type } : {}),
      ...(p.dateDebut !== undefined ? { dateDebut: p.dateDebut ?? '' } : {}),
      ...(p.dateFin !== undefined ? { dateFin: p.dateFin ?? '' } : {}),
      ...(p.perimetre ? { perimetre: p.perimetre as PerimeterDraft } : {}),
      ...(p.coordination ? { coordination: coordinationRows(p.coordination) } : {}),
      ...(p.contacts ? { contacts: contactRows(p.contacts) } : {}),
      touched: Object.keys(p) as CampaignField[],
    };
  });
  const nouvelles = (stored.nouvelles ?? []).map(
    (n): NewDynamicDraft => ({
      type: n.type,
      nom: n.nom,
      statut: n.statut.valeur,
      statutDate: n.statut.date,
      perimetre: n.perimetre,
      contactNom: n.contacts?.[0]?.nom ?? '',
      contactEmail: n.contacts?.[0]?.email ?? '',
    }),
  );
  const questions: Record<string, QuestionValue> = {};
  for (const [k, v] of Object.entries(stored.questions ?? {})) {
    if (Array.isArray(v)) questions[k] = v.map(String);
    else if (v !== null && v !== undefined) questions[k] = String(v);
  }
  return { dynamiques, nouvelles, questions };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function proposition(d: DynamicDraft, champs: readonly CampaignField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of d.touched) {
    if (!champs.includes(f)) continue;
    if (f === 'nom') out.nom = d.nom;
    if (f === 'statut' && d.statut) out.statut = { valeur: d.statut, date: d.statutDate };
    if (f === 'porteur')
      out.porteur = d.porteurNom.trim() ? { nom: d.porteurNom, type: d.porteurType || undefined } : null;
    if (f === 'dateDebut') out.dateDebut = orNull(d.dateDebut);
    if (f === 'dateFin') out.dateFin = orNull(d.dateFin);
    if (f === 'perimetre') out.perimetre = d.perimetre;
    if (f === 'coordination')
      out.coordination = d.coordination.map((c) => ({
        intitule: c.intitule,
        etp: c.etp.trim() === '' ? null : Number(c.etp.trim().replace(',', '.')),
        financeurs: c.financeurs
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
        debut: orNull(c.debut),
        fin: orNull(c.fin),
        vacant: c.vacant,
      }));
    if (f === 'contacts')
      out.contacts = d.contacts.map((c) => ({
        nom: c.nom,
        role: orNull(c.role),
        email: orNull(c.email),
        telephone: orNull(c.telephone),
        public: c.public,
      }));
  }
  return out;
}

function questionValue(q: CampaignQuestion, v: QuestionValue | undefined): unknown {
  if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
  if (q.type === 'nombre' && typeof v === 'string') {
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) ? n : v;
  }
  return v;
}

/** The body of `PUT /api/reponses/{token}`; the server checks it and names each problem. */
export function inputFrom(draft: AnswerDraft, form: RecipientForm, soumettre: boolean) {
  return {
    dynamiques: draft.dynamiques
      .filter((d) => d.decision)
      .map((d) => ({
        id: d.id,
        decision: d.decision,
        proposition: d.decision === 'corrigee' ? proposition(d, form.campagne.champs) : {},
        arret: d.decision === 'arretee' ? orNull(d.arret) : null,
        commentaire: orNull(d.commentaire),
      })),
    nouvelles: draft.nouvelles.map((n) => ({
      type: n.type || undefined,
      nom: n.nom,
      statut: { valeur: n.statut || undefined, date: n.statutDate },
      perimetre: n.perimetre,
      contacts: n.contactNom.trim()
        ? [{ nom: n.contactNom, email: orNull(n.contactEmail), public: false }]
        : [],
    })),
    questions: Object.fromEntries(
      form.campagne.questions.map((q) => [q.id, questionValue(q, draft.questions[q.id])]),
    ),
    soumettre,
  };
}
