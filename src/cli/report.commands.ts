import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { invalid } from '../domain/errors.ts';
import { dossierElusQuery, etatDesLieuxQuery, REPORT_FORMATS } from '../domain/reports/schemas.ts';
import { withContext } from './context.ts';
import { progressBar } from './progress-bar.ts';

const actor = systemActor('cli');

interface Options {
  region?: string;
  departement?: string;
  territoire?: string;
  date?: string;
  format: string;
  output?: string;
}

export function registerReportCommands(program: Command) {
  const rapport = program.command('rapport').description('Rapports générés depuis le registre');

  rapport
    .command('etat-des-lieux')
    .description(
      'État des lieux d’une région, d’un département, d’un EPCI ou d’une commune (PDF, DOCX ou HTML)',
    )
    .option('--region <code>', 'code INSEE de la région (ex. 84)')
    .option('--departement <code>', 'code du département (ex. 42)')
    .option(
      '--territoire <type:code>',
      'territoire de tout niveau : region, departement, epci ou commune (ex. commune:85191, epci:248500589)',
    )
    .option('--date <AAAA-MM-JJ>', 'date de la situation décrite (aujourd’hui par défaut)')
    .requiredOption('--format <format>', `format du document : ${REPORT_FORMATS.join(', ')}`)
    .option('--output <fichier>', 'fichier à écrire (par défaut : nom descriptif dans le dossier courant)')
    .addHelpText(
      'after',
      '\nLe format pdf nécessite Chromium (apt-get install chromium, ou ODTS_CHROMIUM_PATH).',
    )
    .action(async (opts: Options) => {
      const parsed = etatDesLieuxQuery.safeParse({
        region: opts.region,
        departement: opts.departement,
        territoire: opts.territoire,
        date: opts.date,
        format: opts.format,
      });
      if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `--${i.path.join('.')} : ${i.message}`);
        throw invalid(`options invalides\n  ${lines.join('\n  ')}`);
      }
      await withContext(async (ctx) => {
        const bar = progressBar();
        const started = Date.now();
        const report = await ctx.services.reports
          .etatDesLieux(actor, parsed.data, bar.report)
          .finally(() => bar.stop());
        const file = path.resolve(opts.output ?? report.filename);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, report.body);
        const size = `${Math.max(1, Math.round(report.body.length / 1024))} Ko`;
        const seconds = ((Date.now() - started) / 1000).toFixed(1).replace('.', ',');
        console.log(`État des lieux écrit : ${file} (${size}, ${seconds} s)`);
      });
    });

  rapport
    .command('dossier-elus')
    .description('Dossier pour l’équipe élue d’une commune ou d’une intercommunalité (PDF, DOCX ou HTML)')
    .requiredOption('--territoire <type:code>', 'commune ou EPCI (ex. commune:42218, epci:244200770)')
    .option('--date <AAAA-MM-JJ>', 'date de la situation décrite (aujourd’hui par défaut)')
    .requiredOption('--format <format>', `format du document : ${REPORT_FORMATS.join(', ')}`)
    .option('--output <fichier>', 'fichier à écrire (par défaut : nom descriptif dans le dossier courant)')
    .action(async (opts: Options) => {
      const parsed = dossierElusQuery.safeParse({
        territoire: opts.territoire,
        date: opts.date,
        format: opts.format,
      });
      if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `--${i.path.join('.')} : ${i.message}`);
        throw invalid(`options invalides\n  ${lines.join('\n  ')}`);
      }
      await withContext(async (ctx) => {
        const started = Date.now();
        const report = await ctx.services.dossiersElus.render(actor, parsed.data);
        const file = path.resolve(opts.output ?? report.filename);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, report.body);
        const size = `${Math.max(1, Math.round(report.body.length / 1024))} Ko`;
        const seconds = ((Date.now() - started) / 1000).toFixed(1).replace('.', ',');
        console.log(`Dossier pour les élus écrit : ${file} (${size}, ${seconds} s)`);
      });
    });
}
