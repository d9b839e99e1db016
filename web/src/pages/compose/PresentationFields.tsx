import { useMemo, useRef } from 'react';
import { Button, Fieldset, FieldsetItem, Hint, Input, Select } from '../../ui/index.ts';
import { errorState, type FieldErrors, messageFor } from '../edit/fieldErrors.ts';
import { citationNames, showCitations, storeCitations } from './citations.ts';
import { type AuthorDraft, emptyAuthor, type SelectionDraft } from './draft.ts';
import { fieldId } from './fieldPaths.ts';
import { LogoField } from './LogoField.tsx';
import type { NoticeLabel } from './SectionEditor.tsx';

function AuthorsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: AuthorDraft[];
  onChange: (rows: AuthorDraft[]) => void;
  errors: FieldErrors;
}) {
  const set = (i: number, patch: Partial<AuthorDraft>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Fieldset
      legendId="auteurs-legende"
      regularLegend
      legend={
        <>
          Auteurs <Hint>Personnes ou organisations ; facultatif</Hint>
        </>
      }
    >
      {rows.length === 0 && (
        <FieldsetItem className="odts-empty u-my-1">
          <p>Aucun auteur.</p>
        </FieldsetItem>
      )}
      {rows.map((row, i) => {
        const rowError = errors[`auteurs.${i}`];
        return (
          <FieldsetItem key={row.cle} id={fieldId(`auteurs.${i}`)} focusable className="odts-row-editor">
            <Select
              label={`Auteur ${i + 1}`}
              nativeSelectProps={{
                value: row.genre,
                onChange: (e) => set(i, { genre: e.target.value as AuthorDraft['genre'] }),
              }}
            >
              <option value="personne">Personne</option>
              <option value="organisation">Organisation</option>
            </Select>
            {row.genre === 'personne' ? (
              <>
                <Input
                  label={`Nom de l’auteur ${i + 1}`}
                  nativeInputProps={{
                    id: fieldId(`auteurs.${i}.nom`),
                    value: row.nom,
                    onChange: (e) => set(i, { nom: e.target.value }),
                  }}
                  {...errorState(messageFor(errors, `auteurs.${i}.nom`) ?? rowError)}
                />
                <Input
                  label={`Prénom de l’auteur ${i + 1}`}
                  nativeInputProps={{
                    id: fieldId(`auteurs.${i}.prenom`),
                    value: row.prenom,
                    onChange: (e) => set(i, { prenom: e.target.value }),
                  }}
                  {...errorState(messageFor(errors, `auteurs.${i}.prenom`))}
                />
              </>
            ) : (
              <Input
                label={`Nom de l’organisation ${i + 1}`}
                nativeInputProps={{
                  id: fieldId(`auteurs.${i}.organisation`),
                  value: row.organisation,
                  onChange: (e) => set(i, { organisation: e.target.value }),
                }}
                {...errorState(messageFor(errors, `auteurs.${i}.organisation`) ?? rowError)}
              />
            )}
            <Button
              type="button"
              priority="tertiary"
              size="small"
              iconId="delete-line"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              nativeButtonProps={{ 'aria-label': `Retirer l’auteur ${i + 1}` }}
            >
              Retirer
            </Button>
          </FieldsetItem>
        );
      })}
      <FieldsetItem>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => onChange([...rows, emptyAuthor()])}
        >
          Ajouter un auteur
        </Button>
      </FieldsetItem>
    </Fieldset>
  );
}

/**
 * Title, date, authors and introduction. The introduction cites notices of the sélection, shown by
 * their short reference `[[Titre court, 2022]]` (stored as their identifier); the list beside it
 * inserts one where the cursor is.
 */
export function PresentationFields({
  draft,
  set,
  errors,
  cited,
  labels,
}: {
  draft: SelectionDraft;
  set: (patch: Partial<SelectionDraft>) => void;
  errors: FieldErrors;
  cited: { id: string; label: NoticeLabel | undefined }[];
  labels: Map<string, NoticeLabel>;
}) {
  const intro = useRef<HTMLTextAreaElement>(null);
  const names = useMemo(() => citationNames(labels), [labels]);
  const shown = showCitations(draft.introduction, names);
  const insertCitation = (id: string) => {
    const area = intro.current;
    const at = area ? area.selectionEnd : shown.length;
    const marker = `[[${names.get(id) ?? id}]]`;
    set({ introduction: storeCitations(`${shown.slice(0, at)}${marker}${shown.slice(at)}`, names) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + marker.length, at + marker.length);
    });
  };
  return (
    <Fieldset legendId="presentation-legende" legend={<h2 className="u-h4 u-mb-0">Présentation</h2>}>
      <FieldsetItem className="u-grid u-grid--gutters">
        <div className="u-col-12 u-col-md-9">
          <Input
            label="Titre"
            nativeInputProps={{
              id: fieldId('titre'),
              value: draft.titre,
              onChange: (e) => set({ titre: e.target.value }),
            }}
            {...errorState(messageFor(errors, 'titre'))}
          />
        </div>
        <div className="u-col-12 u-col-md-3">
          <Input
            label="Date"
            hintText="AAAA, AAAA-MM ou AAAA-MM-JJ"
            nativeInputProps={{
              id: fieldId('date'),
              value: draft.date,
              inputMode: 'numeric',
              onChange: (e) => set({ date: e.target.value }),
            }}
            {...errorState(messageFor(errors, 'date'))}
          />
        </div>
      </FieldsetItem>
      <FieldsetItem>
        <AuthorsEditor rows={draft.auteurs} onChange={(auteurs) => set({ auteurs })} errors={errors} />
      </FieldsetItem>
      <FieldsetItem>
        <LogoField
          value={draft.logo}
          organisation={
            draft.auteurs.find((a) => a.genre === 'organisation' && a.organisation.trim())?.organisation ??
            null
          }
          onChange={(logo) => set({ logo })}
          error={messageFor(errors, 'logo')}
        />
      </FieldsetItem>
      <FieldsetItem>
        <Input
          label="Introduction"
          hintText="Facultatif. Une notice de la sélection citée entre doubles crochets, [[Titre court, année]], devient son numéro « (12) » dans le document."
          textArea
          nativeTextAreaProps={{
            id: fieldId('introduction'),
            ref: intro,
            rows: 5,
            value: shown,
            onChange: (e) => set({ introduction: storeCitations(e.target.value, names) }),
          }}
          {...errorState(messageFor(errors, 'introduction'))}
        />
        <Select
          label="Citer une notice de la sélection dans l’introduction"
          hint={
            cited.length === 0
              ? 'Ajoutez d’abord des notices aux sections'
              : 'Insère la citation à l’emplacement du curseur'
          }
          disabled={cited.length === 0}
          nativeSelectProps={{
            id: 'citer-notice',
            value: '',
            onChange: (e) => {
              if (e.target.value) insertCitation(e.target.value);
            },
          }}
        >
          <option value="">Choisir une notice</option>
          {cited.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label ? c.label.titre : c.id}
            </option>
          ))}
        </Select>
      </FieldsetItem>
    </Fieldset>
  );
}
