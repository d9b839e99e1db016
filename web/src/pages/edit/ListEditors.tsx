import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { EVENT_TYPES, STATUS_LABELS, STATUSES } from '@domain/registry/kinds.ts';
import { EVENT_LABELS } from '../../lib/labels.ts';
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
    <fieldset className="fr-fieldset" id="champ-evenements" aria-labelledby="evenements-legende">
      <legend id="evenements-legende" className="fr-fieldset__legend">
        Chronologie
        <span className="fr-hint-text">
          Avec des événements datés, le statut à chaque date en découle ; sinon indiquez un statut.
        </span>
      </legend>
      {rows.length === 0 && <p className="odts-empty fr-my-1w fr-fieldset__element">Aucun événement.</p>}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
        <div key={i} className="fr-fieldset__element odts-row-editor">
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
            iconId="fr-icon-delete-line"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Retirer l’événement {i + 1}
          </Button>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          onClick={() => onChange([...rows, { date: '', type: 'creation', statut: '', note: '' }])}
        >
          Ajouter un événement
        </Button>
      </div>
    </fieldset>
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
    <fieldset className="fr-fieldset" id="champ-sources" aria-labelledby="sources-legende">
      <legend id="sources-legende" className="fr-fieldset__legend">
        Sources
      </legend>
      {rows.length === 0 && <p className="odts-empty fr-my-1w fr-fieldset__element">Aucune source.</p>}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
        <div key={i} className="fr-fieldset__element odts-row-editor">
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
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-delete-line"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Retirer la source {i + 1}
          </Button>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          onClick={() => onChange([...rows, { titre: '', url: '', consulte: '' }])}
        >
          Ajouter une source
        </Button>
      </div>
    </fieldset>
  );
}
