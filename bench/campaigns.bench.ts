import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCampaignServices } from '../src/campaigns/campaigns.context.ts';
import { systemActor } from '../src/domain/actor.ts';
import { campaignInput } from '../src/domain/campaigns/schemas.ts';
import { dynamicInput } from '../src/domain/registry/schemas.ts';
import { buildApp } from '../src/http/app.ts';
import { OutboxMailer } from '../src/kernel/mail/outbox-mailer.ts';
import { loadCogReference } from './generate/cog.ts';
import { Rng } from './generate/prng.ts';
import { freshTarget } from './lib/engine.ts';
import { describeMachine } from './lib/machine.ts';
import type { BenchReport, Figure } from './lib/report.ts';
import { latencies, type Summary, summarize, timed } from './lib/stats.ts';
import { timedStart } from './territories/startup.ts';

/** Targets of the campaigns issue, on a 2-core machine. */
export const TARGETS = { sendMs: 30_000, reviewListP95Ms: 50 };
const RECIPIENTS = 2_000;
const CHUNK = 500;
const ROUNDS = 5;
const KINDS = ['ASV', 'CLS', 'CLSM', 'CPTS', 'MSP'] as const;

const log = (message: string) => console.error(`· ${message}`);
const actor = systemActor('banc d’essai');

const latencyFigures = (prefix: string, s: Summary, target?: number): Figure[] => [
  { label: `${prefix} p50`, value: s.p50, unit: 'ms' },
  { label: `${prefix} p95`, value: s.p95, unit: 'ms', ...(target ? { target } : {}) },
  { label: `${prefix} max`, value: s.max, unit: 'ms' },
];

/** Personal links in the outbox, decoding the quoted-printable bodies nodemailer writes. */
function linksIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => {
      const text = fs
        .readFileSync(path.join(dir, f), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
      const m = /\/reponses\/([A-Za-z0-9_-]{20,})/.exec(text);
      if (!m?.[1]) throw new Error(`aucun lien dans ${f}`);
      return m[1];
    });
}

/**
 * A national campaign: 2,000 dynamics, each with its own contact address, over every département; the
 * invitations written to an outbox, every recipient answering through the service, then the review list
 * paged and filtered through HTTP.
 */
