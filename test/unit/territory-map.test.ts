import { describe, expect, it } from 'vitest';
import { mapRatio, territoryMapSvg } from '../../src/reports/map/territory-map.ts';

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.1, y],
      [x + 0.1, y + 0.1],
      [x, y + 0.1],
      [x, y],
    ],
  ],
});

describe('territory map', () => {
  it('colours each unit by its class, escapes names and fits the view box', () => {
    const svg = territoryMapSvg(
      [
        { code: 'a', nom: 'Saint-<Jean> & fils', geometry: square(4, 45), kinds: 0 },
        { code: 'b', nom: 'B', geometry: square(4.1, 45), kinds: 2 },
        { code: 'c', nom: 'C', geometry: square(4.2, 45), kinds: 7 },
      ],
      [square(4.12, 45.02)],
      'Carte "essai"',
    ) as string;
    expect(svg).toContain('<title>Saint-&lt;Jean&gt; &amp; fils : aucun dispositif</title>');
    expect(svg).toContain('fill="#6baed6"');
    expect(svg).toMatch(/fill="#2171b5"[^>]*><title>C : 3 types ou plus/);
    expect(svg).toContain('aria-label="Carte &quot;essai&quot;"');
    expect(svg).toContain('stroke="#b34000"');
    expect(mapRatio(svg)).toBeGreaterThan(0.7);
    // Every coordinate drawn lies inside the map area.
    const numbers = [...svg.matchAll(/<path d="([^"]+)" fill="#/g)].flatMap((m) =>
      (m[1] as string)
        .split(/[MLZ,]/)
        .filter(Boolean)
        .map(Number),
    );
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(640);
  });

  it('draws nothing without any unit', () => {
    expect(territoryMapSvg([], [], 'Vide')).toBeNull();
  });
});
