import {
  addEntry,
  addSection,
  moveEntry,
  moveEntryTo,
  moveSection,
  removeEntry,
  removeSection,
  sectionAt,
  sectionNumber,
  updateEntry,
  updateSection,
  walkSections,
} from '@domain/resources/selection-tree.ts';
import { useEffect, useMemo, useState } from 'react';
import type { NoticeHit } from '../../api/types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Button, ButtonGroup, ErrorText, Hint } from '../../ui/index.ts';
import type { FieldErrors } from '../edit/fieldErrors.ts';
import {
  draftNotices,
  type EntryDraft,
  emptySection,
  newEntry,
  type SectionDraft,
  type SelectionDraft,
} from './draft.ts';
import { describeField, fieldId } from './fieldPaths.ts';
import { GlossaryAnnex } from './GlossaryAnnex.tsx';
import { PresentationFields } from './PresentationFields.tsx';
import { type NoticeLabel, SectionEditor, type TreeActions } from './SectionEditor.tsx';

interface Props {
  draft: SelectionDraft;
  onChange: (d: SelectionDraft) => void;
  labels: Map<string, NoticeLabel>;
  onLabel: (hit: NoticeHit) => void;
  errors: FieldErrors;
  failure: string | null;
  busy: 'saving' | 'previewing' | null;
  submitLabel: string;
  onSubmit: () => void;
  onPreview: () => void;
  onCancel: () => void;
}

/** Title, authors and introduction; the tree of sections with their notices; the glossary annex. */
export function ComposerForm(props: Props) {
  const { draft, onChange, labels, errors, failure, busy } = props;
  const set = (patch: Partial<SelectionDraft>) => onChange({ ...draft, ...patch });
  const setSections = (sections: SectionDraft[]) => set({ sections });
  const listedIds = useMemo(() => draftNotices(draft.sections), [draft.sections]);
  const listed = useMemo(() => new Set(listedIds), [listedIds]);
  const wording = useMemo(
    () =>
      [
        draft.titre,
        draft.introduction,
        ...walkSections(draft.sections).flatMap(({ section }) => [
          section.titre,
          section.presentation,
          ...section.notices.flatMap((e) => [e.commentaire, labels.get(e.notice)?.titre ?? '']),
        ]),
      ].join('\n.\n'), // a full stop between pieces: a form never spans two of them
    [draft.titre, draft.introduction, draft.sections, labels],
  );
  const targets = useMemo(
    () =>
      walkSections(draft.sections).map(({ path, section }) => ({
        path,
        label: `${sectionNumber(path)}${section.titre.trim() ? ` ${section.titre.trim()}` : ''}`,
      })),
    [draft.sections],
  );
  // The element to focus once React has drawn the change (a section added, a section or notice moved).
  const [focusTarget, focusSoon] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    focusSoon(null);
  }, [focusTarget]);

  const actions: TreeActions = {
    update: (path, patch) => setSections(updateSection(draft.sections, path, (s) => ({ ...s, ...patch }))),
    addSub: (path) => {
      const added = addSection(draft.sections, path, emptySection());
      setSections(added.sections);
      focusSoon(fieldId(`${added.path.map((i) => `sections.${i}`).join('.')}.titre`));
    },
    move: (path, delta) => {
      const section = sectionAt(draft.sections, path);
      const moved = moveSection(draft.sections, path, delta);
      setSections(moved.sections);
      if (section) focusSoon(`${delta < 0 ? 'monter' : 'descendre'}-${section.cle}`);
    },
    remove: (path) => {
      const section = sectionAt(draft.sections, path);
      const content = section ? section.notices.length + section.sections.length : 0;
      if (
        content > 0 &&
        !window.confirm(`Supprimer la section ${sectionNumber(path)}, ses notices et ses sous-sections ?`)
      )
        return;
      setSections(removeSection(draft.sections, path));
    },
    addEntry: (path, hit) => {
      props.onLabel(hit);
      setSections(addEntry<EntryDraft, SectionDraft>(draft.sections, path, newEntry(hit.id)));
    },
    updateEntry: (path, index, patch) =>
      setSections(
        updateEntry<EntryDraft, SectionDraft>(draft.sections, path, index, (e) => ({ ...e, ...patch })),
      ),
    moveEntry: (path, index, delta) => {
      const entry = sectionAt(draft.sections, path)?.notices[index];
      setSections(moveEntry<EntryDraft, SectionDraft>(draft.sections, path, index, delta));
      if (entry) focusSoon(`${delta < 0 ? 'monter' : 'descendre'}-${entry.cle}`);
    },
    moveEntryTo: (path, index, to) =>
      setSections(moveEntryTo<EntryDraft, SectionDraft>(draft.sections, path, index, to)),
    removeEntry: (path, index) =>
      setSections(removeEntry<EntryDraft, SectionDraft>(draft.sections, path, index)),
  };

  return (
    <form
      noValidate
      aria-labelledby="composer-titre"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 id="composer-titre" className="u-sr-only">
        Compositeur
      </h2>
      {failure && (
        <ErrorSummary
          key={failure + Object.keys(errors).join()}
          title="La sélection n’a pas été enregistrée"
          errors={errors}
          message={failure}
          describe={describeField}
          href={(path) => `#${fieldId(path)}`}
        />
      )}
      <PresentationFields
        draft={draft}
        set={set}
        errors={errors}
        cited={listedIds.map((id) => ({ id, label: labels.get(id) }))}
        labels={labels}
      />

      <section aria-labelledby="sections-titre" className="u-mb-4">
        <h2 id="sections-titre" className="u-h4">
          Sections
        </h2>
        <Hint as="p">
          Numérotées dans l’ordre (1, 1.1…) sur quatre niveaux au plus ; les notices reçoivent leur numéro
          dans l’ordre du document, et une notice reprise dans une autre section garde son premier numéro.
        </Hint>
        {errors.sections && <ErrorText>{errors.sections}</ErrorText>}
        {draft.sections.length === 0 && <p className="odts-empty">Aucune section : ajoutez-en une.</p>}
        {draft.sections.map((s, i) => (
          <SectionEditor
            key={s.cle}
            section={s}
            path={[i]}
            siblings={draft.sections.length}
            actions={actions}
            labels={labels}
            listed={listed}
            targets={targets}
            errors={errors}
          />
        ))}
        <Button
          type="button"
          priority="secondary"
          iconId="add-line"
          onClick={() => {
            const added = addSection(draft.sections, [], emptySection());
            setSections(added.sections);
            focusSoon(fieldId(`sections.${added.path[0]}.titre`));
          }}
        >
          Ajouter une section
        </Button>
      </section>

      <GlossaryAnnex
        rows={draft.glossaire}
        onChange={(glossaire) => set({ glossaire })}
        errors={errors}
        text={wording}
      />

      <ButtonGroup className="u-mt-4">
        <li>
          <Button type="submit" disabled={busy !== null}>
            {busy === 'saving' ? 'Enregistrement…' : props.submitLabel}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" disabled={busy !== null} onClick={props.onPreview}>
            {busy === 'previewing' ? 'Préparation de l’aperçu…' : 'Aperçu du document'}
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={props.onCancel}>
            Annuler
          </Button>
        </li>
      </ButtonGroup>
    </form>
  );
}
