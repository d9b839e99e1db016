/**
 * `npm run screenshots`: the home page and a territory page in both themes, saved under
 * docs/screenshots/ for the README. Runs the real application (built interface, embedded test database
 * with the shipped reference) on a free port and Chromium headless (ODTS_CHROMIUM_PATH).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startWebApp } from '../test/e2e/helpers/server.ts';

const OUT = path.resolve('docs', 'screenshots');
const CHROMIUM = process.env.ODTS_CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGES = [
  { name: 'accueil', address: '/', ready: 'main h1' },
  { name: 'territoire', address: '/territoires/departement/69', ready: 'main h1' },
];
const THEMES = [
  { theme: 'neutre' as const, identity: {} },
  {
    theme: 'dsfr' as const,
    identity: {
      nom: 'ARS de démonstration',
      description: 'Observatoire des dynamiques territoriales de santé',
    },
  },
];

fs.mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const { theme, identity } of THEMES) {
    const server = await startWebApp({ ...identity, theme });
    try {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      for (const p of PAGES) {
        await page.goto(`${server.url}${p.address}`);
        await page.locator(p.ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        const file = path.join(OUT, `${theme}-${p.name}.png`);
        await page.screenshot({ path: file });
        console.log(`Capture enregistrée : ${path.relative(process.cwd(), file)}`);
      }
      await context.close();
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
