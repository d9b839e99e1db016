import { sectionFieldPath } from '@domain/resources/selection-tree.ts';
import { ErrorText, Input, Select } from '../../ui/index.ts';
import { errorState, type FieldErrors, messageFor } from '../edit/fieldErrors.ts';
import { showCitations, storeCitations } from './citations.ts';
import type { EntryDraft } from './draft.ts';
import { fieldId } from './fieldPaths.ts';
import { RowButtons } from './RowButtons.tsx';
import type { NoticeLabel, SectionTarget, TreeActions } from './SectionEditor.tsx';

/** A notice of a section: its title, its commentary, and the buttons that move or remove it. */
export function EntryRow({
  entry,
  index,
  count,
  path,
  actions,
  label,
  targets,
  errors,
  sitographie,
  names,
}: {
  sitographie: boolean;
  /** Short references of the notices, shown for their `[[id]]` citations. */
  names: ReadonlyMap<string, string>;
  entry: EntryDraft;
  index: number;
  count: number;
  path: number[];
  actions: TreeActions;
  label: NoticeLabel | undefined;
  targets: SectionTarget[];
  errors: FieldErrors;
}) {
  const field = `${sectionFieldPath(path)}.notices.${index}`;
  const missing = messageFor(errors, `${field}.notice`);
  // Until its title is loaded, a notice is named by its place, never by its identifier.
  const name = label
    ? `${label.titre}${label.date ? ` (${label.date.slice(0, 4)})` : ''}`
    : `notice ${index + 1} de la section`;
  return (
    <li className="odts-entry">
      <p id={fieldId(`${field}.notice`)} tabIndex={-1} className="u-mb-half">
        <strong>{name}</strong>
        {missing && <ErrorText as="span">{missing}</ErrorText>}
      </p>
      <Input
        label={`Commentaire sur « ${name} »`}
        hintText="Facultatif"
        textArea
        nativeTextAreaProps={{
          id: fieldId(`${field}.commentaire`),
          rows: 2,
          value: showCitations(entry.commentaire, names),
          onChange: (e) =>
            actions.updateEntry(path, index, { commentaire: storeCitations(e.target.value, names) }),
        }}
        {...errorState(messageFor(errors, `${field}.commentaire`))}
      />
      {sitographie && (
        <Input
          label={`Consulté le (« ${name} »)`}
          hintText="Date à laquelle le site a été vérifié pour cette sélection ; sinon celle de la notice"
          nativeInputProps={{
            id: fieldId(`${field}.consulteLe`),
            type: 'date',
            value: entry.consulteLe,
            onChange: (e) => actions.updateEntry(path, index, { consulteLe: e.target.value }),
          }}
          {...errorState(messageFor(errors, `${field}.consulteLe`))}
        />
      )}
      <div className="odts-toolbar">
        {targets.length > 1 && (
          <Select
            label="Déplacer vers"
            nativeSelectProps={{
              'aria-label': `Déplacer « ${name} » vers une autre section`,
              value: '',
              onChange: (e) => {
                const to = targets.find((t) => t.path.join('.') === e.target.value);
                if (to) actions.moveEntryTo(path, index, to.path);
              },
            }}
          >
            <option value="">Choisir une section</option>
            {targets
              .filter((t) => t.path.join('.') !== path.join('.'))
              .map((t) => (
                <option key={t.path.join('.')} value={t.path.join('.')}>
                  {t.label}
                </option>
              ))}
          </Select>
        )}
        <RowButtons
          rowKey={entry.cle}
          index={index}
          count={count}
          what={`« ${name} »`}
          remove={{ label: 'Retirer', ariaLabel: `Retirer « ${name} » de la section` }}
          onMove={(delta) => actions.moveEntry(path, index, delta)}
          onRemove={() => actions.removeEntry(path, index)}
        />
      </div>
    </li>
  );
}
