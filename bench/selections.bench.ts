import { openContext } from '../src/context.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemActor } from '../src/domain/actor.ts';
import { type SelectionInputRaw, selectionInput } from '../src/domain/resources/selection-schemas.ts';
import { loadBenchDataset } from './generate/dataset.ts';
import { freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import { summarize, timed } from './lib/stats.ts';
import { benchNoticeInput } from './resources/load.ts';

/** Target of the sélections issue: a 200-notice sélection to PDF within 5 s. */
export const TARGETS = { pdfMs: 5_000 };
const NOTICES = 200;
const RUNS = 5;

const log = (message: string) => console.error(`· ${message}`);
const actor = systemActor('banc d’essai');

/**
 * A sélection shaped like the published ones: 5 sections of 2 subsections (20 notices each), a
 * commentary on one notice in three, an introduction citing ten notices, 30 glossary terms.
 */
function benchSelection(ids: string[]): SelectionInputRaw {
  const per = Math.ceil(ids.length / 10);
  const chunk = (k: number) =>
    ids.slice(k * per, (k + 1) * per).map((notice, i) => ({
      notice,
      commentaire:
        i % 3 === 0
          ? `Commentaire du banc d’essai pour la notice ${k * per + i + 1}, cf. [[${ids[0]}]].`
          : null,
    }));
  return {
    titre: `Banc d’essai : sélection de ${ids.length} notices`,
    date: '2025-01',
    auteurs: [{ organisation: 'Observatoire DTS' }],
    introduction: `Sélection de mesure. Repères : ${ids
      .filter((_, i) => i % 20 === 0)
      .map((id) => `[[${id}]]`)
      .join(', ')}.`,
    sections: Array.from({ length: 5 }, (_, s) => ({
      titre: `Partie ${s + 1}`,
      presentation: 'Notices de la partie, les plus récentes d’abord.',
      notices: [],
      sections: [0, 1].map((k) => ({ titre: `Sous-partie ${s + 1}.${k + 1}`, notices: chunk(s * 2 + k) })),
    })),
    glossaire: Array.from({ length: 30 }, (_, i) => ({
      sigle: `S${i + 1}`,
      forme: `sigle numéro ${i + 1}`,
      definition: 'Définition de mesure.',
    })),
  };
}

function pages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/** A sélection of 200 notices of the national dataset, rendered in each format at the service level. */
export async function runSelectionsBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await freshTarget();
  log(`moteur : ${target.label}`);
  try {
    const ctx = await openContext(target.config);
    try {
      await migrate(ctx.database.db);
      const { notices } = loadBenchDataset();
      const inputs = notices.slice(0, NOTICES).map(benchNoticeInput);
      const { ids } = await ctx.services.resources.notices.createMany(actor, inputs, {
        description: 'Banc d’essai : notices de la sélection',
      });
      const service = ctx.services.resources.selections;
      const created = await timed(() => service.create(actor, selectionInput.parse(benchSelection(ids))));
      const id = created.value.id;
      log('premier PDF (Chromium lancé)…');
      const first = await timed(() => service.export(actor, id, 'pdf'));
      const figures: Figure[] = [
        {
          label: 'enregistrement de la sélection (vérifications, historique)',
          value: created.ms,
          unit: 'ms',
        },
        {
          label: 'premier PDF (lancement de Chromium compris)',
          value: first.ms,
          unit: 'ms',
          target: TARGETS.pdfMs,
        },
      ];
      const sizes: Record<string, Buffer> = {};
      for (const format of ['html', 'docx', 'pdf'] as const) {
        log(`${format} : ${RUNS} générations…`);
        const samples: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const r = await timed(() => service.export(actor, id, format));
          samples.push(r.ms);
          sizes[format] = r.value.body;
        }
        const s = summarize(samples);
        const label = format === 'pdf' ? 'PDF (Chromium)' : format.toUpperCase();
        figures.push(
          { label: `${label} p50 (${s.n} générations)`, value: s.p50, unit: 'ms' },
          { label: `${label} max`, value: s.max, unit: 'ms', target: TARGETS.pdfMs },
        );
      }
      const modelTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) modelTimes.push((await timed(() => service.document(actor, id))).ms);
      const model = summarize(modelTimes);
      figures.push({ label: 'lecture des notices et mise en ordre, p50', value: model.p50, unit: 'ms' });
      const kb = (b: Buffer | undefined) => `${Math.round((b?.length ?? 0) / 1024)} Ko`;
      return {
        bench: 'selections',
        engine: target.label,
        engineKind: target.kind,
        machine,
        sections: [
          {
            title: `Sélection de ${NOTICES} notices du jeu national (5 parties, 10 sous-parties)`,
            figures,
            notes: [
              `PDF ${pages(sizes.pdf ?? Buffer.alloc(0))} pages (${kb(sizes.pdf)}), DOCX ${kb(sizes.docx)}, HTML ${kb(sizes.html)}.`,
              'Références mises en forme par citeproc (style odts-documentaliste) à chaque génération.',
            ],
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
