import { expect } from 'vitest';
import { expectAccessible, expectWellFormedPage, openPage, screenshot } from '../helpers/browser.ts';
import type { E2e } from './context.ts';

/** Direct loads of every route, the unknown page, the theme and the navigation by keyboard. */
export async function directLoadsAndNavigation({ server, browser }: E2e) {
  const { page, errors } = await openPage(browser);
  const res = await page.goto(`${server.url}/page-qui-n-existe-pas`);
  expect(res?.status()).toBe(200);
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  await expectWellFormedPage(page, /^Page introuvable — Observatoire DTS$/);
  await expectAccessible(page, 'page introuvable');

  // The API keeps its JSON 404.
  const api = await page.request.get(`${server.url}/api/nexiste-pas`);
  expect(api.status()).toBe(404);
  expect((await api.json()).erreur).toMatch(/introuvable/);

  // From the keyboard: the skip link leads to the content; a menu link changes page and focuses it.
  await page.goto(`${server.url}/`);
  await page.locator('main h1').waitFor();
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement.textContent')).toBe('Contenu');
  await page.keyboard.press('Enter');
  expect(await page.evaluate('document.activeElement.id')).toBe('contenu');
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Registre' })
    .focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${server.url}/registre`);
  expect(await page.evaluate('document.activeElement.id')).toBe('contenu');
  await page.getByRole('heading', { level: 1, name: 'Registre des dynamiques' }).waitFor();

  // The neutral theme by default: the project's own look, no State block.
  expect(await page.getAttribute('html', 'data-theme')).toBe('neutre');
  expect(await page.getByText('République').count()).toBe(0);

  // Dark display through the display settings.
  await page
    .getByRole('button', { name: /Paramètres d.affichage/ })
    .first()
    .click();
  await page.getByText('Thème sombre').click();
  await expect.poll(() => page.getAttribute('html', 'data-scheme')).toBe('dark');
  await page.keyboard.press('Escape');
  await page.reload();
  expect(await page.getAttribute('html', 'data-scheme')).toBe('dark');
  await page.getByRole('table').waitFor();
  await expectAccessible(page, 'registre en thème sombre');
  await screenshot(page, '12-registre-theme-sombre');
  expect(errors).toEqual([]);
  await page.context().close();
}
