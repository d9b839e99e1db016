import type { AnalyticsService, Snapshot } from '../analytics/analytics.service.ts';
import type { Actor } from '../domain/actor.ts';
import type { CommuneInfo } from '../domain/analytics/model.ts';
import { type QpvInfo, qpvCoverage } from '../domain/analytics/qpv-coverage.ts';
import { DYNAMIC_KINDS } from '../domain/registry/kinds.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import type { ReportDocument } from '../domain/reports/document.ts';
import { LOCAL_KINDS, reportDynamics } from '../domain/reports/dynamics.ts';
import { buildEtatDesLieux } from '../domain/reports/etat-des-lieux.ts';
import type { ConfigurationResult, EtatDesLieuxInput } from '../domain/reports/inputs.ts';
import {
  type EtatDesLieuxQuery,
  REPORT_CONTENT_TYPES,
  type ReportFormat,
  reportTerritoryOf,
} from '../domain/reports/schemas.ts';
import { type DocumentIdentity, NEUTRAL_IDENTITY } from '../kernel/documents/house-style.ts';
import type { PdfRenderer } from '../kernel/documents/pdf-renderer.ts';
import { type ProgressReporter, silentProgress } from '../kernel/progress.ts';
import { renderDocx } from './docx.ts';
import { renderHtml, reportFooterText } from './html.ts';
import { localAnalyses } from './local-analyses.ts';
import { resolveReportScope } from './report-scope.ts';

export interface RenderedReport {
  format: ReportFormat;
  contentType: string;
  filename: string;
  body: Buffer;
}

/** Where the report finds the QPV of its communes (the QPV layer; none when it is not loaded). */
export interface QpvSource {
  qpvLoaded(): Promise<boolean>;
  qpvOfCommunes(communes: string[]): Promise<QpvInfo[]>;
}

const QPV_KINDS = DYNAMIC_KINDS.filter((k) => k !== 'AUTRE');
const HEALTH_DEVICES = ['ASV', 'CLS', 'CLSM'] as const;

export type LinkedNotices = (
  actor: Actor,
  q: { territories: { type: string; code: string }[]; dynamics: string[] },
) => Promise<string[]>;

