import { DYNAMIC_KIND_LABELS, DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import type { Counts } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { Async, Empty } from '../components/StateViews.tsx';
import { TerritorySearch } from '../components/TerritorySearch.tsx';
import { formatDateLong, formatInteger } from '../lib/format.ts';
import { useTitle } from '../lib/useTitle.ts';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { TextLink } from '../ui/index.ts';

interface Figure {
  type: DynamicKind;
  total: number;
  actives: number;
}

/** National totals by kind: the sum over régions (a dynamic spanning two régions counts in each). */
function figuresOf(counts: Counts): Figure[] {
  const byKind = new Map<DynamicKind, Figure>();
  for (const item of counts.items) {
    if (item.statut === 'arrete') continue;
    const f = byKind.get(item.type) ?? { type: item.type, total: 0, actives: 0 };
    f.total += item.nombre;
    if (item.statut === 'actif') f.actives += item.nombre;
    byKind.set(item.type, f);
  }
  return DYNAMIC_KINDS.flatMap((k) => byKind.get(k) ?? []);
}

function KeyFigures({ counts }: { counts: Counts }) {
  const figures = figuresOf(counts);
  if (figures.length === 0) {
    return (
      <Empty>
        Le registre est vide pour l’instant. <Link href="/import">Importez un fichier de dynamiques</Link>{' '}
        pour commencer.
      </Empty>
    );
  }
  return (
    <ul className="odts-figures" aria-label="Dynamiques en cours par type">
      {figures.map((f) => (
        <li key={f.type} className="odts-figure">
          <span className="odts-figure__value">{formatInteger(f.total)}</span>
          <Link className="odts-figure__label" href={`/registre?type=${f.type}`}>
            {DYNAMIC_KIND_LABELS[f.type]}
            <span className="u-sr-only"> : voir dans le registre</span>
          </Link>
          <span className="odts-figure__meta">dont {formatInteger(f.actives)} actives</span>
        </li>
      ))}
    </ul>
  );
}

export default function HomePage() {
  useTitle(null);
  const counts = useApi<Counts>('/api/analyses/comptages?niveau=region');
  return (
    <>
      <div className="odts-hero u-mt-4 u-px-4">
        <h1>Dynamiques territoriales de santé</h1>
        <p className="u-lead">
          Qui fait quoi, où ? Ateliers santé ville, contrats locaux de santé, conseils locaux de santé
          mentale, CPTS, maisons et centres de santé : le registre national, par territoire et à toute date.
        </p>
        <search aria-label="Territoires" className="u-col-12 u-col-md-8 odts-block">
          <TerritorySearch
            label="Rechercher un territoire"
            hint="Commune, intercommunalité, département ou région : nom, code INSEE ou code postal"
            placeholder="Ex. : Saint-Étienne, 42218, Loire…"
            onSelect={(t) => navigate(`/territoires/${t.type}/${t.code}`)}
          />
        </search>
      </div>

      <section aria-labelledby="chiffres-cles">
        <h2 id="chiffres-cles">Chiffres clés</h2>
        <Async state={counts} label="Chargement des chiffres clés…">
          {(c) => (
            <>
              <p>
                Dynamiques en projet, actives ou suspendues au {formatDateLong(c.date)}, toutes régions
                confondues.
              </p>
              <KeyFigures counts={c} />
            </>
          )}
        </Async>
      </section>

      <section aria-labelledby="explorer" className="u-mt-6">
        <h2 id="explorer">Explorer</h2>
        <ul className="u-grid u-grid--gutters odts-explore">
          <li className="u-col-12 u-col-md-4">
            <TextLink iconId="list-unordered" href="/registre">
              Le registre, filtrable et exportable
            </TextLink>
          </li>
          <li className="u-col-12 u-col-md-4">
            <TextLink iconId="map-pin-2-line" href="/carte">
              La carte des dynamiques
            </TextLink>
          </li>
          <li className="u-col-12 u-col-md-4">
            <TextLink iconId="bar-chart-box-line" href="/analyses">
              Les analyses et configurations
            </TextLink>
          </li>
        </ul>
      </section>
    </>
  );
}
