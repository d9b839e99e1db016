import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.ODTS_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-results', 'e2e');

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--lang=fr-FR',
    ],
  });
}

export interface TrackedPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far (failed requests the test expects excluded). */
  errors: string[];
}

/** A French page that records what went wrong in it. */
export async function openPage(browser: Browser): Promise<TrackedPage> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`exception: ${e.message}`));
  page.on('console', (m) => {
    // A 4xx the page handles (missing contours, unknown record) is logged by the browser itself.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // A full page in software rendering takes seconds on a busy machine: more room than other steps.
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, timeout: 60_000 });
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core in the page: no serious or critical accessibility violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Evaluated through the browser's debugging protocol: the pages' policy refuses inline <script> tags.
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    })))`)) as Violation[];
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking, `${name} : ${JSON.stringify(blocking, null, 1)}`).toEqual([]);
}

/** Every page: French, titled, with a main landmark and one h1. */
export async function expectWellFormedPage(page: Page, titlePart: RegExp): Promise<void> {
  await page.locator('main h1').first().waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('fr');
  await expect.poll(() => page.title()).toMatch(titlePart);
  expect(await page.locator('main#contenu').count()).toBe(1);
  expect(await page.locator('main h1').count()).toBe(1);
}

/** Signs in through the login page, as a person would; the page then carries the session cookie. */
export async function signIn(page: Page, baseUrl: string, who: { email: string; password: string }) {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Adresse électronique').fill(who.email);
  await page.getByLabel('Mot de passe').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${baseUrl}/`);
}
