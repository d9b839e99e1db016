import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { changedParts, type DraftPart, type SectionDraft, type SelectionDraft } from './draft.ts';

const PART_LABELS: Record<DraftPart, string> = {
  titre: 'Titre',
  date: 'Date',
  auteurs: 'Auteurs',
  introduction: 'Introduction',
  sections: 'Sections et notices',
  glossaire: 'Glossaire',
};

function sectionLines(list: SectionDraft[], prefix = ''): string[] {
  return list.flatMap((s, i) => {
    const number = `${prefix}${i + 1}`;
    const count = s.notices.length;
    return [
      `${number}. ${s.titre || '(sans titre)'} — ${count} notice${count > 1 ? 's' : ''}`,
      ...sectionLines(s.sections, `${number}.`),
    ];
  });
}

/** A part of a sélection in words, to read two versions side by side. */
function describePart(d: SelectionDraft, part: DraftPart): string {
  switch (part) {
    case 'auteurs':
      return (
        d.auteurs
          .map((a) => (a.genre === 'organisation' ? a.organisation : `${a.prenom} ${a.nom}`.trim()))
          .join(', ') || '(aucun)'
      );
    case 'sections':
      return sectionLines(d.sections).join('\n') || '(aucune)';
    case 'glossaire':
      return d.glossaire.map((g) => `${g.sigle} : ${g.forme}`).join('\n') || '(aucun)';
    default:
      return d[part] || '(vide)';
  }
}

/**
 * The sélection was saved by someone else while it was being composed here: both versions, part by
 * part, and the user decides. Nothing is written from this screen.
 */
export function ConflictPanel({
  base,
  mine,
  current,
  currentVersion,
  modifiedAt,
  onReapply,
  onDiscard,
}: {
  base: SelectionDraft;
  mine: SelectionDraft;
  current: SelectionDraft;
  currentVersion: number;
  modifiedAt: string;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const mineChanged = new Set(changedParts(base, mine));
  const theirsChanged = new Set(changedParts(base, current));
  const rows = Object.keys(PART_LABELS).filter(
    (p) => mineChanged.has(p as DraftPart) || theirsChanged.has(p as DraftPart),
  ) as DraftPart[];
  const who = (p: DraftPart) =>
    mineChanged.has(p) && theirsChanged.has(p)
      ? 'des deux côtés : votre version serait retenue'
      : mineChanged.has(p)
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
        description={`La sélection a été enregistrée par quelqu’un d’autre (version ${currentVersion}, le ${formatDateTime(modifiedAt)}) pendant que vous la composiez. Votre version n’a pas été enregistrée et rien n’a été écrasé.`}
      />
      <div className="fr-table fr-table--bordered odts-table-wrap fr-mt-3w">
        <table>
          <caption>Les deux versions, partie par partie</caption>
          <thead>
            <tr>
              <th scope="col">Partie</th>
              <th scope="col">Modifiée</th>
              <th scope="col">Votre version</th>
              <th scope="col">Version enregistrée entre-temps</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p}>
                <th scope="row">{PART_LABELS[p]}</th>
                <td>{who(p)}</td>
                <td className="odts-prewrap">{describePart(mine, p)}</td>
                <td className="odts-prewrap">{describePart(current, p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Reporter vos modifications ({[...mineChanged].map((p) => PART_LABELS[p]).join(', ') || 'aucune'}) sur
        la version enregistrée vous ramène au compositeur, pour vérifier avant d’enregistrer de nouveau. Les
        autres parties gardent la version enregistrée.
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
