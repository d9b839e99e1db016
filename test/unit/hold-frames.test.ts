import type { Map as MapLibre } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdFramesUntilLoaded } from '../../web/src/pages/map/hold-frames.ts';

/** The part of a MapLibre map the hold uses: events, repaints, and the load state of each source. */
class FakeMap {
  repaints = 0;
  private handlers = new Map<string, Set<() => void>>();
  sourceReady = new Map<string, boolean>();
  tilesReady = new Map<string, boolean>();
  canvas = { style: { visibility: '' } };
  getCanvas() {
    return this.canvas;
  }
  triggerRepaint(): void {
    this.repaints++;
  }
  on(type: string, f: () => void) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type)?.add(f);
    return this;
  }
  off(type: string, f: () => void) {
    this.handlers.get(type)?.delete(f);
    return this;
  }
  once(type: string, f: () => void) {
    const g = () => {
      this.off(type, g);
      f();
    };
    return this.on(type, g);
  }
  fire(type: string) {
    for (const f of [...(this.handlers.get(type) ?? [])]) f();
  }
  getSource(id: string) {
    return this.sourceReady.has(id) ? { loaded: () => this.sourceReady.get(id) === true } : undefined;
  }
  isSourceLoaded(id: string) {
    return this.tilesReady.get(id) === true;
  }
}

let map: FakeMap;
beforeEach(() => {
  vi.useFakeTimers();
  map = new FakeMap();
  for (const id of ['a', 'b']) map.sourceReady.set(id, false);
  holdFramesUntilLoaded(map as unknown as MapLibre, ['a', 'b'], 2_000);
});
afterEach(() => vi.useRealTimers());

describe('holding map frames until the tiles are in', () => {
  it('draws one frame once the data is indexed, then one once the tiles are in', () => {
    map.triggerRepaint();
    map.fire('render');
    expect(map.repaints).toBe(0); // no style yet: nothing to draw
    expect(map.canvas.style.visibility).toBe('hidden');
    map.fire('styledata');
    map.sourceReady.set('a', true);
    map.fire('sourcedata');
    map.triggerRepaint();
    expect(map.repaints).toBe(0); // source b still being indexed
    map.sourceReady.set('b', true);
    map.fire('sourcedata');
    expect(map.repaints).toBe(1); // the frame that asks for every tile
    map.triggerRepaint();
    expect(map.repaints).toBe(1); // asked again before it is drawn: held, it would make a third frame
    map.fire('render');
    map.triggerRepaint();
    map.tilesReady.set('a', true);
    map.fire('sourcedata');
    map.triggerRepaint();
    expect(map.repaints).toBe(1);
    expect(map.canvas.style.visibility).toBe('hidden');
    map.tilesReady.set('b', true);
    map.fire('sourcedata'); // everything is in: one frame, shown
    expect(map.repaints).toBe(2);
    expect(map.canvas.style.visibility).toBe('');
    map.triggerRepaint(); // and afterwards the map repaints as usual
    expect(map.repaints).toBe(3);
  });

  it('never waits longer than its limit', () => {
    map.fire('styledata');
    map.triggerRepaint();
    expect(map.repaints).toBe(0);
    vi.advanceTimersByTime(2_000);
    expect(map.repaints).toBe(1);
    expect(map.canvas.style.visibility).toBe('');
    map.triggerRepaint();
    expect(map.repaints).toBe(2);
  });

  it('does nothing more once the map is removed', () => {
    map.fire('remove');
    vi.advanceTimersByTime(5_000);
    expect(map.repaints).toBe(0);
  });
});
