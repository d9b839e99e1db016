import path from 'node:path';
import type { AppContext } from '../src/context.ts';
import { systemActor } from '../src/domain/actor.ts';
import { dynamicInput } from '../src/domain/registry/schemas.ts';
import type { ReportBlock } from '../src/domain/reports/document.ts';
import type { EtatDesLieuxQuery, ReportFormat } from '../src/domain/reports/schemas.ts';
import { loadBenchDataset } from './generate/dataset.ts';
import { freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import { summarize, timed } from './lib/stats.ts';
import { loadIntoRegistry } from './reports/load-registry.ts';
import { timedStart } from './territories/startup.ts';

/**
 * Targets: a regional état des lieux within 5 s (6 s since it carries the map), whatever the format; a
 * commune's dossier for elected officials within 3 s.
 */
export const TARGETS = { regionalReportMs: 6_000, communeDossierMs: 3_000 };
/** The shipped contours: the reports draw their map from them. */
const CONTOURS = path.resolve('data-seed/reference/contours.topo.json.gz');
const COMMUNE = { code: '42218', nom: 'Saint-Étienne' };
const REGION = { code: '84', nom: 'Auvergne-Rhône-Alpes' };
const DEPARTEMENT = { code: '69', nom: 'Rhône' };
/** A fixed date keeps the figures comparable from one run to the next. */
const DATE = '2025-01-01';
const RUNS = 5;

const log = (message: string) => console.error(`· ${message}`);
const actor = systemActor('banc d’essai');

/** Dynamics listed: table rows (a département) or list lines (a région). */
function listedLines(blocks: ReportBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.kind === 'table') n += b.table.lignes.length;
    if (b.kind === 'list') n += b.items.length;
    if (b.kind === 'subsection') n += listedLines(b.blocks);
  }
  return n;
}

function pages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

async function runs(ctx: AppContext, query: EtatDesLieuxQuery) {
  const samples: number[] = [];
  let last: Buffer = Buffer.alloc(0);
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(() => ctx.services.reports.etatDesLieux(actor, query));
    samples.push(r.ms);
    last = r.value.body;
  }
  return { summary: summarize(samples), body: last };
}

const formatFigures = (label: string, s: ReturnType<typeof summarize>): Figure[] => [
  { label: `${label} p50 (${s.n} générations)`, value: s.p50, unit: 'ms' },
  { label: `${label} max`, value: s.max, unit: 'ms', target: TARGETS.regionalReportMs },
];

/**
 * État des lieux of a région of the national dataset (10,000 dynamics) in each format, warm and just
 * after a registry change (snapshot rebuilt), and of one département.
 */
