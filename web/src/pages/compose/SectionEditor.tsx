import { SELECTION_ORDERS, type SelectionOrder } from '@domain/resources/selection-constants.ts';
import { canNestUnder, sectionFieldPath, sectionNumber } from '@domain/resources/selection-tree.ts';
import { useMemo, useState } from 'react';
import type { NoticeHit } from '../../api/types.ts';
import { Button, Checkbox, Input, Select } from '../../ui/index.ts';
import { errorState, type FieldErrors, messageFor } from '../edit/fieldErrors.ts';
import { citationNames, showCitations, storeCitations } from './citations.ts';
import type { EntryDraft, SectionDraft } from './draft.ts';
import { EntryRow } from './EntryRow.tsx';
import { fieldId } from './fieldPaths.ts';
import { NoticePicker } from './NoticePicker.tsx';
import { RowButtons } from './RowButtons.tsx';

export const ORDER_LABELS: Record<SelectionOrder, string> = {
  antechronologique: 'Antéchronologique (les plus récentes d’abord)',
  chronologique: 'Chronologique',
  alphabetique: 'Alphabétique (premier auteur, sinon titre)',
  manuel: 'Ordre de saisie',
};

export interface NoticeLabel {
  titre: string;
  date: string | null;
}

/** What a section editor can ask of the tree; paths are indexes from the root ([1, 0] is "2.1"). */
export interface TreeActions {
  update: (path: number[], patch: Partial<SectionDraft>) => void;
  addSub: (path: number[]) => void;
  move: (path: number[], delta: -1 | 1) => void;
  remove: (path: number[]) => void;
  addEntry: (path: number[], hit: NoticeHit) => void;
  updateEntry: (path: number[], index: number, patch: Partial<EntryDraft>) => void;
  moveEntry: (path: number[], index: number, delta: -1 | 1) => void;
  removeEntry: (path: number[], index: number) => void;
  moveEntryTo: (path: number[], index: number, to: number[]) => void;
}

/** A section a notice can be moved to: its path and its heading. */
export interface SectionTarget {
  path: number[];
  label: string;
}

interface Props {
  section: SectionDraft;
  path: number[];
  siblings: number;
  actions: TreeActions;
  labels: Map<string, NoticeLabel>;
  listed: Set<string>;
  targets: SectionTarget[];
  errors: FieldErrors;
}

/** One section of the tree: its fields, its notices with their commentary, its subsections. */
export function SectionEditor({ section, path, siblings, actions, labels, listed, targets, errors }: Props) {
  const names = useMemo(() => citationNames(labels), [labels]);
  const [picking, setPicking] = useState(section.notices.length === 0 && section.sections.length === 0);
  const number = sectionNumber(path);
  const field = sectionFieldPath(path);
  const index = path.at(-1) ?? 0;
  const heading = `Section ${number}${section.titre.trim() ? ` : ${section.titre.trim()}` : ''}`;
  const Heading = path.length === 1 ? 'h3' : 'h4';
  return (
    <section className={`odts-section-editor odts-section-editor--${path.length}`} aria-label={heading}>
      <Heading className="u-h6 u-mb-2">{heading}</Heading>
      <div className="u-grid u-grid--gutters">
        <div className="u-col-12 u-col-md-8">
          <Input
            label={`Titre de la section ${number}`}
            nativeInputProps={{
              id: fieldId(`${field}.titre`),
              value: section.titre,
              onChange: (e) => actions.update(path, { titre: e.target.value }),
            }}
            {...errorState(messageFor(errors, `${field}.titre`))}
          />
        </div>
        <div className="u-col-12 u-col-md-4">
          <Select
            label="Ordre des notices"
            nativeSelectProps={{
              id: fieldId(`${field}.ordre`),
              value: section.ordre,
              onChange: (e) => actions.update(path, { ordre: e.target.value as SelectionOrder }),
            }}
          >
            {SELECTION_ORDERS.map((o) => (
              <option key={o} value={o}>
                {ORDER_LABELS[o]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Input
        label="Présentation"
        hintText="Facultatif : texte affiché sous le titre ; [[Titre court, année]] cite une notice de la sélection"
        textArea
        nativeTextAreaProps={{
          id: fieldId(`${field}.presentation`),
          rows: 2,
          value: showCitations(section.presentation, names),
          onChange: (e) => actions.update(path, { presentation: storeCitations(e.target.value, names) }),
        }}
        {...errorState(messageFor(errors, `${field}.presentation`))}
      />
      <Checkbox
        id={fieldId(`${field}.sitographie`)}
        small
        options={[
          {
            label: 'Sitographie',
            hintText: 'Sites web, présentés avec leur adresse',
            nativeInputProps: {
              checked: section.sitographie,
              onChange: (e) => actions.update(path, { sitographie: e.target.checked }),
            },
          },
        ]}
      />
      {section.notices.length === 0 ? (
        <p className="odts-empty u-text-sm">Aucune notice dans cette section.</p>
      ) : (
        <ol className="odts-entries" aria-label={`Notices de la section ${number}`}>
          {section.notices.map((entry, i) => (
            <EntryRow
              key={entry.cle}
              entry={entry}
              index={i}
              count={section.notices.length}
              path={path}
              actions={actions}
              label={labels.get(entry.notice)}
              targets={targets}
              errors={errors}
              sitographie={section.sitographie}
              names={names}
            />
          ))}
        </ol>
      )}
      {picking ? (
        <NoticePicker
          id={`recherche-${section.cle}`}
          listed={listed}
          onPick={(hit) => actions.addEntry(path, hit)}
        />
      ) : null}
      <div className="odts-toolbar">
        <Button
          type="button"
          size="small"
          priority="secondary"
          iconId={picking ? 'close-line' : 'add-line'}
          onClick={() => setPicking((p) => !p)}
          nativeButtonProps={{ 'aria-expanded': picking }}
        >
          {picking ? 'Fermer la recherche' : `Ajouter des notices à la section ${number}`}
        </Button>
        {canNestUnder(path) && (
          <Button
            type="button"
            size="small"
            priority="secondary"
            iconId="add-line"
            onClick={() => actions.addSub(path)}
          >
            {`Ajouter une sous-section à ${number}`}
          </Button>
        )}
        <RowButtons
          rowKey={section.cle}
          index={index}
          count={siblings}
          what={`la section ${number}`}
          remove={{ label: 'Supprimer', ariaLabel: `Supprimer la section ${number} et son contenu` }}
          onMove={(delta) => actions.move(path, delta)}
          onRemove={() => actions.remove(path)}
        />
      </div>
      {section.sections.map((sub, i) => (
        <SectionEditor
          key={sub.cle}
          section={sub}
          path={[...path, i]}
          siblings={section.sections.length}
          actions={actions}
          labels={labels}
          listed={listed}
          targets={targets}
          errors={errors}
        />
      ))}
    </section>
  );
}
