import fs from 'node:fs';
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { campaignInput } from '../domain/campaigns/schemas.ts';
import { invalid } from '../domain/errors.ts';
import { withContext } from './context.ts';
import { progressBar } from './progress-bar.ts';

const actor = systemActor('cli');

function readCampaign(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw invalid(`Fichier illisible (${file}) : ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = campaignInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const champs = Object.fromEntries(
    parsed.error.issues.map((i) => [i.path.join('.') || '(valeur)', i.message]),
  );
  throw invalid(
    `Campagne invalide — ${Object.entries(champs)
      .map(([f, m]) => `${f} : ${m}`)
      .join(' ; ')}`,
    champs,
  );
}

function printReport(
  r: { envoyes: number; deja: number; echecs: { email: string; erreur: string }[] },
  what: string,
) {
  console.log(`${r.envoyes} ${what} envoyé(s) ; ${r.deja} destinataire(s) non concerné(s).`);
  for (const e of r.echecs) console.log(`  échec : ${e.email} — ${e.erreur}`);
  if (r.echecs.length > 0) process.exitCode = 1;
}

/** `odts campagnes …`: the same services as the API, acting as the command line. */
export function registerCampaignCommands(program: Command) {
  const campaigns = program.command('campagnes').description('Campagnes de recensement');
  campaigns
    .command('list')
    .description('Liste les campagnes')
    .action(() =>
      withContext(async (ctx) => {
        const { resultats } = await ctx.services.campaigns.campaigns.list(actor);
        if (resultats.length === 0) console.log('Aucune campagne.');
        for (const c of resultats) {
          console.log(
            `${c.id}  ${c.etat.padEnd(9)} ${c.ouverture} → ${c.cloture}  ${c.destinataires} dest.  ${c.nom}`,
          );
        }
      }),
    );
  campaigns
    .command('create')
    .description('Crée une campagne depuis un fichier JSON (même forme que POST /api/campagnes)')
    .argument('<fichier>', 'fichier JSON de la campagne')
    .action((file: string) =>
      withContext(async (ctx) => {
        const c = await ctx.services.campaigns.campaigns.create(actor, readCampaign(file));
        console.log(`Campagne créée : ${c.id} — ${c.destinataires} destinataire(s)`);
        if (c.dynamiquesSansDestinataire.length > 0) {
          console.log(
            `${c.dynamiquesSansDestinataire.length} dynamique(s) du périmètre sans adresse de contact.`,
          );
        }
      }),
    );
  campaigns
    .command('envoyer')
    .description('Envoie les invitations aux destinataires qui ne les ont pas reçues')
    .argument('<id>', 'identifiant de la campagne')
    .action((id: string) =>
      withContext(async (ctx) => {
        const bar = progressBar();
        try {
          printReport(await ctx.services.campaigns.campaigns.send(actor, id, bar.report), 'invitation(s)');
        } finally {
          bar.stop();
        }
      }),
    );
  campaigns
    .command('relancer')
    .description('Relance les destinataires sans réponse (nouveau lien, saisie conservée)')
    .argument('<id>', 'identifiant de la campagne')
    .action((id: string) =>
      withContext(async (ctx) => {
        const bar = progressBar();
        try {
          printReport(await ctx.services.campaigns.campaigns.remind(actor, id, bar.report), 'relance(s)');
        } finally {
          bar.stop();
        }
      }),
    );
  campaigns
    .command('suivi')
    .description('Où en est la campagne : envoyés, ouverts, répondus, examinés')
    .argument('<id>', 'identifiant de la campagne')
    .action((id: string) =>
      withContext(async (ctx) => {
        const p = await ctx.services.campaigns.progress.progress(actor, id);
        console.log(
          `Destinataires ${p.destinataires} · envoyés ${p.envoyes} · ouverts ${p.ouverts} · en cours ${p.enCours} · ` +
            `répondus ${p.repondus} · examinés ${p.examines} · relances ${p.relances}`,
        );
        console.log(
          `Réponses : ${p.propositions.a_examiner} à examiner, ${p.propositions.fusionnee} fusionnées, ${p.propositions.rejetee} rejetées`,
        );
        for (const d of p.parDepartement) {
          console.log(`  ${d.departement} ${d.nom} : ${d.repondus}/${d.destinataires} répondu(s)`);
        }
      }),
    );
  campaigns
    .command('decomptes')
    .description('Enregistre le bilan de la campagne en décomptes déclarés (remplace le précédent)')
    .argument('<id>', 'identifiant de la campagne')
    .action((id: string) =>
      withContext(async (ctx) => {
        const r = await ctx.services.campaigns.counts.record(actor, id);
        console.log(`${r.decomptes.length} décompte(s) enregistré(s) au ${r.date} (source : ${r.source})`);
        for (const d of r.decomptes) console.log(`  ${d.departement} ${d.type} : ${d.nombre}`);
      }),
    );
  campaigns
    .command('export')
    .description('Exporte les réponses (CSV ou XLSX)')
    .argument('<id>', 'identifiant de la campagne')
    .requiredOption('--sortie <fichier>', 'fichier à écrire')
    .option('--format <format>', 'csv ou xlsx', 'csv')
    .action((id: string, opts: { sortie: string; format: string }) =>
      withContext(async (ctx) => {
        if (opts.format !== 'csv' && opts.format !== 'xlsx')
          throw invalid('Format attendu : csv ou xlsx', { format: opts.format });
        const file = await ctx.services.campaigns.exports.export(actor, id, opts.format);
        fs.writeFileSync(opts.sortie, file.body);
        console.log(`Réponses écrites dans ${opts.sortie}`);
      }),
    );
}
