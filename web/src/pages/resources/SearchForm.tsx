import { useEffect, useState } from 'react';
import type { Facet } from '../../api/types.ts';
import { navigate } from '../../router/history.ts';
import { Button, ButtonGroup, DismissibleTag, Input, Select, Tag, TagGroup } from '../../ui/index.ts';
import { EMPTY_RESOURCE_FILTERS, type FacetKey, type ResourceFilters, resourcesSearch } from './filters.ts';

export const FACET_LABELS: Record<FacetKey, string> = {
  type: 'Type de document',
  dispositif: 'Dispositif',
  theme: 'Thème',
  public: 'Public',
};

const go = (f: ResourceFilters) => navigate(`/ressources${resourcesSearch({ ...f, page: 1 })}`);

/** Words, years and order; applied on submit so that typing never reloads the results by surprise. */
export function SearchForm({ filters }: { filters: ResourceFilters }) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (patch: Partial<ResourceFilters>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form
      aria-label="Rechercher dans les ressources"
      className="odts-filters"
      onSubmit={(e) => {
        e.preventDefault();
        go(draft);
      }}
    >
      <div className="u-grid u-grid--gutters">
        <div className="u-col-12 u-col-md-6">
          <Input
            label="Mots recherchés"
            hintText="« expression exacte », OR entre deux mots, -mot pour exclure"
            nativeInputProps={{ type: 'search', value: draft.q, onChange: (e) => set({ q: e.target.value }) }}
          />
        </div>
        <div className="u-col-6 u-col-md-2">
          <Input
            label="Depuis l’année"
            nativeInputProps={{
              inputMode: 'numeric',
              pattern: '[0-9]{4}',
              value: draft.anneeMin,
              onChange: (e) => set({ anneeMin: e.target.value }),
            }}
          />
        </div>
        <div className="u-col-6 u-col-md-2">
          <Input
            label="Jusqu’à l’année"
            nativeInputProps={{
              inputMode: 'numeric',
              pattern: '[0-9]{4}',
              value: draft.anneeMax,
              onChange: (e) => set({ anneeMax: e.target.value }),
            }}
          />
        </div>
        <div className="u-col-12 u-col-md-2">
          <Select
            label="Ordre"
            nativeSelectProps={{
              value: draft.tri,
              onChange: (e) => set({ tri: e.target.value === 'date' ? 'date' : 'pertinence' }),
            }}
          >
            <option value="pertinence">Pertinence</option>
            <option value="date">Date, récentes d’abord</option>
          </Select>
        </div>
      </div>
      <ButtonGroup>
        <li>
          <Button type="submit">Rechercher</Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={() => go(EMPTY_RESOURCE_FILTERS)}>
            Tout effacer
          </Button>
        </li>
      </ButtonGroup>
    </form>
  );
}

/** Counts of the current results by type, dispositif, theme and audience; a value narrows the search. */
export function Facets({
  filters,
  facettes,
}: {
  filters: ResourceFilters;
  facettes: Record<FacetKey, Facet[]>;
}) {
  return (
    <nav aria-label="Affiner par facette" className="odts-facets">
      {(Object.keys(FACET_LABELS) as FacetKey[]).map((key) => {
        const chosen = filters[key];
        const values = facettes[key] ?? [];
        return (
          <section key={key} aria-labelledby={`facette-${key}`} className="u-mb-3">
            <h2 id={`facette-${key}`} className="u-h6 u-mb-1">
              {FACET_LABELS[key]}
            </h2>
            {chosen && (
              <p className="u-mb-1">
                <DismissibleTag onDismiss={() => go({ ...filters, [key]: '' })}>
                  {values.find((v) => String(v.valeur) === chosen)?.libelle ?? chosen}
                  <span className="u-sr-only"> : retirer ce filtre</span>
                </DismissibleTag>
              </p>
            )}
            {values.length === 0 ? (
              <p className="u-text-sm odts-empty u-my-0">Aucune valeur</p>
            ) : (
              <TagGroup>
                {values.slice(0, 12).map((v) => (
                  <li key={v.valeur}>
                    <Tag
                      small
                      pressed={String(v.valeur) === chosen}
                      onClick={() =>
                        go({ ...filters, [key]: String(v.valeur) === chosen ? '' : String(v.valeur) })
                      }
                    >
                      {v.libelle} ({v.nombre})
                    </Tag>
                  </li>
                ))}
              </TagGroup>
            )}
          </section>
        );
      })}
    </nav>
  );
}
