import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { simplifyTopology } from '../../scripts/reference-data/simplify-arcs.ts';

/** Delta-encodes absolute positions, as a quantised topology stores them. */
const encode = (points: [number, number][]) =>
  points.map(([x, y], i) => {
    const [px, py] = i === 0 ? [0, 0] : (points[i - 1] as [number, number]);
    return [x - px, y - py];
  });
const decode = (arc: number[][]) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx = 0, dy = 0]) => {
    x += dx;
    y += dy;
    return [x, y];
  });
};

function topologyOf(arcs: [number, number][][], objects: Topology['objects']): Topology {
  return {
    type: 'Topology',
    transform: { scale: [1, 1], translate: [0, 0] },
    arcs: arcs.map(encode),
    objects,
  } as Topology;
}

describe('simplifyTopology', () => {
  it('drops the points closer to the line than the tolerance and keeps both ends of each arc', () => {
    const border: [number, number][] = [
      [0, 0],
      [5, 0.4],
      [10, 0],
      [15, 3],
      [20, 0],
    ];
    const topology = topologyOf([border], {
      a: { type: 'GeometryCollection', geometries: [{ type: 'LineString', arcs: [0] }] },
    });
    const result = simplifyTopology(topology, 1);
    expect(decode(result.arcs[0] as number[][])).toEqual([
      [0, 0],
      [10, 0],
      [15, 3],
      [20, 0],
    ]);
  });

  it('simplifies a shared border once, so both neighbours still use the same positions', () => {
    const shared: [number, number][] = [
      [0, 0],
      [0, 5],
      [0.2, 10],
      [0, 20],
    ];
    const left: [number, number][] = [
      [0, 20],
      [-10, 20],
      [-10, 0],
      [0, 0],
    ];
    const right: [number, number][] = [
      [0, 20],
      [10, 20],
      [10, 0],
      [0, 0],
    ];
    const topology = topologyOf([shared, left, right], {
      a: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0, 1]] },
          { type: 'Polygon', arcs: [[~0, 2]] },
        ],
      },
    });
    const result = simplifyTopology(topology, 1);
    expect(decode(result.arcs[0] as number[][])).toEqual([
      [0, 0],
      [0, 20],
    ]);
    expect(result.objects).toEqual(topology.objects);
  });

  it('keeps the original arcs of a ring that would fall under four positions', () => {
    // A thin island drawn as one closed arc: simplified alone it would become a line.
    const island: [number, number][] = [
      [0, 0],
      [4, 0.5],
      [8, 0],
      [4, -0.5],
      [0, 0],
    ];
    const topology = topologyOf([island], {
      a: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]] }] },
    });
    const result = simplifyTopology(topology, 1);
    expect(decode(result.arcs[0] as number[][])).toEqual(island);
  });
});
