import type { Locator } from 'playwright-core';

/** Colours of a screenshot of the map canvas, quantised to 32 levels a channel, with pixel counts. */
export type Histogram = Map<string, number>;

/**
 * Reads the pixels of what the map canvas shows (a screenshot, decoded by the page itself: WebGL
 * canvases cannot be read back once drawn).
 */
export async function canvasColours(canvas: Locator): Promise<Histogram> {
  const png = (await canvas.screenshot()).toString('base64');
  // Written as text: the test code is type-checked without the DOM library.
  const counts = (await canvas.page().evaluate(`(async () => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(png)}), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const out = {};
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] >> 3) + ',' + (data[i + 1] >> 3) + ',' + (data[i + 2] >> 3);
      out[key] = (out[key] || 0) + 1;
    }
    return out;
  })()`)) as Record<string, number>;
  return new Map(Object.entries(counts));
}

const channels = (key: string) => key.split(',').map(Number) as [number, number, number];

/**
 * Distinct coverage colours (the blues of the choropleth: blue well above red and green), each on at least
 * `minPixels` pixels, so that borders and antialiasing do not count.
 */
export function coverageColours(h: Histogram, minPixels = 150): string[] {
  return [...h]
    .filter(([key, n]) => {
      const [r, g, b] = channels(key);
      return n >= minPixels && b - Math.max(r, g) >= 3;
    })
    .map(([key]) => key);
}

/** Pixels drawn dark (outlines of régions, and the dashed QPV layer). */
export function darkPixels(h: Histogram): number {
  let n = 0;
  for (const [key, count] of h) if (channels(key).every((v) => v < 4)) n += count;
  return n;
}

/** Share of pixels whose quantised colour differs between two screenshots of the same size. */
export function difference(a: Histogram, b: Histogram): number {
  let total = 0;
  let same = 0;
  for (const [key, n] of a) {
    total += n;
    same += Math.min(n, b.get(key) ?? 0);
  }
  return total === 0 ? 1 : 1 - same / total;
}
