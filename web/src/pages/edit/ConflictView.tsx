import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { DYNAMIC_KIND_LABELS, STATUS_LABELS } from '@domain/registry/kinds.ts';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { CARRIER_LABELS, EVENT_LABELS, FIELD_LABELS } from '../../lib/labels.ts';
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

/**
 * Someone saved the record after it was opened here: both versions side by side, and the user decides.
 * Nothing is written from this screen.
 */
export function ConflictView({
  base,
  mine,
  current,
  currentVersion,
  modifiedAt,
  onReapply,
  onDiscard,
}: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const mineChanged = new Set(changedByUser(base, mine));
  const theirsChanged = new Set(changedOnServer(base, current));
  const rows = DRAFT_FIELDS.filter((f) => mineChanged.has(f) || theirsChanged.has(f));
  const who = (f: DraftField) =>
    mineChanged.has(f) && theirsChanged.has(f)
      ? 'des deux côtés : votre valeur serait retenue'
      : mineChanged.has(f)
        ? 'par vous'
        : 'entre-temps';
  return (
    <section aria-labelledby="conflit-titre" className="odts-conflict">
      <h2 id="conflit-titre" ref={heading} tabIndex={-1}>
        Conflit de modification
      </h2>
      <Alert
        severity="warning"
        small
        description={`La fiche a été modifiée par quelqu’un d’autre (version ${currentVersion}, enregistrée le ${formatDateTime(modifiedAt)}) pendant que vous la modifiiez. Vos modifications n’ont pas été enregistrées et rien n’a été écrasé.`}
      />
      <div className="fr-table fr-table--bordered odts-table-wrap fr-mt-3w">
        <table>
          <caption>Les deux versions, champ par champ</caption>
          <thead>
            <tr>
              <th scope="col">Champ</th>
              <th scope="col">Modifié</th>
              <th scope="col">Votre version</th>
              <th scope="col">Version enregistrée entre-temps</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f}>
                <th scope="row">{FIELD_LABELS[f] ?? f}</th>
                <td>{who(f)}</td>
                <td className="odts-prewrap">{describeField(mine, f)}</td>
                <td className="odts-prewrap">{describeField(current, f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Reporter vos modifications ({[...mineChanged].map((f) => FIELD_LABELS[f] ?? f).join(', ') || 'aucune'}
        ) sur la version enregistrée vous ramène au formulaire, pour vérifier avant d’enregistrer de nouveau.
        Les autres champs gardent la version enregistrée.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="button" onClick={onReapply}>
            Reporter mes modifications sur la version enregistrée
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onDiscard}>
            Abandonner mes modifications
          </Button>
        </li>
      </ul>
    </section>
  );
}
