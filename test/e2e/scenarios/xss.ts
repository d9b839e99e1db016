import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage } from '../helpers/browser.ts';
import { MARKER } from '../helpers/seed.ts';
import type { E2e } from './context.ts';

/** Markup and script that would set `window.__xss` if any page inserted a text as HTML or ran it. */
export const XSS_PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '"><script>window.__xss=1</script>',
  "'><svg onload=window.__xss=1>",
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
  "{{constructor.constructor('window.__xss=1')()}}",
];
const [IMG, SCRIPT, SVG, IFRAME, TEMPLATE] = XSS_PAYLOADS as [string, string, string, string, string];

async function post(app: FastifyInstance, url: string, payload: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url, payload });
  expect(res.statusCode, `${url} ${res.body}`).toBe(201);
  const body = res.json() as { id?: string; cle?: string };
  return (body.id ?? body.cle) as string;
}

/** The page shows the text as it was typed, and nothing ran. */
async function expectInert(page: Page, texts: string[], where: string): Promise<void> {
  for (const text of texts) {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'attached' });
  }
  expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss), where).toBeUndefined();
  for (const frame of page.frames()) {
    const ran = await frame.evaluate(() => (globalThis as { __xss?: unknown }).__xss).catch(() => undefined);
    expect(ran, `${where}, cadre ${frame.url()}`).toBeUndefined();
  }
}

/**
 * Texts holding markup in every field of a dynamic, a notice, a glossary entry and a sélection: the
 * record pages, lists, glossary, sélection and report show them literally, no script runs, and the page
 * works under the Content-Security-Policy (a blocked script would be a console error).
 */
export async function xssPayloadsRenderInert({ server, browser }: E2e) {
  const app = server.app;
  const name = `${MARKER} xss ${IMG}`;
  const dynamic = await post(app, '/api/dynamiques', {
    type: 'CLS',
    nom: name,
    statut: 'actif',
    porteur: { nom: `Porteur ${SCRIPT}`, type: 'commune', code: '42218' },
    perimetre: { communes: ['42218'] },
    dateDebut: '2014-01-01',
    evenements: [{ date: '2014-01-01', type: 'signature', note: `Note ${SVG}` }],
    coordination: [
      { intitule: `Poste ${IFRAME}`, etp: 1, financeurs: [`Financeur ${TEMPLATE}`], vacant: false },
    ],
    sources: [{ titre: `Source ${SCRIPT}`, url: 'https://exemple.fr/source' }],
    signataires: [`Signataire ${IMG}`],
    contacts: [{ nom: `Contact ${SVG}`, role: `Rôle ${IMG}` }],
  });
  const notice = await post(app, '/api/ressources', {
    type: 'rapport',
    titre: `${MARKER} notice ${SCRIPT}`,
    auteurs: [{ organisation: `Auteur ${IMG}` }],
    date: '2020',
    editeur: `Éditeur ${SVG}`,
    lieu: `Lieu ${IFRAME}`,
    resume: `Résumé ${TEMPLATE} ${IMG}`,
    etiquettes: [`Étiquette ${SCRIPT}`],
    url: 'https://exemple.fr/notice',
  });
  await post(app, '/api/glossaire', {
    forme: `Terme ${MARKER} ${IMG}`,
    definition: `Définition ${SCRIPT} ${SVG}`,
    variantes: [`Variante ${IFRAME}`],
    sources: [{ titre: `Source ${TEMPLATE}`, url: 'https://exemple.fr/glossaire' }],
  });
  const selection = await post(app, '/api/selections', {
    titre: `${MARKER} sélection ${SVG}`,
    introduction: `Introduction ${SCRIPT}`,
    sections: [{ titre: `Partie ${IMG}`, notices: [{ notice, commentaire: `Commentaire ${IFRAME}` }] }],
  });

  // The served page has no inline script: everything it runs comes from files of this origin.
  const index = await (await fetch(`${server.url}/`)).text();
  expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

  const { page, errors } = await openPage(browser);
  const visits: [string, string[]][] = [
    [
      `/dynamiques/${dynamic}`,
      [name, `Porteur ${SCRIPT}`, `Note ${SVG}`, `Poste ${IFRAME}`, `Source ${SCRIPT}`],
    ],
    [`/registre?q=${MARKER}`, [name]],
    [`/ressources/${notice}`, [`${MARKER} notice ${SCRIPT}`, `Auteur ${IMG}`, `Éditeur ${SVG}`]],
    [`/ressources?q=${MARKER}`, [`${MARKER} notice ${SCRIPT}`]],
    ['/glossaire', [`Terme ${MARKER} ${IMG}`, `Définition ${SCRIPT} ${SVG}`]],
    [`/selections/${selection}`, [`${MARKER} sélection ${SVG}`]],
    ['/api/rapports/etat-des-lieux?departement=42&format=html', [name]],
  ];
  for (const [url, texts] of visits) {
    await page.goto(`${server.url}${url}`);
    await expectInert(page, texts, url);
  }
  // Sélection rendered in its sandboxed frame: the texts are there, as text.
  await page.goto(`${server.url}/selections/${selection}`);
  const frame = page.frameLocator('iframe.odts-selection');
  await frame.getByText(`Introduction ${SCRIPT}`).waitFor();
  await frame.getByText(`Commentaire ${IFRAME}`).waitFor();
  await expectInert(page, [], 'cadre de la sélection');
  expect(errors).toEqual([]);
  await page.context().close();

  // The policy is in force: a script inserted into the page at run time is refused by the browser.
  const probe = await openPage(browser);
  await probe.page.goto(`${server.url}/glossaire`);
  // Given as text: it runs in the browser, where the DOM exists (the tests are typed without it).
  const refused = await probe.page.evaluate<string>(`new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
    const script = document.createElement('script');
    script.textContent = 'globalThis.__xss = 1';
    document.head.append(script);
    setTimeout(() => resolve('aucun refus'), 5000);
  })`);
  expect(refused).toMatch(/^script-src/);
  expect(await probe.page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
  await probe.page.context().close();
}
