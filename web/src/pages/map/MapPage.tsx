import { DYNAMIC_KINDS, type DynamicKind } from '@domain/registry/kinds.ts';
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
import { Alert } from '../../ui/index.ts';
import { type Crumb, MapBreadcrumb } from './Breadcrumb.tsx';
import { DateControls } from './DateControls.tsx';
import { type Bounds, boundsOf, FRANCE, pointsOf, toGeoJson, withShares } from './geo.ts';
import {
  KindSelect,
  Layers,
  MailleChoice,
  Picked,
  QpvToggle,
  ShareLegend,
  SharesTable,
} from './MapControls.tsx';
import type { Focus, PickedFeature } from './MapView.tsx';
import {
  levelOf,
  MAILLES_OF_LEVEL,
  type Maille,
  type MapParams,
  mapDataUrls,
  mapSearch,
  readMapParams,
} from './urls.ts';

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

/**
 * The last answer received: while a new date's colours are on their way the map keeps the previous ones
 * rather than turning white (the map is not reported idle meanwhile).
 */
function useLastAnswer<T>(state: ApiState<T>): T | null {
  const last = useRef<T | null>(null);
  if (state.data) last.current = state.data;
  return state.data ?? last.current;
}

const byCode = (fc: FeatureCollection | null, code: string) =>
  fc?.features.find((f) => f.properties?.code === code);