export async function runCampaignsBench(): Promise<BenchReport> {
  const machine = describeMachine();
  const target = await freshTarget();
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'odts-bench-outbox-'));
  log(`moteur : ${target.label}`);
  try {
    log('démarrage et référentiel…');
    const { ctx } = await timedStart(target.config);
    const app = await buildApp(ctx);
    try {
      const cog = loadCogReference();
      const rng = new Rng('campagnes');
      const communes = cog.communes;
      log(`écriture de ${RECIPIENTS} dynamiques avec un contact chacune…`);
      for (let i = 0; i < RECIPIENTS; i += CHUNK) {
        await ctx.database.db.transaction().execute(async (trx) => {
          for (let j = i; j < Math.min(i + CHUNK, RECIPIENTS); j++) {
            const commune = communes[rng.int(0, communes.length - 1)] as (typeof communes)[number];
            const input = dynamicInput.parse({
              type: KINDS[j % KINDS.length],
              nom: `Dynamique ${j} de ${commune.nom}`,
              statut: 'actif',
              perimetre: { communes: [commune.code] },
              contacts: [{ nom: `Personne ${j}`, email: `coordination.${j}@exemple.fr`, public: false }],
            });
            await ctx.services.registry.create(actor, input, { trx });
          }
        });
      }
      const services = createCampaignServices(ctx.database.db, {
        mailer: new OutboxMailer(outbox, 'banc@exemple.fr'),
        registry: ctx.services.registry,
        declaredCounts: ctx.services.declaredCounts,
        settings: { publicUrl: 'https://odts.exemple.fr', organisme: 'Banc d’essai' },
      });
      const today = new Date().toISOString().slice(0, 10);
      const input = campaignInput.parse({
        nom: 'Recensement national (banc d’essai)',
        departements: cog.departements.map((d) => d.code).slice(0, 120),
        types: [...KINDS],
        modele: 'enquete-2018',
        questions: [
          {
            id: 'coordination',
            libelle: 'Coordination dédiée ?',
            type: 'choix',
            options: ['Oui', 'Non'],
            obligatoire: true,
          },
        ],
        ouverture: today,
        cloture: '2099-12-31',
        message: 'Merci de vérifier vos fiches.',
      });
      log('création de la campagne (destinataires depuis les contacts du registre)…');
      const created = await timed(() => services.campaigns.create(actor, input));
      const id = created.value.id;
      log(`envoi de ${created.value.destinataires} invitations dans la boîte d’envoi…`);
      const sent = await timed(() => services.campaigns.send(actor, id));
      const tokens = linksIn(outbox);

      log(`${tokens.length} réponses (ouverture du questionnaire puis soumission)…`);
      const opened: number[] = [];
      const saved = await latencies(tokens, async (token) => {
        const start = performance.now();
        const form = await services.responses.form(token);
        opened.push(performance.now() - start);
        await services.responses.save(token, {
          dynamiques: form.dynamiques.map((d, k) => ({
            id: d.id,
            decision: k % 3 === 0 ? 'confirmee' : 'corrigee',
            proposition: k % 3 === 0 ? {} : { nom: `${String(d.fiche.nom)} (corrigé)` },
          })),
          nouvelles: [],
          questions: { coordination: 'Oui' },
          soumettre: true,
        });
      });

      const { jeton } = await ctx.services.auth.createToken(actor, {
        role: 'equipe_regionale',
        regions: [],
        libelle: 'banc d’essai',
      });
      const get = async (url: string) => {
        const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${jeton}` } });
        if (r.statusCode !== 200) throw new Error(`${url} → ${r.statusCode} ${r.body}`);
        return r.json();
      };
      const deps = cog.departements.map((d) => d.code);
      const urls = [
        ...Array.from({ length: 20 }, (_, p) => `/api/campagnes/${id}/reponses?page=${p + 1}&parPage=50`),
        ...Array.from(
          { length: 10 },
          (_, p) => `/api/campagnes/${id}/reponses?etat=a_examiner&page=${p + 1}`,
        ),
        ...deps.slice(0, 10).map((d) => `/api/campagnes/${id}/reponses?departement=${d}`),
        ...KINDS.map((k) => `/api/campagnes/${id}/reponses?type=${k}&parPage=100`),
      ];
      log(`liste d’examen : ${urls.length} pages × ${ROUNDS}…`);
      await latencies(urls, get);
      const review = await latencies(Array.from({ length: ROUNDS }, () => urls).flat(), get);
      const progress = await latencies(
        Array.from({ length: 20 }, () => `/api/campagnes/${id}/suivi`),
        get,
      );
      const total = (await get(`/api/campagnes/${id}/reponses?parPage=1`)).total as number;

      return {
        bench: 'campagnes',
        engine: target.label,
        engineKind: target.kind,
        machine,
        sections: [
          {
            title: `Campagne nationale : ${created.value.destinataires} destinataires, ${RECIPIENTS} dynamiques`,
            figures: [
              { label: 'création (destinataires depuis les contacts)', value: created.ms, unit: 'ms' },
              {
                label: 'envoi des invitations (boîte d’envoi .eml)',
                value: sent.ms,
                unit: 'ms',
                target: TARGETS.sendMs,
              },
              { label: 'invitations écrites', value: sent.value.envoyes, unit: '' },
              ...latencyFigures('ouverture du questionnaire', summarize(opened)),
              ...latencyFigures('ouverture et soumission d’une réponse', summarize(saved.wall)),
            ],
          },
          {
            title: `Liste d’examen de ${total} réponses : ${urls.length} pages et filtres × ${ROUNDS}, HTTP (inject)`,
            figures: [
              ...latencyFigures('liste d’examen', summarize(review.wall), TARGETS.reviewListP95Ms),
              ...latencyFigures('liste d’examen, temps CPU', summarize(review.cpu)),
              ...latencyFigures('tableau de bord (suivi)', summarize(progress.wall)),
            ],
          },
        ],
      };
    } finally {
      await app.close();
      await ctx.close();
    }
  } finally {
    fs.rmSync(outbox, { recursive: true, force: true });
    await target.cleanup();
  }
}
