import { DYNAMIC_KIND_LABELS, type DynamicKind, LINK_TYPES } from '@domain/registry/kinds.ts';
import { useEffect, useId, useState } from 'react';
import { getJson } from '../../api/client.ts';
import { LINK_LABELS } from '../../lib/labels.ts';
import { Button, Fieldset, FieldsetItem, Hint, Input, Select } from '../../ui/index.ts';
import type { LinkRow } from './draft.ts';
import { errorState, type FieldErrors, messageFor } from './fieldErrors.ts';

interface Found {
  id: string;
  nom: string;
  type: DynamicKind;
}

const EMPTY_LINK: LinkRow = { type: '', cible: '', cibleNom: '', debut: '', fin: '' };

function replaceAt<T>(rows: T[], index: number, patch: Partial<T>): T[] {
  return rows.map((r, i) => (i === index ? { ...r, ...patch } : r));
}

/** Name of a linked dynamic already in the record (the stored link keeps only its identifier). */
function useTargetName(row: LinkRow): string {
  const [name, setName] = useState(row.cibleNom);
  useEffect(() => {
    if (row.cibleNom || !row.cible) return setName(row.cibleNom);
    const controller = new AbortController();
    getJson<{ nom: string }>(`/api/dynamiques/${encodeURIComponent(row.cible)}`, controller.signal).then(
      (d) => setName(d.nom),
      () => setName(`dynamique ${row.cible}`),
    );
    return () => controller.abort();
  }, [row.cible, row.cibleNom]);
  return name;
}

/** Finds the target among the registry's dynamics by name (debounced search, results as buttons). */
function TargetPicker({
  index,
  onPick,
  error,
}: {
  index: number;
  onPick: (d: Found) => void;
  error?: string;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  const listId = useId();
  useEffect(() => {
    if (q.trim().length < 2) return setFound([]);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<{ items: Found[] }>(
        `/api/dynamiques?q=${encodeURIComponent(q.trim())}&limit=8`,
        controller.signal,
      ).then(
        (page) => setFound(page.items),
        () => setFound([]),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return (
    <div>
      <Input
        label={`Dynamique liée (lien ${index + 1})`}
        hintText="Tapez au moins deux lettres du nom"
        nativeInputProps={{
          id: `champ-liens-${index}-cible`,
          type: 'search',
          value: q,
          'aria-controls': listId,
          onChange: (e) => setQ(e.target.value),
        }}
        {...errorState(error)}
      />
      <ul id={listId} className="odts-suggestions" aria-live="polite">
        {found.map((d) => (
          <li key={d.id}>
            <Button type="button" priority="tertiary" size="small" onClick={() => onPick(d)}>
              {d.nom} — {DYNAMIC_KIND_LABELS[d.type] ?? d.type}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LinkEditorRow({
  row,
  index,
  onChange,
  onRemove,
  errors,
}: {
  row: LinkRow;
  index: number;
  onChange: (patch: Partial<LinkRow>) => void;
  onRemove: () => void;
  errors: FieldErrors;
}) {
  const err = (f: string) => messageFor(errors, `liens.${index}.${f}`);
  const name = useTargetName(row);
  return (
    <FieldsetItem className="odts-row-editor">
      <Select
        label={`Nature du lien ${index + 1}`}
        nativeSelectProps={{
          id: `champ-liens-${index}-type`,
          value: row.type,
          onChange: (e) => onChange({ type: e.target.value as LinkRow['type'] }),
        }}
        {...errorState(err('type'))}
      >
        <option value="">Choisir</option>
        {LINK_TYPES.map((t) => (
          <option key={t} value={t}>
            cette dynamique est {LINK_LABELS[t]}…
          </option>
        ))}
      </Select>
      {row.cible ? (
        <p className="u-mb-1">
          <span className="u-bold">{name}</span>{' '}
          <Button
            type="button"
            priority="tertiary"
            size="small"
            onClick={() => onChange({ cible: '', cibleNom: '' })}
          >
            Changer de dynamique (lien {index + 1})
          </Button>
        </p>
      ) : (
        <TargetPicker
          index={index}
          error={err('cible')}
          onPick={(d) => onChange({ cible: d.id, cibleNom: d.nom })}
        />
      )}
      <Input
        label={`Depuis le (lien ${index + 1})`}
        nativeInputProps={{
          id: `champ-liens-${index}-debut`,
          type: 'date',
          value: row.debut,
          onChange: (e) => onChange({ debut: e.target.value }),
        }}
        {...errorState(err('debut'))}
      />
      <Input
        label={`Jusqu’au (lien ${index + 1})`}
        nativeInputProps={{
          id: `champ-liens-${index}-fin`,
          type: 'date',
          value: row.fin,
          onChange: (e) => onChange({ fin: e.target.value }),
        }}
        {...errorState(err('fin'))}
      />
      <Button type="button" priority="tertiary" size="small" iconId="delete-line" onClick={onRemove}>
        Retirer le lien {index + 1}
      </Button>
    </FieldsetItem>
  );
}

/**
 * Typed links to other dynamics (a CLSM « volet santé mentale de » a CLS). Entered on one record, shown on
 * both: the target's page lists it the other way round.
 */
export function LinksEditor({
  rows,
  onChange,
  errors,
}: {
  rows: LinkRow[];
  onChange: (rows: LinkRow[]) => void;
  errors: FieldErrors;
}) {
  return (
    <Fieldset
      id="champ-liens"
      legendId="liens-legende"
      legend={
        <>
          Liens avec d’autres dynamiques
          <Hint>Un lien saisi ici apparaît aussi, dans l’autre sens, sur la fiche de la dynamique liée.</Hint>
        </>
      }
    >
      {rows.length === 0 && (
        <FieldsetItem className="odts-empty u-my-1">
          <p>Aucun lien.</p>
        </FieldsetItem>
      )}
      {rows.map((row, i) => (
        <LinkEditorRow
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
          key={i}
          row={row}
          index={i}
          errors={errors}
          onChange={(patch) => onChange(replaceAt(rows, i, patch))}
          onRemove={() => onChange(rows.filter((_, j) => j !== i))}
        />
      ))}
      <FieldsetItem>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="add-line"
          onClick={() => onChange([...rows, { ...EMPTY_LINK }])}
        >
          Ajouter un lien
        </Button>
      </FieldsetItem>
    </Fieldset>
  );
}
