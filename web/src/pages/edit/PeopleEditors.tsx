import { Button, Checkbox, Fieldset, FieldsetItem, Input } from '../../ui/index.ts';
import type { ContactRow, CoordinationRow } from './draft.ts';
import { errorState, type FieldErrors, messageFor } from './fieldErrors.ts';

function replaceAt<T>(rows: T[], index: number, patch: Partial<T>): T[] {
  return rows.map((r, i) => (i === index ? { ...r, ...patch } : r));
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="button" priority="tertiary" size="small" iconId="delete-line" onClick={onClick}>
      {label}
    </Button>
  );
}

const EMPTY_POST: CoordinationRow = {
  intitule: '',
  etp: '',
  financeurs: '',
  debut: '',
  fin: '',
  vacant: false,
};
const EMPTY_CONTACT: ContactRow = { nom: '', role: '', email: '', telephone: '', public: false };

/** Coordination posts: what the "sans coordination" gap is computed from. */
export function CoordinationEditor({
  rows,
  onChange,
  errors,
  idPrefix = 'champ',
  of = '',
}: {
  rows: CoordinationRow[];
  onChange: (rows: CoordinationRow[]) => void;
  errors: FieldErrors;
  /** Several editors on one page (a form per record) keep their ids and labels apart. */
  idPrefix?: string;
  /** Appended to labels: « — CLS de Tulle ». */
  of?: string;
}) {
  const err = (i: number, f: string) => messageFor(errors, `coordination.${i}.${f}`);
  const field = (i: number, name: keyof CoordinationRow, label: string, type = 'text', hint?: string) => (
    <Input
      label={`${label} (poste ${i + 1})${of}`}
      {...(hint ? { hintText: hint } : {})}
      nativeInputProps={{
        id: `${idPrefix}-coordination-${i}-${name}`,
        type,
        value: String(rows[i]?.[name] ?? ''),
        onChange: (e) => onChange(replaceAt(rows, i, { [name]: e.target.value })),
      }}
      {...errorState(err(i, name))}
    />
  );
  return (
    <Fieldset
      id={`${idPrefix}-coordination`}
      legendId={`${idPrefix}-coordination-legende`}
      legend={<>Coordination{of}</>}
    >
      {rows.length === 0 && (
        <FieldsetItem className="odts-empty u-my-1">
          <p>Aucun poste de coordination.</p>
        </FieldsetItem>
      )}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
        <FieldsetItem key={i} className="odts-row-editor">
          {field(i, 'intitule', 'Intitulé')}
          {field(i, 'etp', 'Temps de travail (ETP)', 'text', 'Par exemple 0,5')}
          {field(i, 'financeurs', 'Financeurs', 'text', 'Séparés par des virgules')}
          {field(i, 'debut', 'Début', 'date')}
          {field(i, 'fin', 'Fin', 'date')}
          <Checkbox
            small
            options={[
              {
                label: `Poste vacant (poste ${i + 1})`,
                nativeInputProps: {
                  id: `${idPrefix}-coordination-${i}-vacant`,
                  checked: row.vacant,
                  onChange: () => onChange(replaceAt(rows, i, { vacant: !row.vacant })),
                },
              },
            ]}
          />
          <RemoveButton
            label={`Retirer le poste ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          />
        </FieldsetItem>
      ))}
      <FieldsetItem>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => onChange([...rows, { ...EMPTY_POST }])}
        >
          Ajouter un poste de coordination
        </Button>
      </FieldsetItem>
    </Fieldset>
  );
}

/** Contacts: shown to visitors only with their consent to publication. */
export function ContactsEditor({
  rows,
  onChange,
  errors,
  idPrefix = 'champ',
  of = '',
}: {
  rows: ContactRow[];
  onChange: (rows: ContactRow[]) => void;
  errors: FieldErrors;
  /** Several editors on one page (a form per record) keep their ids and labels apart. */
  idPrefix?: string;
  /** Appended to labels: « — CLS de Tulle ». */
  of?: string;
}) {
  const err = (i: number, f: string) => messageFor(errors, `contacts.${i}.${f}`);
  const field = (i: number, name: keyof ContactRow, label: string, type = 'text') => (
    <Input
      label={`${label} (contact ${i + 1})${of}`}
      nativeInputProps={{
        id: `${idPrefix}-contacts-${i}-${name}`,
        type,
        value: String(rows[i]?.[name] ?? ''),
        onChange: (e) => onChange(replaceAt(rows, i, { [name]: e.target.value })),
      }}
      {...errorState(err(i, name))}
    />
  );
  return (
    <Fieldset
      id={`${idPrefix}-contacts`}
      legendId={`${idPrefix}-contacts-legende`}
      legend={<>Contacts{of}</>}
    >
      {rows.length === 0 && (
        <FieldsetItem className="odts-empty u-my-1">
          <p>Aucun contact.</p>
        </FieldsetItem>
      )}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
        <FieldsetItem key={i} className="odts-row-editor">
          {field(i, 'nom', 'Nom')}
          {field(i, 'role', 'Fonction')}
          {field(i, 'email', 'Courriel', 'email')}
          {field(i, 'telephone', 'Téléphone', 'tel')}
          <Checkbox
            small
            options={[
              {
                label: `Accepte que ses coordonnées soient publiées (contact ${i + 1})`,
                hintText: 'Sans cet accord, le contact n’est visible que des personnes connectées.',
                nativeInputProps: {
                  id: `${idPrefix}-contacts-${i}-public`,
                  checked: row.public,
                  onChange: () => onChange(replaceAt(rows, i, { public: !row.public })),
                },
              },
            ]}
          />
          <RemoveButton
            label={`Retirer le contact ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          />
        </FieldsetItem>
      ))}
      <FieldsetItem>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => onChange([...rows, { ...EMPTY_CONTACT }])}
        >
          Ajouter un contact
        </Button>
      </FieldsetItem>
    </Fieldset>
  );
}
