import type { LayerImportReport } from '../reference/import-report.ts';

const COUNT_LABELS: Record<string, string> = {
  qpv: 'quartiers prioritaires',
  rattachements: 'rattachements à des communes',
  total: 'QPV au total dans la base',
  contrats: 'contrats de ville',
  territoires: 'territoires de contrat',
  communes: 'communes couvertes',
  region: 'contours de régions',
  departement: 'contours de départements',
  epci: 'contours d’EPCI',
  commune: 'contours de communes',
};

const PLURAL: Record<LayerImportReport['unit'], string> = {
  ligne: 'lignes lues',
  entité: 'entités lues',
  élément: 'éléments lus',
};

const MAX_WARNINGS = 30;

function counts(report: LayerImportReport): string {
  return Object.entries(report.counts)
    .map(([k, n]) => `${n.toLocaleString('fr-FR')} ${COUNT_LABELS[k] ?? k}`)
    .join(', ');
}

/** The report of a layer import as French lines: every error, then warnings, then the outcome. */
export function formatLayerReport(report: LayerImportReport): string[] {
  const lines = [`Source : ${report.source}`];
  if (report.format) lines.push(`Format : ${report.format}, ${report.read} ${PLURAL[report.unit]}`);
  if (report.vintage) lines.push(`Millésime : ${report.vintage}`);
  if (report.skipped) {
    lines.push('Ce millésime est déjà chargé : rien n’a été modifié (utilisez --force pour réimporter).');
    return lines;
  }
  if (!report.valid) {
    lines.push(`Import refusé : ${report.errors.length} erreur(s), rien n’a été écrit.`);
    for (const e of report.errors) {
      const where = e.ligne > 0 ? `${report.unit} ${e.ligne}` : 'fichier';
      lines.push(`  ${where} · ${e.champ} : ${e.message}`);
    }
  }
  if (report.warnings.length > 0) {
    lines.push(`Avertissements (${report.warnings.length}) :`);
    for (const w of report.warnings.slice(0, MAX_WARNINGS)) lines.push(`  - ${w}`);
    if (report.warnings.length > MAX_WARNINGS)
      lines.push(`  … et ${report.warnings.length - MAX_WARNINGS} autres`);
  }
  if (report.valid && report.dryRun) {
    lines.push(`Vérification seule (--dry-run) : aucune erreur. Seraient importés : ${counts(report)}.`);
    lines.push('Rien n’a été écrit.');
  } else if (report.written) {
    lines.push(`Importé : ${counts(report)}.`);
  }
  return lines;
}