export async function runReportBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    log('démarrage et référentiel…');
    const { ctx } = await timedStart(target.config);
    try {
      const { dynamics } = loadBenchDataset();
      log(`chargement de ${dynamics.length} dynamiques dans le registre…`);
      const load = await timed(() => loadIntoRegistry(ctx, dynamics, log));
      log('contours des territoires (carte des rapports)…');
      await ctx.services.reference.importContours(actor, [CONTOURS], { force: true });
      const regional = { region: REGION.code, date: DATE };

      // The platform builds the analyses' snapshot at start (preparePlatform): the first report after
      // a start finds it, and pays only Chromium's launch.
      const snapshot = await timed(() => ctx.services.analytics.snapshot());
      log('première génération (Chromium lancé)…');
      const cold = await timed(() =>
        ctx.services.reports.etatDesLieux(actor, { ...regional, format: 'pdf' }),
      );
      const doc = await ctx.services.reports.etatDesLieuxDocument(actor, regional);
      const modelTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        modelTimes.push((await timed(() => ctx.services.reports.etatDesLieuxDocument(actor, regional))).ms);
      }
      const model = summarize(modelTimes);
      const measured: Partial<Record<ReportFormat, Awaited<ReturnType<typeof runs>>>> = {};
      for (const format of ['html', 'docx', 'pdf'] as const) {
        log(`${format} : ${RUNS} générations…`);
        measured[format] = await runs(ctx, { ...regional, format });
      }
      log('après une modification du registre…');
      const cls = dynamics.find((d) => d.type === 'CLS') as (typeof dynamics)[number];
      const changed = await timed(() =>
        ctx.services.registry.update(
          actor,
          cls.id,
          dynamicInput.parse({ ...cls, nom: `${cls.nom} (modifié)` }),
          1,
        ),
      );
      const afterChange = await timed(() =>
        ctx.services.reports.etatDesLieux(actor, { ...regional, format: 'pdf' }),
      );
      log(`département ${DEPARTEMENT.code}…`);
      const dep = await runs(ctx, { departement: DEPARTEMENT.code, date: DATE, format: 'pdf' });

      log(`dossier pour les élus : ${COMMUNE.nom}…`);
      const dossierTimes: Record<string, number[]> = { html: [], docx: [], pdf: [] };
      for (const format of ['html', 'docx', 'pdf'] as const) {
        for (let i = 0; i < RUNS; i++) {
          const r = await timed(() =>
            ctx.services.dossiersElus.render(actor, {
              territoire: { type: 'commune', code: COMMUNE.code },
              date: DATE,
              format,
            }),
          );
          dossierTimes[format]?.push(r.ms);
        }
      }
      const hasMap = doc.sections.some((s) => s.blocks.some((b) => b.kind === 'map'));

      const rows = listedLines(doc.sections.find((s) => s.id === 'liste')?.blocks ?? []);
      const pdf = measured.pdf?.body ?? Buffer.alloc(0);
      const kb = (b: Buffer | undefined) => `${Math.round((b?.length ?? 0) / 1024)} Ko`;
      return {
        bench: 'report',
        engine: target.label,
        engineKind: target.kind,
        machine,
        sections: [
          {
            title: `Jeu national : ${dynamics.length} dynamiques écrites par le service du registre`,
            figures: [
              { label: 'chargement (validation, périmètres, historique)', value: load.ms / 1000, unit: 's' },
              { label: 'instantané des analyses, construit au démarrage', value: snapshot.ms, unit: 'ms' },
            ],
          },
          {
            title: `État des lieux régional : ${REGION.nom} (${REGION.code}), situation au ${DATE}`,
            figures: [
              {
                label: 'premier PDF après le démarrage (Chromium lancé)',
                value: cold.ms,
                unit: 'ms',
                target: TARGETS.regionalReportMs,
              },
              { label: `analyses et rédaction p50 (${model.n} fois)`, value: model.p50, unit: 'ms' },
              ...formatFigures('HTML', (measured.html as Awaited<ReturnType<typeof runs>>).summary),
              ...formatFigures('DOCX', (measured.docx as Awaited<ReturnType<typeof runs>>).summary),
              ...formatFigures('PDF (Chromium)', (measured.pdf as Awaited<ReturnType<typeof runs>>).summary),
              { label: 'modification d’une dynamique', value: changed.ms, unit: 'ms' },
              {
                label: 'PDF juste après la modification (instantané reconstruit)',
                value: afterChange.ms,
                unit: 'ms',
                target: TARGETS.regionalReportMs,
              },
            ],
            notes: [
              `Document : ${doc.sections.length} sections, ${rows} lignes dans la liste des dynamiques par département ; ` +
                `PDF ${pages(pdf)} pages (${kb(pdf)}), DOCX ${kb(measured.docx?.body)}, HTML ${kb(measured.html?.body)}.`,
              'Chromium est lancé au premier PDF (environ 0,7 s) puis gardé entre deux impressions.',
              hasMap
                ? 'Avec la carte des intercommunalités de la région (SVG ; PNG dans le DOCX).'
                : 'Sans carte : contours absents.',
            ],
          },
          {
            title: `Dossier pour les élus : ${COMMUNE.nom} (${COMMUNE.code}), avec carte`,
            figures: (['html', 'docx', 'pdf'] as const).flatMap((format) => {
              const sm = summarize(dossierTimes[format] ?? []);
              return [
                { label: `${format.toUpperCase()} p50 (${sm.n} générations)`, value: sm.p50, unit: 'ms' },
                {
                  label: `${format.toUpperCase()} max`,
                  value: sm.max,
                  unit: 'ms',
                  target: TARGETS.communeDossierMs,
                },
              ];
            }),
          },
          {
            title: `État des lieux départemental : ${DEPARTEMENT.nom} (${DEPARTEMENT.code}), PDF`,
            figures: formatFigures('PDF (Chromium)', dep.summary),
            notes: [`PDF ${pages(dep.body)} pages (${kb(dep.body)}).`],
          },
        ],
      };
    } finally {
      await ctx.close();
    }
  } finally {
    await target.cleanup();
  }
}
