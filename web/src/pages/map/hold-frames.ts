import type { Map as MapLibre } from 'maplibre-gl';

/**
 * The first load of the map is drawn in two frames: one, once every source has its data indexed by the
 * workers, that asks for every visible tile, then one once all `sources` have their tiles. Repaints
 * asked for in between are held, those asked while the first of the two is drawn included (they made a
 * third frame). The canvas stays hidden until the second: a hidden canvas is not read back by the
 * compositor, so the first frame, empty anyway, costs little. Without this, the style's arrival, each source indexed and each tile
 * coming back triggered a frame of its own: five to eight full redraws of a map still filling in, each
 * costing 100 to 400 ms in software WebGL (the compositor reads the canvas back) and taking the
 * processor from the workers still cutting tiles. The wait never outlasts `maxMs`, and holds only for
 * the first load (pans and zooms are drawn live).
 */
export function holdFramesUntilLoaded(m: MapLibre, sources: string[], maxMs = 2_000): void {
  const repaint = m.triggerRepaint.bind(m);
  // indexing: held until every source has its data; asking: the frame that asks for the tiles may
  // pass; tiles: held until every tile is in; released: as usual.
  let phase: 'indexing' | 'asking' | 'tiles' | 'released' = 'indexing';
  let styled = false;
  const release = () => {
    if (phase === 'released') return;
    phase = 'released';
    clearTimeout(timer);
    m.off('sourcedata', check);
    m.off('styledata', check);
    m.off('render', rendered);
    m.triggerRepaint = repaint;
    m.getCanvas().style.visibility = '';
    repaint();
  };
  const indexed = () => styled && sources.every((id) => m.getSource(id)?.loaded() === true);
  const tiled = () => sources.every((id) => m.getSource(id) !== undefined && m.isSourceLoaded(id));
  const check = () => {
    if (phase === 'indexing' && indexed()) {
      phase = 'asking';
      repaint();
    } else if (phase === 'tiles' && tiled()) release();
  };
  // The frame drawn once the data is indexed has asked the workers for every tile.
  const rendered = () => {
    if (phase !== 'asking') return;
    phase = 'tiles';
    check();
  };
  const timer = setTimeout(release, maxMs);
  m.getCanvas().style.visibility = 'hidden';
  m.once('remove', () => {
    phase = 'released';
    clearTimeout(timer);
  });
  m.triggerRepaint = () => {
    if (phase === 'released') repaint();
  };
  m.once('styledata', () => {
    styled = true;
  });
  m.on('styledata', check);
  m.on('sourcedata', check);
  m.on('render', rendered);
}
