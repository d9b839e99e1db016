import type { Browser, Page } from 'playwright-core';

const FCP = `new Promise((resolve) => {
  const entry = performance.getEntriesByName('first-contentful-paint')[0];
  if (entry) return resolve(entry.startTime);
  new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
})`;

export interface PageTimes {
  /** First contentful paint, from the start of navigation. */
  fcp: number;
  /** The page's own content shown (its selector visible), from the start of navigation. */
  content: number;
  /** Map pages: frames MapLibre drew until it was idle (each costs a canvas read-back in software WebGL). */
  frames?: number;
}

/** One cold load (new browser context, empty cache) of `url`; `ready` marks the page's content. */
export async function loadPage(browser: Browser, url: string, ready: string): Promise<PageTimes> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(ready).first().waitFor({ timeout: 120_000 });
    const content = (await page.evaluate('performance.now()')) as number;
    const fcp = (await page.evaluate(FCP)) as number;
    return { fcp, content };
  } finally {
    await context.close();
  }
}

/** Cold load of the map page until MapLibre is idle with the data drawn; also its FCP. */
export async function loadMap(browser: Browser, url: string): Promise<PageTimes> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const map = page.locator('[data-map-state="idle"]');
    await map.waitFor({ timeout: 120_000 });
    const content = Number(await map.getAttribute('data-map-idle-ms'));
    const frames = Number(await map.getAttribute('data-map-frames'));
    const fcp = (await page.evaluate(FCP)) as number;
    return { fcp, content, frames };
  } finally {
    await context.close();
  }
}

export interface DrillTimes {
  /** From the click on a région of the national map to the map idle with its départements. */
  region: number;
  /** From the click on a département of that région to the map idle with its perimeters. */
  departement: number;
  /** Frames drawn during each step. */
  regionFrames: number;
  departementFrames: number;
}

/**
 * After a click (at `clickedAt`, page time), waits for the map to report idle again; returns the time
 * taken and the frames drawn since `framesBefore`. Polled: the page's policy forbids string evaluation.
 */
async function idleAfter(page: Page, clickedAt: number, framesBefore: number) {
  const map = page.locator('.odts-map');
  for (let waited = 0; waited < 120_000; waited += 20) {
    const [state, at, frames] = await Promise.all([
      map.getAttribute('data-map-state'),
      map.getAttribute('data-map-idle-ms'),
      map.getAttribute('data-map-frames'),
    ]);
    if (state === 'idle' && Number(at) > clickedAt)
      return { ms: Number(at) - clickedAt, frames: Number(frames) - framesBefore };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('la carte n’est pas revenue au repos en 120 s');
}

/**
 * The drill-down on a map already loaded: the national map by région, a click on `region` (its row of
 * the data table, the same action as a click on the map), then on `departement` of that région.
 */
export async function drillDown(
  browser: Browser,
  base: string,
  region: string,
  departement: string,
): Promise<DrillTimes> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/carte?maille=region`);
    const map = page.locator('[data-map-state="idle"]');
    await map.waitFor({ timeout: 120_000 });
    const step = async (name: string) => {
      const frames = Number(await map.getAttribute('data-map-frames'));
      const button = page.getByRole('button', { name: `Ouvrir ${name} sur la carte`, exact: true });
      // The rows are in the map's data table, folded under its summary.
      if (!(await button.isVisible())) await page.getByText('Tableau des données de la carte').click();
      await button.waitFor({ timeout: 120_000 });
      const at = (await page.evaluate('performance.now()')) as number;
      await button.click();
      return idleAfter(page, at, frames);
    };
    const r = await step(region);
    const d = await step(departement);
    return { region: r.ms, departement: d.ms, regionFrames: r.frames, departementFrames: d.frames };
  } finally {
    await context.close();
  }
}
