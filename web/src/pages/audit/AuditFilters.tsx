import { type FormEvent, useState } from 'react';
import { Button, Input, Select } from '../../ui/index.ts';
import { ENTITY_LABELS } from './restore.ts';

export interface AuditFilterValues {
  auteur: string;
  entite: string;
  entiteId: string;
  depuis: string;
  jusqua: string;
}

export const NO_FILTERS: AuditFilterValues = { auteur: '', entite: '', entiteId: '', depuis: '', jusqua: '' };

/** Filters read from the page's address, so that a filtered journal can be shared. */
export function filtersFromSearch(search: string): AuditFilterValues {
  const q = new URLSearchParams(search);
  const v = (k: keyof AuditFilterValues) => q.get(k)?.trim() ?? '';
  return {
    auteur: v('auteur'),
    entite: v('entite'),
    entiteId: v('entiteId'),
    depuis: v('depuis'),
    jusqua: v('jusqua'),
  };
}

/** Who, which kind of record (and which one), between which dates. */
export function AuditFilters({
  initial,
  onApply,
  fieldErrors,
}: {
  initial: AuditFilterValues;
  onApply: (f: AuditFilterValues) => void;
  fieldErrors: Record<string, string>;
}) {
  const [draft, setDraft] = useState(initial);
  const set = (k: keyof AuditFilterValues, v: string) => setDraft({ ...draft, [k]: v });
  const frame = (k: keyof AuditFilterValues) => ({
    state: fieldErrors[k] ? ('error' as const) : ('default' as const),
    stateRelatedMessage: fieldErrors[k],
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(draft);
  }
  const text = (k: keyof AuditFilterValues, label: string, type = 'text', hint?: string) => (
    <Input
      label={label}
      hintText={hint}
      {...frame(k)}
      nativeInputProps={{ type, value: draft[k], onChange: (e) => set(k, e.target.value) }}
    />
  );
  return (
    <form onSubmit={submit} aria-label="Filtrer le journal" className="u-mb-4">
      <div className="u-grid u-grid--gutters">
        <div className="u-col-12 u-col-md-6">{text('auteur', 'Auteur (adresse électronique ou jeton)')}</div>
        <div className="u-col-12 u-col-md-3">
          <Select
            label="Type de fiche"
            {...frame('entite')}
            nativeSelectProps={{ value: draft.entite, onChange: (e) => set('entite', e.target.value) }}
          >
            <option value="">Tous les types</option>
            {Object.entries(ENTITY_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="u-col-12 u-col-md-3">{text('entiteId', 'Identifiant de la fiche')}</div>
        <div className="u-col-12 u-col-md-3">{text('depuis', 'Depuis le', 'date')}</div>
        <div className="u-col-12 u-col-md-3">{text('jusqua', 'Jusqu’au (inclus)', 'date')}</div>
      </div>
      <Button type="submit">Filtrer</Button>{' '}
      <Button
        priority="tertiary"
        onClick={() => {
          setDraft(NO_FILTERS);
          onApply(NO_FILTERS);
        }}
      >
        Effacer les filtres
      </Button>
    </form>
  );
}
