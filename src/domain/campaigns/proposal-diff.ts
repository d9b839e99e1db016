import type { Status } from '../registry/kinds.ts';
import type { DynamicInput } from '../registry/schemas.ts';
import { statusEventType } from '../registry/status-change.ts';
import { statusAt } from '../registry/timeline.ts';
import type { FieldDiff } from './responses.ts';
import type { NewDynamicAnswer, ProposedFields } from './schemas.ts';
import { CAMPAIGN_FIELD_LABELS, type CampaignField } from './vocabulary.ts';

/** How a record stood, as a campaign shows and compares it. */
export interface RecordView {
  doc: DynamicInput;
  /** Day the record was entered: dates a declared status nothing else dates. */
  recordedOn: string;
}

/** Value of one campaign field in a record; the status is the one in force `today`. */
export function registryValue(view: RecordView, field: CampaignField, today: string): unknown {
  const d = view.doc;
  switch (field) {
    case 'statut':
      return { valeur: statusAt(d, today, view.recordedOn) };
    case 'porteur':
      return d.porteur ?? null;
    case 'dateDebut':
      return d.dateDebut ?? null;
    case 'dateFin':
      return d.dateFin ?? null;
    default:
      return d[field];
  }
}

/** Order-insensitive where order carries no meaning (perimeter codes), so that a re-sorted list is no change. */
function canonical(field: CampaignField, value: unknown): string {
  if (value === undefined) return 'undefined';
  if (field === 'statut') return JSON.stringify((value as { valeur?: unknown } | null)?.valeur ?? null);
  if (field === 'perimetre' && value && typeof value === 'object') {
    const p = value as Record<string, string[] | undefined>;
    return JSON.stringify(['communes', 'epci', 'departements', 'qpv'].map((k) => [...(p[k] ?? [])].sort()));
  }
  return JSON.stringify(value, (_k, v) => (v === undefined ? null : v));
}

export function sameValue(field: CampaignField, a: unknown, b: unknown): boolean {
  return canonical(field, a) === canonical(field, b);
}

/**
 * Field by field: what the recipient saw, what they propose and what the registry holds now. A field
 * the recipient left alone is not a change; a field the registry changed after the form was opened is
 * flagged so that the reviewer does not undo someone else's edit unknowingly.
 */
export function diffProposal(
  fields: readonly CampaignField[],
  base: RecordView,
  current: RecordView,
  proposed: ProposedFields,
  today: string,
): FieldDiff[] {
  return fields.map((champ) => {
    const before = registryValue(base, champ, today);
    const now = registryValue(current, champ, today);
    const propose = proposed[champ];
    return {
      champ,
      libelle: CAMPAIGN_FIELD_LABELS[champ],
      base: before,
      propose: propose ?? null,
      registre: now,
      modifie: propose !== undefined && !sameValue(champ, propose, now),
      registreModifie: !sameValue(champ, before, now),
    };
  });
}

/** Fields a proposal actually changes (what the reviewer has to decide on). */
export function changedFields(diff: FieldDiff[]): CampaignField[] {
  return diff.filter((d) => d.modifie).map((d) => d.champ);
}

function statusEvent(from: Status | null, to: Status, date: string, note: string) {
  return { date, type: statusEventType(from, to), statut: to, note };
}

export interface MergeContext {
  /** `Campagne « … »`: verification author and event note. */
  label: string;
  today: string;
  recordedOn: string;
}

/**
 * The record after merging the accepted fields of a proposal, verified today by the campaign. A status
 * becomes a dated event; on a record whose status was only declared, the declared status is first
 * dated (from the start date, or the day it was observed) so that its past is not lost to "inconnu".
 */
export function applyProposal(
  doc: DynamicInput,
  proposed: ProposedFields,
  accepted: readonly CampaignField[],
  ctx: MergeContext,
): DynamicInput {
  const next: DynamicInput = structuredClone(doc);
  for (const field of accepted) {
    const value = proposed[field];
    if (value === undefined) continue;
    switch (field) {
      case 'statut': {
        const s = value as { valeur: Status; date: string };
        const current = statusAt(doc, s.date, ctx.recordedOn);
        const declared = current && current !== 'inconnu' && current !== 'echue' ? current : null;
        if (next.evenements.length === 0 && doc.statut) {
          const since = doc.dateDebut ?? doc.verification?.date ?? ctx.recordedOn;
          if (since < s.date) {
            next.evenements.push({
              date: since,
              type: doc.dateDebut ? 'creation' : 'verification',
              statut: doc.statut,
              note: 'Statut déclaré avant la campagne',
            });
          }
        }
        next.evenements.push(statusEvent(declared, s.valeur, s.date, `Déclaré lors de la ${ctx.label}`));
        next.evenements.sort((a, b) => a.date.localeCompare(b.date));
        next.statut = s.valeur;
        break;
      }
      case 'nom':
        next.nom = value as string;
        break;
      case 'porteur':
        next.porteur = value as DynamicInput['porteur'];
        break;
      case 'perimetre':
        next.perimetre = value as DynamicInput['perimetre'];
        break;
      case 'dateDebut':
        next.dateDebut = value as string | null;
        break;
      case 'dateFin':
        next.dateFin = value as string | null;
        break;
      case 'coordination':
        next.coordination = value as DynamicInput['coordination'];
        break;
      case 'contacts':
        next.contacts = value as DynamicInput['contacts'];
        break;
    }
  }
  next.verification = { date: ctx.today, par: ctx.label };
  return next;
}

/** A dynamic declared by a recipient, as the registry will hold it once accepted. */
export function newDynamicRecord(answer: NewDynamicAnswer, ctx: MergeContext): DynamicInput {
  return {
    type: answer.type,
    nom: answer.nom,
    statut: answer.statut.valeur,
    porteur: answer.porteur ?? null,
    perimetre: answer.perimetre,
    evenements: [
      statusEvent(null, answer.statut.valeur, answer.statut.date, `Déclaré lors de la ${ctx.label}`),
    ],
    coordination: [],
    liens: [],
    sources: [{ titre: ctx.label, consulte: ctx.today }],
    signataires: [],
    contacts: answer.contacts,
    specifique: {},
    verification: { date: ctx.today, par: ctx.label },
  };
}
