import type { DynamicKind } from '@domain/registry/kinds.ts';
import type { FeatureCollection } from 'geojson';
import {
  type GeoJSONSource,
  type Map as MapLibre,
  Map as MapLibreMap,
  NavigationControl,
  prewarm,
  setWorkerCount,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { type Bounds, FRANCE } from './geo.ts';
import { holdFramesUntilLoaded } from './hold-frames.ts';
import {
  baseStyle,
  DYNAMIC_LAYERS,
  dataSources,
  FILL_LAYERS,
  fillOpacity,
  fillVisibility,
  KIND_FILTERED_LAYERS,
  type MapLook,
  visibleFilter,
} from './map-style.ts';
import type { Maille } from './urls.ts';

setWorkerUrl(workerUrl);
// Départements and régions are parsed side by side (MapLibre keeps one worker on two cores).
setWorkerCount(Math.max(2, Math.floor((navigator.hardwareConcurrency || 2) / 2)));
// The workers start loading now, while the page fetches its data.
prewarm();

export interface PickedFeature {
  id: string;
  nom: string;
  type: DynamicKind;
  statut: string | null;
}

export interface Focus {
  code: string;
  communes: FeatureCollection;
  epci: FeatureCollection;
  dynamics: FeatureCollection;
  /** The dynamics' addresses, as dots (FINESS establishments). */
  points: FeatureCollection;
  qpv: FeatureCollection;
}

interface Props {
  /** Régions and départements, each with its covered share (`part`) when it is the mesh coloured. */
  departements: FeatureCollection;
  regions: FeatureCollection;
  /** The open département's communes, EPCI (with `part` when coloured), perimeters and QPV. */
  focus: Focus | null;
  /** What the map frames: France, a région or a département. */
  bounds: Bounds;
  look: MapLook;
  /** Data still on its way (a département being opened): the map is not reported idle meanwhile. */
  pending: boolean;
  onPick: (features: PickedFeature[]) => void;
  /** A click on a coloured territory of the current mesh (drill-down). */
  onOpen: (maille: Maille, code: string) => void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Runs `apply` now once the style has loaded, else at its load. `isStyleLoaded()` is false again
 * whenever a source is reloading its data: waiting for a "load" event then waited for ever (it fires
 * once), so a date change, whose new colours came while the previous data was being indexed, left the
 * map white.
 */
function whenReady(m: MapLibre, ready: { current: boolean }, apply: () => void) {
  if (ready.current) apply();
  else m.once('load', apply);
}

/**
 * MapLibre GL map: national choropleth of coverage by département; inside a chosen département, the
 * perimeters of its dynamics by kind. Clicking a perimeter lists the dynamics there.
 */
export default function MapView({
  departements,
  regions,
  focus,
  bounds,
  look,
  pending,
  onPick,
  onOpen,
}: Props) {
  const container = useRef<HTMLElement>(null);
  const map = useRef<MapLibre | null>(null);
  const ready = useRef(false);
  const drawn = useRef(false);
  const waiting = useRef(pending);
  waiting.current = pending;
  const handlers = useRef({ onPick, onOpen, look, focused: focus !== null });
  handlers.current = { onPick, onOpen, look, focused: focus !== null };
  // What the map was made with: the effects below only pass on what changed since.
  const made = useRef({ departements, regions, focus, bounds, look });
  if (!map.current) made.current = { departements, regions, focus, bounds, look };

  // The map is made once the first data is in: made earlier, it drew empty frames, then indexed and
  // drew everything again when the data came (in software WebGL each frame costs 100–400 ms).
  useEffect(() => {
    if (pending || map.current || !container.current) return;
    const el = container.current;
    const initial = made.current;
    const style = baseStyle(
      {
        departements: initial.departements,
        regions: initial.regions,
        communes: initial.focus?.communes,
        epci: initial.focus?.epci,
        dynamiques: initial.focus?.dynamics,
        points: initial.focus?.points,
        qpv: initial.focus?.qpv,
      },
      initial.look,
    );
    const m = new MapLibreMap({
      container: el,
      style,
      bounds: initial.bounds,
      fitBoundsOptions: { padding: initial.bounds === FRANCE ? 0 : 24 },
      attributionControl: false,
    });
    // Every source of the registry's data, empty ones included: a late tile of any of them (the QPV,
    // empty on the national map) drew one more full frame after the others.
    holdFramesUntilLoaded(m, dataSources(style));
    drawn.current = initial.departements.features.length > 0;
    m.once('load', () => {
      ready.current = true;
    });
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    // "idle" once the data given is drawn (tests and the benchmark wait for it, with its time and
    // the number of frames drawn so far: in software WebGL each one costs a canvas read-back).
    let frames = 0;
    m.on('render', () => {
      frames++;
    });
    m.on('idle', () => {
      if (!drawn.current || waiting.current) return;
      el.setAttribute('data-map-state', 'idle');
      el.setAttribute('data-map-idle-ms', String(Math.round(performance.now())));
      el.setAttribute('data-map-frames', String(frames));
    });
    m.on('dataloading', () => el.setAttribute('data-map-state', 'loading'));
    m.on('click', (e) => {
      const found = m.queryRenderedFeatures(e.point, { layers: DYNAMIC_LAYERS });
      if (handlers.current.focused && found.length > 0) {
        const seen = new Set<string>();
        const picked: PickedFeature[] = [];
        for (const f of found) {
          const p = f.properties as PickedFeature;
          if (!seen.has(p.id)) picked.push(p);
          seen.add(p.id);
        }
        handlers.current.onPick(picked);
        return;
      }
      const maille = handlers.current.look.maille;
      const hit = m.queryRenderedFeatures(e.point, { layers: [FILL_LAYERS[maille]] })[0];
      if (hit?.properties?.code) handlers.current.onOpen(maille, String(hit.properties.code));
    });
    m.on('mousemove', (e) => {
      const layers = [...DYNAMIC_LAYERS, FILL_LAYERS[handlers.current.look.maille]];
      const over = m.queryRenderedFeatures(e.point, { layers });
      m.getCanvas().style.cursor = over.length > 0 ? 'pointer' : '';
    });
    map.current = m;
  }, [pending]);

  useEffect(
    () => () => {
      map.current?.remove();
      map.current = null;
      ready.current = false;
    },
    [],
  );

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const was = made.current;
    if (departements === was.departements && regions === was.regions) return;
    made.current = { ...was, departements, regions };
    whenReady(m, ready, () => {
      drawn.current = true;
      if (departements !== was.departements)
        (m.getSource('departements') as GeoJSONSource | undefined)?.setData(departements);
      if (regions !== was.regions) (m.getSource('regions') as GeoJSONSource | undefined)?.setData(regions);
    });
  }, [departements, regions]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const was = made.current;
    if (focus === was.focus) return;
    made.current = { ...was, focus };
    whenReady(m, ready, () => {
      const set = (id: string, data: FeatureCollection | undefined) => {
        const source = m.getSource(id) as GeoJSONSource | undefined;
        source?.setData(data ?? EMPTY);
      };
      // Only what changed: a new date changes the perimeters and colours, not the contours.
      if (focus?.communes !== was.focus?.communes) set('communes', focus?.communes);
      if (focus?.epci !== was.focus?.epci) set('epci', focus?.epci);
      if (focus?.dynamics !== was.focus?.dynamics) set('dynamiques', focus?.dynamics);
      if (focus?.points !== was.focus?.points) set('points', focus?.points);
      if (focus?.qpv !== was.focus?.qpv) set('qpv', focus?.qpv);
    });
  }, [focus]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (bounds === made.current.bounds) return;
    made.current = { ...made.current, bounds };
    whenReady(m, ready, () => {
      m.fitBounds(bounds, { padding: bounds === FRANCE ? 0 : 24, animate: false });
    });
  }, [bounds]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const was = made.current.look;
    if (look === was) return;
    made.current = { ...made.current, look };
    whenReady(m, ready, () => {
      if (look.visible !== was.visible)
        for (const id of KIND_FILTERED_LAYERS) m.setFilter(id, visibleFilter(look.visible));
      if (look.qpv !== was.qpv) m.setLayoutProperty('qpv', 'visibility', look.qpv ? 'visible' : 'none');
      for (const [maille, id] of Object.entries(FILL_LAYERS) as [Maille, string][]) {
        m.setLayoutProperty(id, 'visibility', fillVisibility(look.maille, maille));
        m.setPaintProperty(id, 'fill-opacity', fillOpacity(look.focused));
      }
    });
  }, [look]);

  return (
    <section
      ref={container}
      className="odts-map"
      aria-label="Carte : cliquez sur un territoire coloré pour l’ouvrir, puis sur un périmètre pour lister ses dynamiques ; le fil d’Ariane permet de remonter, et les mêmes informations sont proposées à côté sous forme de texte"
      data-map-state="loading"
    />
  );
}
