import { Button, Fieldset, FieldsetItem, Input, Select } from '../../../ui/index.ts';
import type { ContributorDraft } from './draft.ts';

const replaceAt = <T,>(rows: T[], i: number, patch: Partial<T>) =>
  rows.map((r, j) => (j === i ? { ...r, ...patch } : r));

/** Authors (or editors of a collective book): persons or organisations, in the order typed. */
export function ContributorsEditor({
  id,
  legend,
  noun,
  rows,
  onChange,
  errors,
}: {
  id: string;
  legend: string;
  /** « auteur », « directeur » : names each row for screen readers. */
  noun: string;
  rows: ContributorDraft[];
  onChange: (rows: ContributorDraft[]) => void;
  /** Server messages by path (`auteurs.1.nom`). */
  errors: Record<string, string>;
}) {
  const err = (i: number) =>
    Object.entries(errors).find(([path]) => path.startsWith(`${id.replace('champ-', '')}.${i}`))?.[1];
  return (
    <Fieldset id={id} legend={legend}>
      {rows.length === 0 && (
        <FieldsetItem className="odts-empty u-my-1">
          <p>Aucun {noun} saisi.</p>
        </FieldsetItem>
      )}
      {rows.map((row, i) => {
        const message = err(i);
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
          <FieldsetItem key={i} className="odts-row-editor">
            <Select
              label={`Personne ou organisation (${noun} ${n})`}
              nativeSelectProps={{
                value: row.kind,
                onChange: (e) =>
                  onChange(replaceAt(rows, i, { kind: e.target.value as ContributorDraft['kind'] })),
              }}
            >
              <option value="personne">Personne</option>
              <option value="organisation">Organisation</option>
            </Select>
            <Input
              label={row.kind === 'organisation' ? `Organisation (${noun} ${n})` : `Nom (${noun} ${n})`}
              {...(message ? { state: 'error' as const, stateRelatedMessage: message } : {})}
              nativeInputProps={{
                value: row.nom,
                onChange: (e) => onChange(replaceAt(rows, i, { nom: e.target.value })),
              }}
            />
            {row.kind === 'personne' && (
              <Input
                label={`Prénom (${noun} ${n})`}
                nativeInputProps={{
                  value: row.prenom,
                  onChange: (e) => onChange(replaceAt(rows, i, { prenom: e.target.value })),
                }}
              />
            )}
            <div className="odts-actions">
              <Button
                type="button"
                size="small"
                priority="tertiary"
                disabled={i === 0}
                nativeButtonProps={{ 'aria-label': `Monter : ${noun} ${n}` }}
                onClick={() =>
                  onChange(
                    rows.map((r, j) => (j === i - 1 ? row : j === i ? (rows[i - 1] as ContributorDraft) : r)),
                  )
                }
              >
                Monter
              </Button>
              <Button
                type="button"
                size="small"
                priority="tertiary"
                iconId="delete-line"
                nativeButtonProps={{ 'aria-label': `Retirer : ${noun} ${n}` }}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Retirer
              </Button>
            </div>
          </FieldsetItem>
        );
      })}
      <FieldsetItem>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => onChange([...rows, { kind: 'personne', nom: '', prenom: '' }])}
        >
          {`Ajouter un ${noun}`}
        </Button>
      </FieldsetItem>
    </Fieldset>
  );
}
