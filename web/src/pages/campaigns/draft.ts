import type { CampaignInput } from '@domain/campaigns/schemas.ts';
import type { CampaignField, QuestionType } from '@domain/campaigns/vocabulary.ts';
import type { DynamicKind } from '@domain/registry/kinds.ts';
import type { Template } from './campaignApi.ts';
import { parseRecipientList, type RecipientListProblem, type TypedRecipient } from './recipientList.ts';

/** What the campaign form holds: fields as typed, choice options one per line. Type imports only. */

export interface QuestionDraft {
  /** Stable key of the row while it is edited and moved. */
  key: string;
  /** Identifier kept from a template; new questions get one from their wording. */
  id: string;
  libelle: string;
  type: QuestionType;
  options: string;
  obligatoire: boolean;
}

export type RecipientSource = 'registre' | 'liste';

export interface CampaignDraft {
  modele: string;
  nom: string;
  scope: 'region' | 'departements';
  region: string | null;
  departements: string[];
  types: DynamicKind[];
  champs: CampaignField[];
  questions: QuestionDraft[];
  ouverture: string;
  cloture: string;
  message: string;
  source: RecipientSource;
  recipientText: string;
}

let rows = 0;
export const newKey = () => `q${++rows}`;

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function emptyDraft(fields: readonly CampaignField[], today: string): CampaignDraft {
  return {
    modele: '',
    nom: '',
    scope: 'departements',
    region: null,
    departements: [],
    types: [],
    champs: [...fields],
    questions: [],
    ouverture: today,
    cloture: addDays(today, 30),
    message: '',
    source: 'registre',
    recipientText: '',
  };
}

/** A template fills kinds, fields, questions and message; scope, name and dates stay as typed. */
export function applyTemplate(d: CampaignDraft, t: Template): CampaignDraft {
  return {
    ...d,
    modele: t.id,
    types: [...t.types],
    champs: [...t.champs],
    questions: t.questions.map((q) => ({
      key: newKey(),
      id: q.id,
      libelle: q.libelle,
      type: q.type,
      options: q.options.join('\n'),
      obligatoire: q.obligatoire,
    })),
    message: t.message,
  };
}

export function isChoice(type: QuestionType): boolean {
  return type === 'choix' || type === 'choix_multiples';
}

/** `Nombre de professionnels` → `nombre_de_professionnels`, unique among `taken`. */
export function questionId(libelle: string, taken: Set<string>): string {
  const slug =
    libelle
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 36) || 'question';
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}_${n}`;
  taken.add(id);
  return id;
}

export interface PreparedInput {
  body: Partial<CampaignInput>;
  recipients: TypedRecipient[];
  problems: RecipientListProblem[];
}

/** The `POST /api/campagnes` body; without a typed list, the server takes the registry's contacts. */
export function inputFromDraft(d: CampaignDraft): PreparedInput {
  const taken = new Set(d.questions.map((q) => q.id).filter(Boolean));
  const questions = d.questions.map((q) => ({
    id: q.id || questionId(q.libelle, taken),
    libelle: q.libelle.trim(),
    type: q.type,
    options: isChoice(q.type)
      ? q.options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean)
      : [],
    obligatoire: q.obligatoire,
  }));
  const parsed =
    d.source === 'liste' ? parseRecipientList(d.recipientText) : { recipients: [], problems: [] };
  const body: Partial<CampaignInput> = {
    nom: d.nom.trim(),
    region: d.scope === 'region' ? d.region : null,
    departements: d.scope === 'departements' ? d.departements : [],
    types: d.types,
    champs: d.champs,
    questions,
    modele: d.modele || null,
    ouverture: d.ouverture,
    cloture: d.cloture,
    message: d.message.trim(),
    ...(d.source === 'liste' ? { destinataires: parsed.recipients } : {}),
  };
  return { body, recipients: parsed.recipients, problems: parsed.problems };
}

/** Anchor of the form field a server error path (`questions.2.options`, `departements.0`) belongs to. */
export function anchorOf(path: string): string {
  const [head = '', index, sub] = path.split('.');
  if (head === 'questions' && index !== undefined)
    return `question-${index}-${sub === 'options' ? 'options' : sub === 'type' ? 'type' : 'libelle'}`;
  if (head === 'destinataires') return 'champ-destinataires';
  return `champ-${head}`;
}