/** Generated documents over the analyses: the état des lieux of a région or a département. */
export class ReportService {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly pdf: PdfRenderer,
    private readonly qpvSource: QpvSource | null = null,
    private readonly clock: () => Date = () => new Date(),
    private readonly identity: DocumentIdentity = NEUTRAL_IDENTITY,
    /** Notices linked to a territory or to dynamics, for « Pour aller plus loin » (none without it). */
    private readonly linkedNotices: LinkedNotices | null = null,
  ) {}

  async etatDesLieux(
    actor: Actor,
    query: EtatDesLieuxQuery,
    progress: ProgressReporter = silentProgress,
  ): Promise<RenderedReport> {
    // Chromium starts while the analyses run (or the request fails fast when it is missing).
    if (query.format === 'pdf') this.pdf.prepare();
    const doc = await this.etatDesLieuxDocument(actor, query, progress);
    progress({ step: 'mise en page', done: 0, total: 1 });
    const body = await this.render(doc, query.format);
    progress({ step: 'mise en page', done: 1, total: 1 });
    return {
      format: query.format,
      contentType: REPORT_CONTENT_TYPES[query.format],
      filename: `${doc.fichier}.${query.format}`,
      body,
    };
  }

  /** The structured document, before layout (also used by tests and other formats). */
  async etatDesLieuxDocument(
    actor: Actor,
    query: Omit<EtatDesLieuxQuery, 'format'>,
    progress: ProgressReporter = silentProgress,
  ): Promise<ReportDocument> {
    const now = this.clock();
    const date = query.date ?? todayIso(now);
    const s = await this.analytics.snapshot();
    const scope = resolveReportScope(s, reportTerritoryOf(query), query.region);
    const { perimetre, communes, departements } = scope;
    const total = 4;
    let done = 0;
    const step = () => progress({ step: 'analyses', done: ++done, total });
    progress({ step: 'analyses', done, total });

    const local = perimetre.type === 'epci' || perimetre.type === 'commune';
    const depCodes = new Set(departements.map((d) => d.code));
    // Declared counts are regional or departmental figures: nothing comparable for a local territory.
    const analyses: WideAnalyses = local
      ? {
          ...localAnalyses(
            s,
            scope,
            { covered: LOCAL_KINDS, base: 'CONTRAT_VILLE', avec: [...HEALTH_DEVICES] },
            date,
          ),
          declares: [],
        }
      : await this.wideAnalyses(actor, perimetre, depCodes, date, step);
    while (done < 3) step();
    const dynamiques = reportDynamics(
      s.touching(communes.map((c) => c.code)),
      (c) => s.communes.get(c)?.departement ?? null,
      depCodes,
      date,
    );
    const qpv = await this.qpvFigures(s, communes, date);
    const ressources = this.linkedNotices
      ? await this.linkedNotices(actor, {
          territories: [{ type: perimetre.type, code: perimetre.code }],
          dynamics: dynamiques.map((d) => d.id),
        })
      : [];
    step();

    progress({ step: 'rédaction', done: 0, total: 1 });
    const input: EtatDesLieuxInput = {
      perimetre,
      date,
      genereLe: now.toISOString(),
      departements,
      ...analyses,
      dynamiques,
      qpv,
      ressources,
    };
    const doc = buildEtatDesLieux(input);
    progress({ step: 'rédaction', done: 1, total: 1 });
    return doc;
  }

  /** Counts, configurations and coverage of a région or a département, from the analytics service. */
  private async wideAnalyses(
    actor: Actor,
    perimetre: EtatDesLieuxInput['perimetre'],
    depCodes: ReadonlySet<string>,
    date: string,
    step: () => void,
  ): Promise<WideAnalyses> {
    const scope =
      perimetre.type === 'region'
        ? { region: perimetre.code, date }
        : { region: perimetre.region?.code, departement: perimetre.code, date };
    const counts = await this.analytics.counts(actor, { ...scope, niveau: 'departement', format: 'json' });
    step();
    const configurations = await this.configurations(actor, scope);
    step();
    const [byDep, whole] = await Promise.all([
      this.analytics.coverage(actor, {
        ...scope,
        niveau: 'departement',
        types: [...LOCAL_KINDS],
        format: 'json',
      }),
      this.analytics.coverage(actor, {
        ...scope,
        niveau: perimetre.type === 'region' ? 'region' : 'departement',
        types: [...LOCAL_KINDS],
        format: 'json',
      }),
    ]);
    step();
    return {
      comptages: counts.items,
      // Already restricted to the région; a département report keeps the regional totals for context.
      declares: counts.declares.filter((d) => d.departement === null || depCodes.has(d.departement)),
      configurations,
      couvertureParDepartement: byDep.items,
      couvertureTotale: whole.items,
    };
  }

  private async qpvFigures(s: Snapshot, communes: CommuneInfo[], date: string) {
    if (!this.qpvSource || !(await this.qpvSource.qpvLoaded())) return undefined;
    const codes = communes.map((c) => c.code);
    const qpvs = await this.qpvSource.qpvOfCommunes(codes);
    return qpvCoverage(qpvs, s.touching(codes), QPV_KINDS, date);
  }

  /** Releases the PDF printer (a Chromium process may be kept between prints). */
  close(): Promise<void> {
    return this.pdf.close();
  }

  private async configurations(
    actor: Actor,
    scope: { region?: string | undefined; departement?: string | undefined; date: string },
  ): Promise<ConfigurationResult> {
    const r = await this.analytics.configurations(actor, {
      ...scope,
      base: 'CONTRAT_VILLE',
      avec: [...HEALTH_DEVICES],
      format: 'json',
    });
    return { total: r.total, configurations: r.configurations };
  }

  /** Any report document laid out in the house style, with the operator's identity. */
  renderDocument(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
    return this.render(doc, format);
  }

  private render(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
    if (format === 'docx') return renderDocx(doc, this.identity);
    const html = renderHtml(doc, this.identity);
    if (format === 'html') return Promise.resolve(Buffer.from(html, 'utf8'));
    return this.pdf.render(html, reportFooterText(doc));
  }
}

type WideAnalyses = Pick<
  EtatDesLieuxInput,
  'comptages' | 'declares' | 'configurations' | 'couvertureParDepartement' | 'couvertureTotale'
>;
