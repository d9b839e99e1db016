import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import { startWebApp } from '../helpers/server.ts';
import type { E2e } from './context.ts';

const OPERATOR = {
  nom: 'ARS de démonstration',
  description: 'Observatoire régional des dynamiques territoriales de santé',
  contact: 'observatoire@example.org',
  mentionsLegales: 'Éditeur : ARS de démonstration.\n\nHébergeur : exemple.',
  accessibilite: 'partiellement conforme' as const,
};

/** The State look (ODTS_THEME=dsfr) on a second server: its block, the operator, and axe on main pages. */
export async function dsfrThemeMainPages({ browser, seeded }: E2e) {
  const server = await startWebApp({ ...OPERATOR, theme: 'dsfr' });
  try {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await expectWellFormedPage(page, /ARS de démonstration$/);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dsfr');
    await page.locator('.fr-header__brand').getByText('République').waitFor();
    await page.getByRole('banner').getByText('ARS de démonstration').first().waitFor();
    await expectAccessible(page, 'accueil, thème État');
    await screenshot(page, '20-dsfr-accueil');

    const pages = [
      ['/registre', 'Registre des dynamiques'],
      [`/dynamiques/${encodeURIComponent(seeded.cls)}`, null],
      ['/ressources', null],
      ['/analyses', null],
      ['/a-propos', 'À propos'],
    ] as const;
    for (const [address, heading] of pages) {
      await page.goto(`${server.url}${address}`);
      await expectWellFormedPage(page, /ARS de démonstration$/);
      if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessible(page, `${address}, thème État`);
    }
    await page.getByText('Hébergeur : exemple.').waitFor();
    await page.getByText('partiellement conforme', { exact: false }).first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  } finally {
    await server.close();
  }
}

/** The neutral theme carries the operator's identity in its header, footer and about page. */
export async function neutralThemeAbout({ server, browser }: E2e) {
  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/a-propos`);
  await expectWellFormedPage(page, /^À propos — Observatoire DTS$/);
  await page.getByRole('heading', { level: 2, name: 'Mentions légales' }).waitFor();
  await page
    .getByRole('contentinfo')
    .getByRole('link', { name: /Accessibilité : non conforme/ })
    .waitFor();
  await expectAccessible(page, 'à propos');
  expect(errors).toEqual([]);
  await page.context().close();
}
