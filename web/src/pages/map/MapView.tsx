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
import { baseStyle, DYNAMIC_LAYERS, visibleFilter } from './map-style.ts';

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
  bounds: Bounds;
  communes: FeatureCollection;
  dynamics: FeatureCollection;
}

interface Props {
  /** Départements with their covered share (`part`) for the chosen kind. */
  departements: FeatureCollection;
  regions: FeatureCollection;
  focus: Focus | null;
  /** Data still on its way (a département being opened): the map is not reported idle meanwhile. */
  pending: boolean;
  visible: ReadonlySet<DynamicKind>;
  /** Whether the communes holding a QPV are outlined. */
  showQpv: boolean;
  onPick: (features: PickedFeature[]) => void;
  onDepartement: (code: string) => void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

// Maps whose first 'load' has fired. `isStyleLoaded()` is false again whenever a source is reloading
// (a new date's coverage on its way), and 'load' never fires twice: waiting for it then lost the update,
// which left the map white after a date change.
const ready = new WeakSet<MapLibre>();

function onceLoaded(m: MapLibre, apply: () => void) {
  if (ready.has(m) || m.isStyleLoaded()) apply();
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
  pending,
  visible,
  showQpv,
  onPick,
  onDepartement,
}: Props) {
  const container = useRef<HTMLElement>(null);
  const map = useRef<MapLibre | null>(null);
  const drawn = useRef(false);
  const waiting = useRef(pending);
  waiting.current = pending;
  const handlers = useRef({ onPick, onDepartement, focused: focus !== null });
  handlers.current = { onPick, onDepartement, focused: focus !== null };
  // What the map was made with: the effects below only pass on what changed since.
  const made = useRef({ departements, regions, focus, visible, showQpv });

  useEffect(() => {
    if (!container.current) return;
    const el = container.current;
    const initial = made.current;
    const m = new MapLibreMap({
      container: el,
      style: baseStyle(
        {
          departements: initial.departements,
          regions: initial.regions,
          communes: initial.focus?.communes,
          dynamiques: initial.focus?.dynamics,
        },
        { focused: initial.focus !== null, visible: initial.visible, qpv: initial.showQpv },
      ),
      bounds: initial.focus?.bounds ?? FRANCE,
      fitBoundsOptions: { padding: initial.focus ? 24 : 0 },
      attributionControl: false,
    });
    holdFramesUntilLoaded(m, ['departements', 'regions', 'communes', 'dynamiques']);
    m.once('load', () => ready.add(m));
    drawn.current = initial.departements.features.length > 0;
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    // "idle" once the data given is drawn (tests and the benchmark wait for it, with its time).
    m.on('idle', () => {
      if (!drawn.current || waiting.current) return;
      el.setAttribute('data-map-state', 'idle');
      el.setAttribute('data-map-idle-ms', String(Math.round(performance.now())));
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
      const dep = m.queryRenderedFeatures(e.point, { layers: ['departements'] })[0];
      if (dep?.properties?.code) handlers.current.onDepartement(String(dep.properties.code));
    });
    m.on('mousemove', (e) => {
      const over = m.queryRenderedFeatures(e.point, { layers: [...DYNAMIC_LAYERS, 'departements'] });
      m.getCanvas().style.cursor = over.length > 0 ? 'pointer' : '';
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const was = made.current;
    if (departements === was.departements && regions === was.regions) return;
    made.current = { ...was, departements, regions };
    onceLoaded(m, () => {
      drawn.current = true;
      if (departements !== was.departements)
        (m.getSource('departements') as GeoJSONSource | undefined)?.setData(departements);
      if (regions !== was.regions) (m.getSource('regions') as GeoJSONSource | undefined)?.setData(regions);
    });
  }, [departements, regions]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (focus === made.current.focus) return;
    made.current = { ...made.current, focus };
    onceLoaded(m, () => {
      (m.getSource('communes') as GeoJSONSource | undefined)?.setData(focus?.communes ?? EMPTY);
      (m.getSource('dynamiques') as GeoJSONSource | undefined)?.setData(focus?.dynamics ?? EMPTY);
      m.setPaintProperty('departements', 'fill-opacity', focus ? 0.25 : 0.85);
      m.fitBounds(focus?.bounds ?? FRANCE, { padding: focus ? 24 : 0, animate: false });
    });
  }, [focus]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (visible === made.current.visible) return;
    made.current = { ...made.current, visible };
    onceLoaded(m, () => {
      m.setFilter('dynamiques', visibleFilter(visible));
    });
  }, [visible]);

  useEffect(() => {
    const m = map.current;
    if (!m || showQpv === made.current.showQpv) return;
    made.current = { ...made.current, showQpv };
    onceLoaded(m, () => m.setLayoutProperty('communes-qpv', 'visibility', showQpv ? 'visible' : 'none'));
  }, [showQpv]);

  return (
    <section
      ref={container}
      className="odts-map"
      aria-label="Carte : cliquez sur un département pour afficher ses dynamiques, puis sur un périmètre coloré pour les lister ; les mêmes informations sont proposées à côté sous forme de texte"
      data-map-state="loading"
    />
  );
}
