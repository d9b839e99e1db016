import { DYNAMIC_KIND_LABELS, STATUS_LABELS } from '@domain/registry/kinds.ts';
import { ConflictScreen } from '../../components/ConflictScreen.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { CARRIER_LABELS, EVENT_LABELS, FIELD_LABELS, LINK_LABELS } from '../../lib/labels.ts';
import { changedByUser, changedOnServer, DRAFT_FIELDS, type Draft, type DraftField } from './draft.ts';

/** A field's value in words, for reading two versions side by side. */
export function describeField(d: Draft, field: DraftField): string {
  switch (field) {
    case 'type':
      return d.type ? DYNAMIC_KIND_LABELS[d.type] : '(vide)';
    case 'statut':
      return d.statut ? STATUS_LABELS[d.statut] : 'déduit des événements';
    case 'porteur':
      return d.porteurNom
        ? `${d.porteurNom}${d.porteurType ? ` (${CARRIER_LABELS[d.porteurType]})` : ''}${d.porteurCode ? ` ${d.porteurCode}` : ''}`
        : '(aucun)';
    case 'perimetre': {
      const p = d.perimetre;
      const parts = [
        p.communes.length ? `communes ${p.communes.join(', ')}` : '',
        p.epci.length ? `intercommunalités ${p.epci.join(', ')}` : '',
        p.departements.length ? `départements ${p.departements.join(', ')}` : '',
        p.qpv.length ? `QPV ${p.qpv.join(', ')}` : '',
      ].filter(Boolean);
      return parts.join(' ; ') || '(vide)';
    }
    case 'evenements':
      return (
        d.evenements
          .map((e) => `${e.date} ${EVENT_LABELS[e.type]}${e.note ? ` — ${e.note}` : ''}`)
          .join('\n') || '(aucun)'
      );
    case 'sources':
      return d.sources.map((s) => `${s.titre}${s.url ? ` <${s.url}>` : ''}`).join('\n') || '(aucune)';
    case 'coordination':
      return (
        d.coordination
          .map((c) => `${c.intitule}${c.etp ? ` (${c.etp} ETP)` : ''}${c.vacant ? ', vacant' : ''}`)
          .join('\n') || '(aucun poste)'
      );
    case 'contacts':
      return d.contacts.map((c) => `${c.nom}${c.role ? `, ${c.role}` : ''}`).join('\n') || '(aucun)';
    case 'liens':
      return (
        d.liens
          .map((l) => `${l.type ? LINK_LABELS[l.type] : '(type ?)'} ${l.cibleNom || l.cible}`)
          .join('\n') || '(aucun)'
      );
    default:
      return d[field] || '(vide)';
  }
}

interface Props {
  base: Draft;
  mine: Draft;
  current: Draft;
  currentVersion: number;
  modifiedAt: string;
  onReapply: () => void;
  onDiscard: () => void;
}

const LABELS = Object.fromEntries(DRAFT_FIELDS.map((f) => [f, FIELD_LABELS[f] ?? f])) as Record<
  DraftField,
  string
>;

/** The dynamic's two versions, field by field (the screen itself is shared with the sélections). */
export function ConflictView({
  base,
  mine,
  current,
  currentVersion,
  modifiedAt,
  onReapply,
  onDiscard,
}: Props) {
  return (
    <ConflictScreen
      description={`La fiche a été modifiée par quelqu’un d’autre (version ${currentVersion}, enregistrée le ${formatDateTime(modifiedAt)}) pendant que vous la modifiiez. Vos modifications n’ont pas été enregistrées et rien n’a été écrasé.`}
      unit={{ singular: 'champ', plural: 'champs', header: 'Champ' }}
      labels={LABELS}
      mineChanged={new Set(changedByUser(base, mine))}
      theirsChanged={new Set(changedOnServer(base, current))}
      mine={(f) => describeField(mine, f)}
      theirs={(f) => describeField(current, f)}
      backTo="au formulaire"
      onReapply={onReapply}
      onDiscard={onDiscard}
    />
  );
}
