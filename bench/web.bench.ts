import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { systemActor } from '../src/domain/actor.ts';
import { buildApp } from '../src/http/app.ts';
import { SHIPPED_DIR } from '../src/reference/shipped/manifest.ts';
import { ensureWebBuild, WEB_OUT_DIR } from '../web/build/ensure-build.ts';
import { loadBenchDataset } from './generate/dataset.ts';
import { freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import { summarize, timed } from './lib/stats.ts';
import { loadIntoRegistry } from './reports/load-registry.ts';
import { timedStart } from './territories/startup.ts';
import { bundleSizes } from './web/bundle.ts';
import { type DrillTimes, drillDown, loadMap, loadPage, type PageTimes } from './web/paint.ts';

/** Targets of the web interface issue. */
export const TARGETS = { fcpMs: 1_500, mapIdleMs: 1_500, initialJsKb: 350 };
const RUNS = 5;
// The contours shipped with the project (4 levels), as a fresh install loads them.
const CONTOURS = path.join(SHIPPED_DIR, 'contours.topo.json.gz');
const CHROMIUM = process.env.ODTS_CHROMIUM_PATH ?? '/usr/bin/chromium';

const HISTORY =
  'section[aria-labelledby="historique"] table, section[aria-labelledby="historique"] .odts-empty';

const log = (message: string) => console.error(`· ${message}`);

/**
 * Headless Chromium 156 keeps the browser's own omnibox pop-ups (chrome://omnibox-popup.top-chrome,
 * WebUI pages with a blinking caret) alive in a renderer of their own that burns 30 to 100 % of a core
 * while pages load: on two cores that slowed every figure. A headless page never shows them. The switch
 * replaces Playwright's own `--disable-features` (the last one wins), so its entries that change what
 * is measured are repeated: paint holding, and start-up requests to outside services.
 */
const DISABLED_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  'PaintHolding',
  'AimEnabled',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'PreconnectToSearch',
  'MediaRouter',
  'LensOverlay',
];

function figures(label: string, runs: PageTimes[], contentLabel: string, contentTarget?: number): Figure[] {
  const fcp = summarize(runs.map((r) => r.fcp));
  const content = summarize(runs.map((r) => r.content));
  const out: Figure[] = [
    { label: `${label} : premier affichage (FCP) p50`, value: fcp.p50, unit: 'ms' },
    { label: `${label} : premier affichage (FCP) max`, value: fcp.max, unit: 'ms', target: TARGETS.fcpMs },
    { label: `${label} : ${contentLabel} p50`, value: content.p50, unit: 'ms' },
    { label: `${label} : ${contentLabel} max`, value: content.max, unit: 'ms', target: contentTarget },
  ];
  const frames = runs.flatMap((r) => (r.frames === undefined ? [] : [r.frames]));
  if (frames.length > 0)
    out.push({
      label: `${label} : images dessinées avant le repos (max)`,
      value: Math.max(...frames),
      unit: '',
    });
  return out;
}

/** Drill-down figures: région then département, each from the click to the map idle again. */
function drillFigures(runs: DrillTimes[]): Figure[] {
  const region = summarize(runs.map((r) => r.region));
  const departement = summarize(runs.map((r) => r.departement));
  const label = 'Carte, descente';
  return [
    { label: `${label} : France → Auvergne-Rhône-Alpes, au repos p50`, value: region.p50, unit: 'ms' },
    {
      label: `${label} : France → Auvergne-Rhône-Alpes, au repos max`,
      value: region.max,
      unit: 'ms',
      target: TARGETS.mapIdleMs,
    },
    { label: `${label} : région → Rhône, au repos p50`, value: departement.p50, unit: 'ms' },
    {
      label: `${label} : région → Rhône, au repos max`,
      value: departement.max,
      unit: 'ms',
      target: TARGETS.mapIdleMs,
    },
    {
      label: `${label} : images dessinées par étape (max)`,
      value: Math.max(...runs.flatMap((r) => [r.regionFrames, r.departementFrames])),
      unit: '',
    },
  ];
}

/**
 * The web interface on the national dataset (10,000 dynamics, real contours), served by the platform
 * on localhost and loaded cold in headless Chromium, five times per page.
 */
