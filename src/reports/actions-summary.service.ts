import type { GridAnalysisOut } from '../domain/actions/responses.ts';
import type { ActionFilters, ActionsSummaryQuery } from '../domain/actions/schemas.ts';
import type { Actor } from '../domain/actor.ts';
import { actionsSummaryDocument } from '../domain/reports/actions-summary.ts';
import { REPORT_CONTENT_TYPES } from '../domain/reports/schemas.ts';
import type { ReportService } from './report.service.ts';

/** How each filter reads in the document's subtitle. */
const FILTER_WORDS: Record<string, string> = {
  q: 'mots',
  type: 'type',
  echelle: 'échelle',
  milieu: 'milieu',
  qpv: 'en QPV',
  impliqueVille: 'ville impliquée',
  public: 'public',
  financeur: 'financeur',
  partenaire: 'partenaire',
  politique: 'politique',
  axe: 'axe',
  etape: 'étape',
  theme: 'thème',
  determinant: 'déterminant',
  dispositif: 'dynamique',
  role: 'rôle',
  dynamique: 'dynamique',
  ressource: 'ressource',
  territoire: 'territoire',
  region: 'région',
  departement: 'département',
  anneeMin: 'depuis',
  anneeMax: 'jusqu’à',
  enCours: 'en cours',
};

function describeFilters(filters: Record<string, unknown>): string {
  const parts = Object.entries(filters).flatMap(([key, value]) => {
    const word = FILTER_WORDS[key];
    if (!word || value === undefined || value === null || value === '') return [];
    const shown = Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'object'
        ? Object.values(value).join(':')
        : String(value);
    return [`${word} ${shown}`];
  });
  return parts.length === 0 ? 'Toutes les actions' : `Actions filtrées (${parts.join(' ; ')})`;
}

/** The grid figures of the actions found, as a PDF, DOCX or HTML document in the house style. */
export class ActionsSummaryService {
  constructor(
    private readonly analyse: (actor: Actor, filters: ActionFilters) => Promise<GridAnalysisOut>,
    private readonly reports: ReportService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async render(actor: Actor, query: ActionsSummaryQuery) {
    const { format, ...filters } = query;
    const r = await this.analyse(actor, filters as ActionFilters);
    const now = this.clock();
    const doc = actionsSummaryDocument(r, {
      perimetre: describeFilters(filters),
      genereLe: now.toISOString(),
      today: now.toISOString().slice(0, 10),
    });
    return {
      format,
      body: await this.reports.renderDocument(doc, format),
      contentType: REPORT_CONTENT_TYPES[format],
      filename: `${doc.fichier}.${format}`,
    };
  }
}