export default function MapPage() {
  useTitle('Carte des dynamiques');
  const [params, set] = useMapParams();
  const { kind, region, departement, maille, date } = params;
  const level = levelOf(params);
  const [hidden, setHidden] = useState<ReadonlySet<DynamicKind>>(new Set());
  const [qpvShown, setQpvShown] = useState(true);
  const [picked, setPicked] = useState<PickedFeature[] | null>(null);
  const urls = mapDataUrls(params);
  const deps = useApi<Topology>(urls.departements);
  const regs = useApi<Topology>(urls.regions);
  const cover = useApi<CoverageData>(urls.coverage);
  const coverData = useLastAnswer(cover);
  const communes = useApi<Topology>(urls.communes);
  const epci = useApi<Topology>(urls.epci);
  const qpv = useApi<Topology>(urls.qpv);
  const dyn = useApi<FeatureCollection>(urls.dynamics);

  const shares = useMemo(() => {
    const rows = (coverData?.items ?? []).filter((i) => i.type === kind && i.territoire.type === maille);
    return rows.map((r) => ({ code: r.territoire.code, nom: r.territoire.nom, part: r.partPopulation }));
  }, [coverData, kind, maille]);
  const shareMap = useMemo(() => new Map(shares.map((s) => [s.code, s.part])), [shares]);
  const allDepartements = useMemo(
    () => (deps.data ? toGeoJson(deps.data, 'departement') : null),
    [deps.data],
  );
  const allRegions = useMemo(() => (regs.data ? toGeoJson(regs.data, 'region') : null), [regs.data]);
  const departements = useMemo(() => {
    if (!allDepartements) return null;
    // Inside a région only its départements are drawn, coloured.
    const shown = region
      ? {
          ...allDepartements,
          features: allDepartements.features.filter((f) => f.properties?.region === region),
        }
      : allDepartements;
    return maille === 'departement' ? withShares(shown, shareMap) : shown;
  }, [allDepartements, region, maille, shareMap]);
  const regions = useMemo(
    () => (allRegions && maille === 'region' ? withShares(allRegions, shareMap) : allRegions),
    [allRegions, maille, shareMap],
  );
  const epciFc = useMemo(() => (epci.data ? toGeoJson(epci.data, 'epci') : null), [epci.data]);
  const communesFc = useMemo(
    () => (communes.data ? toGeoJson(communes.data, 'commune') : null),
    [communes.data],
  );
  const qpvFc = useMemo(() => (qpv.data ? toGeoJson(qpv.data, 'qpv') : EMPTY), [qpv.data]);
  const points = useMemo(() => (dyn.data ? pointsOf(dyn.data) : EMPTY), [dyn.data]);
  const focus = useMemo<Focus | null>(() => {
    if (!departement || !epciFc || !communesFc || !dyn.data) return null;
    return {
      code: departement,
      communes: maille === 'commune' ? withShares(communesFc, shareMap) : communesFc,
      epci: maille === 'epci' ? withShares(epciFc, shareMap) : epciFc,
      dynamics: dyn.data,
      points,
      qpv: qpvFc,
    };
  }, [departement, epciFc, communesFc, dyn.data, points, qpvFc, maille, shareMap]);
  // The coverage answer names EPCI by their code: the contours have their names.
  const tableRows = useMemo(() => {
    const fc = maille === 'epci' ? epciFc : maille === 'commune' ? communesFc : null;
    if (!fc) return shares;
    return shares.map((r) => ({ ...r, nom: String(byCode(fc, r.code)?.properties?.nom ?? r.nom) }));
  }, [shares, maille, epciFc, communesFc]);
  const depFeature = byCode(allDepartements, departement);
  const regionCode = region || String(depFeature?.properties?.region ?? '');
  const regionName = byCode(allRegions, regionCode)?.properties?.nom as string | undefined;
  const depName = depFeature?.properties?.nom as string | undefined;
  const bounds = useMemo<Bounds>(() => {
    if (departement) return boundsOf(depFeature) ?? FRANCE;
    if (region) return boundsOf(byCode(allRegions, region)) ?? FRANCE;
    return FRANCE;
  }, [departement, region, depFeature, allRegions]);
  const loaded = Boolean(departement && departements && focus);
  const counts = useMemo(() => {
    const c = new Map<DynamicKind, number>();
    for (const f of focus?.dynamics.features ?? [])
      c.set(f.properties?.type, (c.get(f.properties?.type) ?? 0) + 1);
    return c;
  }, [focus]);
  const visible = useMemo(() => new Set(DYNAMIC_KINDS.filter((k) => !hidden.has(k))), [hidden]);
  const look = useMemo(
    () => ({ maille, focused: Boolean(departement), visible, qpv: qpvShown }),
    [maille, departement, visible, qpvShown],
  );
  const toggle = (k: DynamicKind) =>
    setHidden((h) => (h.has(k) ? new Set([...h].filter((x) => x !== k)) : new Set([...h, k])));
  // Opening another level resets the mesh to that level's default.
  const go = (patch: { region?: string; departement?: string }) => {
    setPicked(null);
    const next = { region: patch.region ?? '', departement: patch.departement ?? '' };
    set({ ...next, maille: MAILLES_OF_LEVEL[levelOf(next)][0] });
  };
  const open = (m: Maille, code: string) => {
    if (m === 'region') go({ region: code });
    else if (m === 'departement') go({ departement: code });
  };
  const crumbs: Crumb[] = [{ label: 'France', open: () => go({}) }];
  if (regionCode && level !== 'france')
    crumbs.push({ label: regionName ?? `Région ${regionCode}`, open: () => go({ region: regionCode }) });
  if (departement) crumbs.push({ label: depName ? `${depName} (${departement})` : departement });

  const error = failed(deps, regs, cover, ...(departement ? [communes, epci, dyn] : []));
  const coverPending = cover.status === 'loading';
  let body: ReactNode;
  if (error?.status === 409) body = <MissingContours />;
  else if (error) body = <ErrorMessage error={error} />;
  else {
    // The map starts while the data is on its way; it is reported idle once the data is drawn.
    body = (
      <div className="u-grid">
        <div className="u-col-12 u-col-md-8">
          <MapBreadcrumb crumbs={crumbs} />
          <Suspense fallback={<Loading label="Chargement de la carte…" />}>
            <MapView
              departements={departements ?? EMPTY}
              // Inside a département the région outlines, lightened for names only, are not drawn.
              regions={departement ? EMPTY : (regions ?? EMPTY)}
              focus={focus}
              bounds={bounds}
              look={look}
              pending={!departements || !regions || coverPending || (Boolean(departement) && !loaded)}
              onPick={setPicked}
              onOpen={open}
            />
          </Suspense>
          {departements && (
            <SharesTable
              rows={tableRows}
              kind={kind}
              maille={maille}
              onOpen={maille === 'region' || maille === 'departement' ? (c) => open(maille, c) : undefined}
            />
          )}
        </div>
        <div className="u-col-12 u-col-md-4">
          <KindSelect kind={kind} maille={maille} onChange={(k) => set({ kind: k })} />
          <MailleChoice
            offered={MAILLES_OF_LEVEL[level]}
            maille={maille}
            onChange={(m) => set({ maille: m })}
          />
          <ShareLegend />
          {!departements && <Loading label="Chargement des contours…" />}
          {departement ? (
            <section aria-labelledby="departement-ouvert">
              <h2 id="departement-ouvert" className="u-h5">
                {depName ?? departement} ({departement})
              </h2>
              {!loaded && <Loading label="Chargement des périmètres…" />}
              {loaded && !depFeature && <p>Ce département n’a pas de contour chargé.</p>}
              {qpv.status !== 'error' && (
                <QpvToggle
                  count={qpv.data ? qpvFc.features.length : null}
                  fromCommunes={qpvFc.features.some((f) => f.properties?.perimetre === 'communes')}
                  shown={qpvShown}
                  toggle={() => setQpvShown((v) => !v)}
                />
              )}
              {focus && <Layers counts={counts} visible={visible} toggle={toggle} />}
              <Picked items={picked} />
              <p>
                <Link href={`/registre?departement=${departement}`}>
                  Les dynamiques de ce département dans le registre
                </Link>
              </p>
            </section>
          ) : (
            <TerritorySearch
              label="Ouvrir un département"
              hint="Ou cliquez sur la carte"
              type="departement"
              onSelect={(t) => go({ departement: t.code })}
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
        Couverture de la population par région, département, EPCI ou commune ; cliquez sur un territoire pour
        l’ouvrir, et dans un département, voyez les périmètres de ses dynamiques et ses quartiers
        prioritaires. Les mêmes données sont dans le{' '}
        <Link href={`/registre${query({ date })}`}>registre</Link>.
      </p>
      <DateControls date={date} onChange={(d) => set({ date: d })} />
      {body}
    </>
  );
}