export async function runWebBench(): Promise<BenchReport> {
  const machine = describeMachine();
  log('construction de l’interface web si besoin…');
  await ensureWebBuild(log);
  const bundle = bundleSizes(WEB_OUT_DIR);
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    const { ctx } = await timedStart(target.config);
    const { dynamics } = loadBenchDataset();
    log(`chargement de ${dynamics.length} dynamiques…`);
    await loadIntoRegistry(ctx, dynamics, log);
    log('import des contours réels…');
    const contours = await timed(() =>
      ctx.services.reference.importContours(systemActor('banc'), [CONTOURS]),
    );
    const app = await buildApp(ctx, { webDir: WEB_OUT_DIR });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-gpu',
        '--lang=fr-FR',
        `--disable-features=${DISABLED_FEATURES.join(',')}`,
      ],
    });
    try {
      const sample = (await (await fetch(`${base}/api/dynamiques?limit=1`)).json()) as {
        items: { id: string }[];
      };
      const pages: [string, string, string, string][] = [
        ['Accueil', '/', '.odts-figure', 'chiffres clés affichés'],
        ['Registre', '/registre', 'main table', 'tableau affiché'],
        ['Fiche territoire (Rhône)', '/territoires/departement/69', '#couverture', 'profil affiché'],
        ['Fiche dynamique', `/dynamiques/${sample.items[0]?.id}`, HISTORY, 'historique affiché'],
        ['Analyses', '/analyses', 'canvas[data-chart-ready="true"]', 'graphique dessiné'],
      ];
      const sections = [];
      const pageFigures: Figure[] = [];
      for (const [label, url, ready, contentLabel] of pages) {
        log(`${label}…`);
        await loadPage(browser, base + url, ready); // warms the server-side caches
        const runs: PageTimes[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await loadPage(browser, base + url, ready));
        pageFigures.push(...figures(label, runs, contentLabel));
      }
      sections.push({ title: `Pages chargées à froid (${RUNS} chargements chacune)`, figures: pageFigures });

      log('carte…');
      const mapRuns = async (url: string) => {
        await loadMap(browser, base + url);
        const runs: PageTimes[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await loadMap(browser, base + url));
        return runs;
      };
      const national = await mapRuns('/carte');
      const rhone = await mapRuns('/carte?departement=69');
      log('descente dans la carte…');
      await drillDown(browser, base, 'Auvergne-Rhône-Alpes', 'Rhône');
      const drills: DrillTimes[] = [];
      for (let i = 0; i < RUNS; i++)
        drills.push(await drillDown(browser, base, 'Auvergne-Rhône-Alpes', 'Rhône'));
      const geo = await timed(async () =>
        (await fetch(`${base}/api/dynamiques?format=geojson&departement=69`)).arrayBuffer(),
      );
      sections.push({
        title: 'Carte (contours réels ; France par département, puis le Rhône ouvert)',
        figures: [
          ...figures('Carte de France', national, 'carte au repos (idle)', TARGETS.mapIdleMs),
          ...figures('Carte du Rhône', rhone, 'périmètres dessinés, carte au repos', TARGETS.mapIdleMs),
          ...drillFigures(drills),
          { label: 'import des contours (4 niveaux)', value: contours.ms / 1000, unit: 's' as const },
          { label: 'GeoJSON des dynamiques du Rhône : réponse', value: geo.ms, unit: 'ms' as const },
          {
            label: 'GeoJSON des dynamiques du Rhône : taille (Mo)',
            value: geo.value.byteLength / 1e6,
            unit: '' as const,
          },
        ],
      });
      sections.push({
        title: 'Poids de l’interface (gzip)',
        figures: [
          {
            label: 'JavaScript initial (ko)',
            value: bundle.initialJsGzip / 1024,
            unit: '' as const,
            target: TARGETS.initialJsKb,
          },
          ...bundle.lazy.map((c) => ({
            label: `à la demande : ${c.file} (ko)`,
            value: c.gzip / 1024,
            unit: '' as const,
          })),
        ],
        notes: [`Fichiers initiaux : ${bundle.initialFiles.join(', ')}.`],
      });
      return { bench: 'web', engine: target.label, engineKind: target.kind, machine, sections };
    } finally {
      await browser.close();
      await app.close();
      await ctx.close();
    }
  } finally {
    await target.cleanup();
  }
}
