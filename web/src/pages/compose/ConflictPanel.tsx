import { ConflictScreen } from '../../components/ConflictScreen.tsx';
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

/** The sélection's two versions, part by part (the screen itself is shared with the dynamics). */
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
  return (
    <ConflictScreen
      description={`La sélection a été enregistrée par quelqu’un d’autre (version ${currentVersion}, le ${formatDateTime(modifiedAt)}) pendant que vous la composiez. Votre version n’a pas été enregistrée et rien n’a été écrasé.`}
      unit={{ singular: 'partie', plural: 'parties', header: 'Partie' }}
      labels={PART_LABELS}
      mineChanged={new Set(changedParts(base, mine))}
      theirsChanged={new Set(changedParts(base, current))}
      mine={(p) => describePart(mine, p)}
      theirs={(p) => describePart(current, p)}
      backTo="au compositeur"
      onReapply={onReapply}
      onDiscard={onDiscard}
    />
  );
}
