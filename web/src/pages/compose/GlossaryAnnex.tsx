import { TermLinker } from '@domain/glossary/term-links.ts';
import { useMemo } from 'react';
import type { GlossaryItem, List } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Button, Fieldset, FieldsetItem, Hint, Input, Select } from '../../ui/index.ts';
import { errorState, type FieldErrors, messageFor } from '../edit/fieldErrors.ts';
import { emptyTerm, newKey, type TermDraft } from './draft.ts';
import { fieldId } from './fieldPaths.ts';

/**
 * The glossary annex: terms typed here, or taken from the centre's glossary (the definition comes
 * with the term and may be shortened for the document).
 */
type Acronym = GlossaryItem & { sigle: string };

const asRow = (g: Acronym): TermDraft => ({
  cle: newKey(),
  sigle: g.sigle,
  forme: g.forme,
  definition: g.definition ?? '',
});

export function GlossaryAnnex({
  rows,
  onChange,
  errors,
  text,
}: {
  rows: TermDraft[];
  onChange: (rows: TermDraft[]) => void;
  errors: FieldErrors;
  /** Everything the sélection says (titles, introduction, commentaries, notice titles). */
  text: string;
}) {
  const glossary = useApi<List<GlossaryItem>>('/api/glossaire');
  // The annex lists acronyms: terms of the glossary without one are not offered.
  const acronyms = useMemo(
    () => (glossary.data?.items ?? []).filter((g): g is Acronym => Boolean(g.sigle)),
    [glossary.data],
  );
  const linker = useMemo(
    () =>
      new TermLinker(
        acronyms.map((g) => ({ cle: g.cle, sigle: g.sigle, formes: [g.forme, ...g.variantes] })),
      ),
    [acronyms],
  );
  const taken = new Set(rows.map((r) => r.sigle.trim().toUpperCase()));
  const available = acronyms.filter((g) => !taken.has(g.sigle.toUpperCase()));
  const mentioned = useMemo(() => new Set(linker.mentions(text)), [linker, text]);
  const suggested = available.filter((g) => mentioned.has(g.cle));
  const set = (i: number, patch: Partial<TermDraft>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = (i: number, f: string) => messageFor(errors, `glossaire.${i}.${f}`);
  return (
    <Fieldset
      legendId="glossaire-legende"
      legend={
        <>
          <h2 className="u-h4 u-mb-0">Annexe : glossaire</h2>
          <Hint>Les sigles employés dans la sélection, classés par ordre alphabétique dans le document</Hint>
        </>
      }
    >
      {rows.length === 0 && (
        <FieldsetItem className="odts-empty u-my-1">
          <p>Aucun terme en annexe.</p>
        </FieldsetItem>
      )}
      {rows.map((row, i) => (
        <FieldsetItem key={row.cle} className="odts-row-editor">
          <Input
            label={`Sigle ${i + 1}`}
            nativeInputProps={{
              id: fieldId(`glossaire.${i}.sigle`),
              value: row.sigle,
              onChange: (e) => set(i, { sigle: e.target.value }),
            }}
            {...errorState(err(i, 'sigle'))}
          />
          <Input
            label={`Forme développée ${i + 1}`}
            nativeInputProps={{
              id: fieldId(`glossaire.${i}.forme`),
              value: row.forme,
              onChange: (e) => set(i, { forme: e.target.value }),
            }}
            {...errorState(err(i, 'forme'))}
          />
          <Input
            label={`Définition ${i + 1}`}
            hintText="Facultatif"
            nativeInputProps={{
              id: fieldId(`glossaire.${i}.definition`),
              value: row.definition,
              onChange: (e) => set(i, { definition: e.target.value }),
            }}
            {...errorState(err(i, 'definition'))}
          />
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="delete-line"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            nativeButtonProps={{
              'aria-label': `Retirer le terme ${i + 1}${row.sigle ? ` (${row.sigle})` : ''}`,
            }}
          >
            Retirer
          </Button>
        </FieldsetItem>
      ))}
      {suggested.length > 0 && (
        <FieldsetItem>
          <Button
            type="button"
            priority="secondary"
            size="small"
            iconId="add-line"
            onClick={() => onChange([...rows, ...suggested.map(asRow)])}
          >
            {`Ajouter les sigles employés dans la sélection (${suggested.map((g) => g.sigle).join(', ')})`}
          </Button>
        </FieldsetItem>
      )}
      <FieldsetItem className="odts-toolbar">
        <Select
          label="Reprendre un terme du glossaire du centre"
          hint={glossary.status === 'error' ? 'Glossaire indisponible' : undefined}
          disabled={available.length === 0}
          nativeSelectProps={{
            id: 'reprendre-terme',
            value: '',
            onChange: (e) => {
              const term = available.find((g) => g.sigle === e.target.value);
              if (term) onChange([...rows, asRow(term)]);
            },
          }}
        >
          <option value="">Choisir un sigle</option>
          {available.map((g) => (
            <option key={g.sigle} value={g.sigle}>
              {g.sigle} — {g.forme}
            </option>
          ))}
        </Select>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => onChange([...rows, emptyTerm()])}
        >
          Ajouter un terme
        </Button>
      </FieldsetItem>
    </Fieldset>
  );
}
