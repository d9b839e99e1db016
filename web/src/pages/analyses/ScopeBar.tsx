import { useState } from 'react';
import type { TerritoryItem } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { TerritorySearch } from '../../components/TerritorySearch.tsx';
import { Link } from '../../router/Link.tsx';
import { Alert, Button, ButtonGroup, Input } from '../../ui/index.ts';
import type { AnalysisScope } from './scope.ts';

/** Name of the territory in the scope, read from the reference. */
export function useScopeName(scope: AnalysisScope): string {
  const url = scope.commune
    ? `/api/territoires/commune/${scope.commune}`
    : scope.epci
      ? `/api/territoires/epci/${scope.epci}`
      : scope.departement
        ? `/api/territoires/departement/${scope.departement}`
        : scope.region
          ? `/api/territoires/region/${scope.region}`
          : null;
  const t = useApi<{ nom: string }>(url);
  if (!url) return 'France entière';
  return t.status === 'ok'
    ? t.data.nom
    : (scope.commune ?? scope.epci ?? scope.departement ?? scope.region ?? '');
}

/**
 * Territory and date for the whole page. A région or a département narrows every block; another kind of
 * territory is pointed to its own page, whose profile gives its figures.
 */
export function ScopeBar({
  scope,
  onChange,
}: {
  scope: AnalysisScope;
  onChange: (s: AnalysisScope) => void;
}) {
  const name = useScopeName(scope);
  const [date, setDate] = useState(scope.date ?? '');
  const [elsewhere, setElsewhere] = useState<TerritoryItem | null>(null);
  const pick = (t: TerritoryItem) => {
    if (t.type === 'region') onChange({ region: t.code, date: scope.date });
    else if (t.type === 'departement') onChange({ departement: t.code, date: scope.date });
    else if (t.type === 'epci') onChange({ epci: t.code, date: scope.date });
    else if (t.type === 'commune') onChange({ commune: t.code, date: scope.date });
    else return setElsewhere(t);
    setElsewhere(null);
  };
  return (
    <form
      className="odts-filters u-grid u-grid--gutters"
      aria-label="Territoire et date des analyses"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...scope, date: date || undefined });
      }}
    >
      <div className="u-col-12 u-col-md-6">
        <TerritorySearch
          label="Territoire"
          hint="Une région, un département, une intercommunalité ou une commune ; vide : la France entière"
          initialText={scope.region || scope.departement || scope.epci || scope.commune ? name : ''}
          onSelect={pick}
          onClear={() => onChange({ date: scope.date })}
        />
      </div>
      <div className="u-col-12 u-col-md-3">
        <Input
          label="À la date du"
          hintText="Vide : aujourd’hui"
          nativeInputProps={{
            id: 'analyses-date',
            type: 'date',
            value: date,
            onChange: (e) => setDate(e.target.value),
          }}
        />
      </div>
      <div className="u-col-12 u-col-md-3 odts-align-end">
        <ButtonGroup>
          <li>
            <Button type="submit">Appliquer la date</Button>
          </li>
          {(scope.region || scope.departement || scope.epci || scope.commune || scope.date) && (
            <li>
              <Button
                type="button"
                priority="secondary"
                onClick={() => {
                  setDate('');
                  onChange({});
                }}
              >
                France entière, aujourd’hui
              </Button>
            </li>
          )}
        </ButtonGroup>
      </div>
      {elsewhere && (
        <output className="u-col-12">
          <Alert
            severity="info"
            title="Analyses d’un quartier prioritaire"
            description={
              <p>
                Pour {elsewhere.nom}, ouvrez{' '}
                <Link href={`/territoires/${elsewhere.type}/${encodeURIComponent(elsewhere.code)}`}>
                  sa fiche de territoire
                </Link>{' '}
                : son profil donne ses dynamiques, sa couverture et ses configurations.
              </p>
            }
          />
        </output>
      )}
    </form>
  );
}
