import { EVENT_TYPES, STATUS_LABELS, STATUSES } from '@domain/registry/kinds.ts';
import { EVENT_LABELS } from '../../lib/labels.ts';
import { Button, Fieldset, FieldsetItem, Hint, Input, Select } from '../../ui/index.ts';
import type { EventRow, SourceRow } from './draft.ts';
import { errorState, type FieldErrors, messageFor } from './fieldErrors.ts';

function replaceAt<T>(rows: T[], index: number, patch: Partial<T>): T[] {
  return rows.map((r, i) => (i === index ? { ...r, ...patch } : r));
}

/** Dated events (creation, signature, renewal…): the status over time is derived from them. */
export function EventsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: EventRow[];
  onChange: (rows: EventRow[]) => void;
  errors: FieldErrors;
}) {
  const err = (i: number, f: string) => messageFor(errors, `evenements.${i}.${f}`);
  return (
    <Fieldset
      id="champ-evenements"
      legendId="evenements-legende"
      legend={
        <>
          Chronologie
          <Hint>
            Avec des événements datés, le statut à chaque date en découle ; sinon indiquez un statut.
          </Hint>
        </>
      }
    >
      {rows.length === 0 && (
        <FieldsetItem className="odts-empty u-my-1">
          <p>Aucun événement.</p>
        </FieldsetItem>
      )}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
        <FieldsetItem key={i} className="odts-row-editor">
          <Input
            label={`Date de l’événement ${i + 1}`}
            nativeInputProps={{
              id: `champ-evenements-${i}-date`,
              type: 'date',
              value: row.date,
              onChange: (e) => onChange(replaceAt(rows, i, { date: e.target.value })),
            }}
            {...errorState(err(i, 'date'))}
          />
          <Select
            label={`Type de l’événement ${i + 1}`}
            nativeSelectProps={{
              id: `champ-evenements-${i}-type`,
              value: row.type,
              onChange: (e) => onChange(replaceAt(rows, i, { type: e.target.value as EventRow['type'] })),
            }}
            {...errorState(err(i, 'type'))}
          >
            {EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {EVENT_LABELS[t]}
              </option>
            ))}
          </Select>
          <Select
            label={`Statut après l’événement ${i + 1}`}
            hint="Par défaut, celui qu’implique l’événement"
            nativeSelectProps={{
              id: `champ-evenements-${i}-statut`,
              value: row.statut,
              onChange: (e) => onChange(replaceAt(rows, i, { statut: e.target.value as EventRow['statut'] })),
            }}
            {...errorState(err(i, 'statut'))}
          >
            <option value="">Implicite</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
          <Input
            label={`Note de l’événement ${i + 1}`}
            nativeInputProps={{
              id: `champ-evenements-${i}-note`,
              value: row.note,
              onChange: (e) => onChange(replaceAt(rows, i, { note: e.target.value })),
            }}
            {...errorState(err(i, 'note'))}
          />
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="delete-line"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Retirer l’événement {i + 1}
          </Button>
        </FieldsetItem>
      ))}
      <FieldsetItem>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => onChange([...rows, { date: '', type: 'creation', statut: '', note: '' }])}
        >
          Ajouter un événement
        </Button>
      </FieldsetItem>
    </Fieldset>
  );
}

/** Where the information comes from: a title, an address, the date it was read. */
export function SourcesEditor({
  rows,
  onChange,
  errors,
}: {
  rows: SourceRow[];
  onChange: (rows: SourceRow[]) => void;
  errors: FieldErrors;
}) {
  const err = (i: number, f: string) => messageFor(errors, `sources.${i}.${f}`);
  return (
    <Fieldset id="champ-sources" legendId="sources-legende" legend={<>Sources</>}>
      {rows.length === 0 && (
        <FieldsetItem className="odts-empty u-my-1">
          <p>Aucune source.</p>
        </FieldsetItem>
      )}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
        <FieldsetItem key={i} className="odts-row-editor">
          <Input
            label={`Titre de la source ${i + 1}`}
            nativeInputProps={{
              id: `champ-sources-${i}-titre`,
              value: row.titre,
              onChange: (e) => onChange(replaceAt(rows, i, { titre: e.target.value })),
            }}
            {...errorState(err(i, 'titre'))}
          />
          <Input
            label={`Adresse de la source ${i + 1}`}
            hintText="https://…"
            nativeInputProps={{
              id: `champ-sources-${i}-url`,
              type: 'url',
              value: row.url,
              onChange: (e) => onChange(replaceAt(rows, i, { url: e.target.value })),
            }}
            {...errorState(err(i, 'url'))}
          />
          <Input
            label={`Consultée le (source ${i + 1})`}
            nativeInputProps={{
              id: `champ-sources-${i}-consulte`,
              type: 'date',
              value: row.consulte,
              onChange: (e) => onChange(replaceAt(rows, i, { consulte: e.target.value })),
            }}
            {...errorState(err(i, 'consulte'))}
          />
          <Input
            label={`Passage (source ${i + 1})`}
            hintText="page ou section, par exemple « p. 7, Les Ateliers santé ville »"
            nativeInputProps={{
              id: `champ-sources-${i}-passage`,
              value: row.passage,
              onChange: (e) => onChange(replaceAt(rows, i, { passage: e.target.value })),
            }}
            {...errorState(err(i, 'passage'))}
          />
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="delete-line"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Retirer la source {i + 1}
          </Button>
        </FieldsetItem>
      ))}
      <FieldsetItem>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => onChange([...rows, { titre: '', url: '', consulte: '', passage: '' }])}
        >
          Ajouter une source
        </Button>
      </FieldsetItem>
    </Fieldset>
  );
}
