import type { Browser } from 'playwright-core';

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
    const fcp = (await page.evaluate(FCP)) as number;
    return { fcp, content };
  } finally {
    await context.close();
  }
}
