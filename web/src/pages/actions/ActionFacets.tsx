import type { ActionFacets as FacetCounts } from '@domain/actions/responses.ts';
import { navigate } from '../../router/history.ts';
import { DismissibleTag, Tag, TagGroup } from '../../ui/index.ts';
import {
  ACTION_FACET_LABELS,
  type ActionFacetKey,
  type ActionPageFilters,
  actionsSearch,
} from './filters.ts';

export const goToActions = (f: ActionPageFilters) => navigate(`/actions${actionsSearch({ ...f, page: 1 })}`);

/** Counts of the current results on every field of the grid; a value narrows the search. */
export function ActionFacets({ filters, facettes }: { filters: ActionPageFilters; facettes: FacetCounts }) {
  return (
    <nav aria-label="Affiner par facette" className="odts-facets">
      {(Object.keys(ACTION_FACET_LABELS) as ActionFacetKey[]).map((key) => {
        const chosen = filters[key];
        const values = facettes[key] ?? [];
        if (values.length === 0 && !chosen) return null;
        return (
          <section key={key} aria-labelledby={`facette-${key}`} className="u-mb-3">
            <h2 id={`facette-${key}`} className="u-h6 u-mb-1">
              {ACTION_FACET_LABELS[key]}
            </h2>
            {chosen && (
              <p className="u-mb-1">
                <DismissibleTag onDismiss={() => goToActions({ ...filters, [key]: '' })}>
                  {values.find((v) => v.valeur === chosen)?.libelle ?? chosen}
                  <span className="u-sr-only"> : retirer ce filtre</span>
                </DismissibleTag>
              </p>
            )}
            <TagGroup>
              {values.slice(0, 12).map((v) => (
                <li key={v.valeur}>
                  <Tag
                    small
                    pressed={v.valeur === chosen}
                    onClick={() => goToActions({ ...filters, [key]: v.valeur === chosen ? '' : v.valeur })}
                  >
                    {v.libelle} ({v.nombre})
                  </Tag>
                </li>
              ))}
            </TagGroup>
          </section>
        );
      })}
    </nav>
  );
}
