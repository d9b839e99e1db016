import { DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
import type { QpvListResult } from '@domain/territories/qpv-list.ts';
import type { FeatureCollection } from 'geojson';
import { lazy, type ReactNode, Suspense, useMemo, useRef, useState } from 'react';
import type { Topology } from 'topojson-specification';
import { query } from '../../api/client.ts';
import type { CoverageData } from '../../api/types.ts';
import { type ApiState, useApi } from '../../api/useApi.ts';
import { ErrorMessage, Loading } from '../../components/StateViews.tsx';
import { TerritorySearch } from '../../components/TerritorySearch.tsx';
import { useTitle } from '../../lib/useTitle.ts';
import { navigate, useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { Alert, Button } from '../../ui/index.ts';
import { DateControls } from './DateControls.tsx';
import { boundsOf, toGeoJson, withQpvCounts, withShares } from './geo.ts';
import { KindSelect, Layers, Picked, QpvLayer, ShareLegend, SharesTable } from './MapControls.tsx';
import type { Focus, PickedFeature } from './MapView.tsx';
import { type MapParams, mapDataUrls, mapSearch, readMapParams } from './urls.ts';

const MapView = lazy(() => import('./MapView.tsx'));
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function MissingContours() {
  return (
    <Alert
      severity="warning"
      title="Les contours administratifs ne sont pas chargés"
      description={
        <>
          Pour afficher la carte, chargez un fichier de contours (GeoJSON ou TopoJSON) avec la commande{' '}
          <code>npm run odts -- reference import contours FICHIER</code>, puis rechargez cette page. Les
          autres pages fonctionnent sans.
        </>
      }
    />
  );
}

const failed = (...states: ApiState<unknown>[]) => states.find((s) => s.status === 'error')?.error ?? null;

function useMapParams() {
  const { search } = useLocation();
  const state = readMapParams(search);
  const set = (patch: Partial<MapParams>) =>
    navigate(`/carte${mapSearch({ ...state, ...patch })}`, { replace: true });
  return [state, set] as const;
}

export default function MapPage() {
  useTitle('Carte des dynamiques');
  const [{ kind, departement, date }, set] = useMapParams();
  const [hidden, setHidden] = useState<ReadonlySet<DynamicKind>>(new Set());
  const [picked, setPicked] = useState<PickedFeature[] | null>(null);
  const urls = mapDataUrls({ kind, departement, date });
  const deps = useApi<Topology>(urls.departements);
  const regs = useApi<Topology>(urls.regions);
  const cover = useApi<CoverageData>(urls.coverage);
  const communes = useApi<Topology>(urls.communes);
  const dyn = useApi<FeatureCollection>(urls.dynamics);
  const qpv = useApi<QpvListResult>(urls.qpv);
  const [showQpv, setShowQpv] = useState(true);
  const qpvCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const q of qpv.data?.items ?? [])
      for (const c of q.communes) counts.set(c, (counts.get(c) ?? 0) + 1);
    return counts;
  }, [qpv.data]);

  // While another date's coverage loads, the map keeps the last one instead of turning white.
  const lastCover = useRef<CoverageData | null>(null);
  if (cover.data) lastCover.current = cover.data;
  const coverage = cover.data ?? lastCover.current;
  const shares = useMemo(() => {
    const rows = (coverage?.items ?? []).filter((i) => i.type === kind);
    return rows.map((r) => ({ code: r.territoire.code, nom: r.territoire.nom, part: r.partPopulation }));
  }, [coverage, kind]);
  const departements = useMemo(
    () =>
      deps.data
        ? withShares(toGeoJson(deps.data, 'departement'), new Map(shares.map((s) => [s.code, s.part])))
        : null,
    [deps.data, shares],
  );
  const regions = useMemo(() => (regs.data ? toGeoJson(regs.data, 'region') : null), [regs.data]);
  const focus = useMemo<Focus | null>(() => {
    if (!departement || !departements || !communes.data || !dyn.data) return null;
    const bounds = boundsOf(departements.features.find((f) => f.properties?.code === departement));
    if (!bounds) return null;
    const withQpv = withQpvCounts(toGeoJson(communes.data, 'commune'), qpvCounts);
    return { code: departement, bounds, communes: withQpv, dynamics: dyn.data };
  }, [departement, departements, communes.data, dyn.data, qpvCounts]);
  // The QPV list may fail (layer being re-imported): the map then shows the perimeters without it.
  const qpvDone = qpv.status !== 'loading';
  const loaded = Boolean(departement && departements && communes.data && dyn.data && qpvDone);
  const counts = useMemo(() => {
    const c = new Map<DynamicKind, number>();
    for (const f of focus?.dynamics.features ?? [])
      c.set(f.properties?.type, (c.get(f.properties?.type) ?? 0) + 1);
    return c;
  }, [focus]);
  const visible = useMemo(() => new Set(DYNAMIC_KINDS.filter((k) => !hidden.has(k))), [hidden]);
  const toggle = (k: DynamicKind) =>
    setHidden((h) => (h.has(k) ? new Set([...h].filter((x) => x !== k)) : new Set([...h, k])));
  const open = (code: string) => {
    setPicked(null);
    set({ departement: code });
  };
  const depName = departements?.features.find((f) => f.properties?.code === departement)?.properties?.nom;

  const error = failed(deps, regs, cover, ...(departement ? [communes, dyn] : []));
  let body: ReactNode;
  if (error?.status === 409) body = <MissingContours />;
  else if (error) body = <ErrorMessage error={error} />;
  else {
    // The map starts while the data is on its way; it is reported idle once the data is drawn.
    body = (
      <div className="u-grid u-grid--gutters">
        <div className="u-col-12 u-col-md-8">
          <Suspense fallback={<Loading label="Chargement de la carte…" />}>
            <MapView
              departements={departements ?? EMPTY}
              regions={regions ?? EMPTY}
              focus={focus}
              pending={!departements || !regions || !cover.data || (Boolean(departement) && !loaded)}
              visible={visible}
              showQpv={showQpv}
              onPick={setPicked}
              onDepartement={open}
            />
          </Suspense>
          {departements && <SharesTable rows={shares} kind={kind} />}
        </div>
        <div className="u-col-12 u-col-md-4">
          <KindSelect kind={kind} onChange={(k) => set({ kind: k })} />
          <ShareLegend />
          {!departements && <Loading label="Chargement des contours…" />}
          {departement ? (
            <section aria-labelledby="departement-ouvert">
              <h2 id="departement-ouvert" className="u-h5">
                {depName ?? departement} ({departement})
              </h2>
              {!loaded && <Loading label="Chargement des périmètres…" />}
              {loaded && !focus && <p>Ce département n’a pas de contour chargé.</p>}
              {focus && <Layers counts={counts} visible={visible} toggle={toggle} />}
              {focus && (
                <QpvLayer
                  count={qpv.data ? qpv.data.items.length : null}
                  shown={showQpv}
                  toggle={() => setShowQpv((v) => !v)}
                />
              )}
              <Picked items={picked} />
              <p>
                <Link href={`/registre?departement=${departement}`}>
                  Les dynamiques de ce département dans le registre
                </Link>
              </p>
              <Button priority="secondary" iconId="arrow-left-line" onClick={() => open('')}>
                Revenir à la France entière
              </Button>
            </section>
          ) : (
            <TerritorySearch
              label="Ouvrir un département"
              hint="Ou cliquez sur la carte"
              type="departement"
              onSelect={(t) => open(t.code)}
            />
          )}
        </div>
      </div>
    );
  }

  return (
    <>
      <h1 className="u-mt-4">Carte des dynamiques</h1>
      <p>
        Couverture de la population par département ; ouvrez un département pour voir les périmètres de ses
        dynamiques. Les mêmes données sont dans le <Link href={`/registre${query({ date })}`}>registre</Link>.
      </p>
      <DateControls date={date} onChange={(d) => set({ date: d })} />
      {body}
    </>
  );
}
