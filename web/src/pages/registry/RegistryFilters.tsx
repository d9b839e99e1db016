import {
  DYNAMIC_KIND_LABELS,
  DYNAMIC_KINDS,
  STATUS_LABELS,
  TIMELINE_STATUSES,
} from '@domain/registry/kinds.ts';
import type { TerritoryType } from '@domain/territories/types.ts';
import { useEffect, useState } from 'react';
import { TerritorySearch } from '../../components/TerritorySearch.tsx';
import { useTerritoryName } from '../../lib/useTerritoryName.ts';
import { navigate } from '../../router/history.ts';
import { Button, Input, Select } from '../../ui/index.ts';
import { ECHEANCES, EMPTY_FILTERS, type Filters, pageSearch } from './filters.ts';

function TerritoryTag({ value, onRemove }: { value: string; onRemove: () => void }) {
  const [type, code] = value.split(':') as [TerritoryType, string];
  const name = useTerritoryName(type, code ?? '');
  return (
    <p className="u-mb-2">
      Territoire : <strong>{name ?? value}</strong>{' '}
      <Button type="button" priority="tertiary-no-outline" size="small" onClick={onRemove}>
        Retirer ce filtre<span className="u-sr-only"> de territoire</span>
      </Button>
    </p>
  );
}

/** Filters are applied on submit: changing a field never reloads the list by surprise. */
export function RegistryFilters({ filters }: { filters: Filters }) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const regionName = useTerritoryName('region', filters.region);
  const departementName = useTerritoryName('departement', filters.departement);
  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));
  const apply = (f: Filters) => navigate(`/registre${pageSearch({ ...f, page: 1 })}`);

  return (
    <form
      className="odts-filters"
      aria-labelledby="filtres-titre"
      onSubmit={(e) => {
        e.preventDefault();
        apply(draft);
      }}
    >
      <h2 id="filtres-titre" className="u-h5">
        Filtres
      </h2>
      {filters.territoire && (
        <TerritoryTag value={filters.territoire} onRemove={() => apply({ ...draft, territoire: '' })} />
      )}
      <div className="u-grid u-grid--gutters">
        <div className="u-col-12 u-col-md-6">
          <Input
            label="Texte"
            hintText="Mots du nom ou du porteur"
            nativeInputProps={{ value: draft.q, onChange: (e) => set({ q: e.target.value }), type: 'search' }}
          />
        </div>
        <div className="u-col-12 u-col-md-3">
          <Select
            label="Type de dynamique"
            nativeSelectProps={{
              value: draft.type,
              onChange: (e) => set({ type: e.target.value as Filters['type'] }),
            }}
          >
            <option value="">Tous les types</option>
            {DYNAMIC_KINDS.map((k) => (
              <option key={k} value={k}>
                {DYNAMIC_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </div>
        <div className="u-col-12 u-col-md-3">
          <Select
            label="Statut"
            nativeSelectProps={{
              value: draft.statut,
              onChange: (e) => set({ statut: e.target.value as Filters['statut'] }),
            }}
          >
            <option value="">Tous les statuts</option>
            {TIMELINE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className="u-col-12 u-col-md-4">
          <TerritorySearch
            label="Région"
            hint="Saisissez au moins deux lettres"
            type="region"
            initialText={regionName ?? filters.region}
            onSelect={(t) => set({ region: t.code })}
            onClear={() => set({ region: '' })}
          />
        </div>
        <div className="u-col-12 u-col-md-4">
          <TerritorySearch
            label="Département"
            hint="Nom ou numéro"
            type="departement"
            initialText={departementName ?? filters.departement}
            onSelect={(t) => set({ departement: t.code })}
            onClear={() => set({ departement: '' })}
          />
        </div>
        <div className="u-col-12 u-col-md-4">
          <Select
            label="Échéance"
            hint="Date de fin atteinte sans renouvellement enregistré"
            nativeSelectProps={{
              value: draft.echeance,
              onChange: (e) => set({ echeance: e.target.value }),
            }}
          >
            <option value="">Toutes les dynamiques</option>
            {ECHEANCES.map((m) => (
              <option key={m} value={m}>
                {`Renouvellement dû d’ici ${m} mois (échues comprises)`}
              </option>
            ))}
          </Select>
        </div>
        <div className="u-col-12 u-col-md-4">
          <Input
            label="État au"
            hintText="Statuts à cette date (aujourd’hui si vide)"
            nativeInputProps={{
              type: 'date',
              value: draft.date,
              onChange: (e) => set({ date: e.target.value }),
            }}
          />
        </div>
      </div>
      <div className="odts-actions u-mt-2">
        <Button type="submit" iconId="filter-line">
          Filtrer
        </Button>
        <Button type="button" priority="secondary" onClick={() => apply(EMPTY_FILTERS)}>
          Réinitialiser
        </Button>
      </div>
    </form>
  );
}
