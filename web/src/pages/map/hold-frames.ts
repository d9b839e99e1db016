import type { Map as MapLibre } from 'maplibre-gl';

/**
 * Once the frame that asks the workers for every visible tile is drawn, repaints wait until all
 * `sources` have their tiles, then the map is drawn once. Without this, each tile coming back
 * triggered a frame of its own: five or six full redraws of a map still filling in, each costing
 * about 150 ms in software WebGL and taking the processor from the workers still cutting tiles.
 * The wait never outlasts `maxMs`, and holds only for the first load (pans and zooms are drawn live).
 */
export function holdFramesUntilLoaded(m: MapLibre, sources: string[], maxMs = 2_000): void {
  const repaint = m.triggerRepaint.bind(m);
  let holding = false;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    holding = false;
    clearTimeout(timer);
    m.off('sourcedata', check);
    m.triggerRepaint = repaint;
    repaint();
  };
  const loaded = () => sources.every((id) => m.getSource(id) !== undefined && m.isSourceLoaded(id));
  const check = () => {
    if (holding && loaded()) release();
  };
  const timer = setTimeout(release, maxMs);
  m.once('remove', () => {
    released = true;
    clearTimeout(timer);
  });
  m.triggerRepaint = () => {
    if (!holding) repaint();
  };
  // Tiles are asked for by a frame drawn once the style is loaded and every source has its data
  // indexed by the workers; frames before that one are let through, since they ask for nothing.
  let styled = false;
  m.once('styledata', () => {
    styled = true;
  });
  const start = () => {
    if (!styled || !sources.every((id) => m.getSource(id)?.loaded())) return;
    m.off('render', start);
    if (released) return;
    holding = true;
    check();
  };
  m.on('render', start);
  m.on('sourcedata', check);
}
