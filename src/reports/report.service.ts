import type { AnalyticsService, Snapshot } from '../analytics/analytics.service.ts';
import type { Actor } from '../domain/actor.ts';
import type { CommuneInfo } from '../domain/analytics/model.ts';
import type { QpvFigures } from '../domain/analytics/qpv-coverage.ts';
import { invalid, notFound } from '../domain/errors.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import type { ReportDocument } from '../domain/reports/document.ts';
import { LOCAL_KINDS, reportDynamics } from '../domain/reports/dynamics.ts';
import { buildEtatDesLieux } from '../domain/reports/etat-des-lieux.ts';
import type { ConfigurationResult, EtatDesLieuxInput, TerritoryTotals } from '../domain/reports/inputs.ts';
import {
  type EtatDesLieuxQuery,
  REPORT_CONTENT_TYPES,
  type ReportFormat,
} from '../domain/reports/schemas.ts';
import type { PdfRenderer } from '../kernel/documents/pdf-renderer.ts';
import { type ProgressReporter, silentProgress } from '../kernel/progress.ts';
import { renderDocx } from './docx.ts';
import { renderHtml, reportFooterText } from './html.ts';

/** QPV figures of the scope (the profile service answers it); null while no QPV layer is loaded. */
export interface QpvFiguresSource {
  qpvOfScope(
    actor: Actor,
    scope: { region?: string | undefined; departement?: string | undefined },
    date: string,
  ): Promise<QpvFigures | null>;
}

export interface RenderedReport {
  format: ReportFormat;
  contentType: string;
  filename: string;
  body: Buffer;
}

const HEALTH_DEVICES = ['ASV', 'CLS', 'CLSM'] as const;

/** Generated documents over the analyses: the état des lieux of a région or a département. */
export class ReportService {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly pdf: PdfRenderer,
    private readonly clock: () => Date = () => new Date(),
    private readonly qpv: QpvFiguresSource | null = null,
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
    const perimetre = resolveScope(s, query);
    const scope = { region: perimetre.region?.code ?? query.region, departement: query.departement, date };
    const communes = s.communesWhere(scope);
    const departements = groupDepartements(s, communes);
    const total = 4;
    let done = 0;
    const step = () => progress({ step: 'analyses', done: ++done, total });
    progress({ step: 'analyses', done, total });

    const counts = await this.analytics.counts(actor, { ...scope, niveau: 'departement', format: 'json' });
    step();
    const configurations = await this.configurations(actor, scope);
    step();
    const level = perimetre.type;
    const [byDep, whole] = await Promise.all([
      this.analytics.coverage(actor, {
        ...scope,
        niveau: 'departement',
        types: [...LOCAL_KINDS],
        format: 'json',
      }),
      this.analytics.coverage(actor, { ...scope, niveau: level, types: [...LOCAL_KINDS], format: 'json' }),
    ]);
    step();
    const depCodes = new Set(departements.map((d) => d.code));
    const dynamiques = reportDynamics(
      s.touching(communes.map((c) => c.code)),
      (c) => s.communes.get(c)?.departement ?? null,
      depCodes,
      date,
    );
    const qpv = (await this.qpv?.qpvOfScope(actor, scope, date)) ?? undefined;
    step();

    progress({ step: 'rédaction', done: 0, total: 1 });
    const input: EtatDesLieuxInput = {
      perimetre,
      date,
      genereLe: now.toISOString(),
      departements,
      comptages: counts.items,
      // Already restricted to the région; a département report keeps the regional totals for context.
      declares: counts.declares.filter((d) => d.departement === null || depCodes.has(d.departement)),
      configurations,
      couvertureParDepartement: byDep.items,
      couvertureTotale: whole.items,
      dynamiques,
      qpv,
    };
    const doc = buildEtatDesLieux(input);
    progress({ step: 'rédaction', done: 1, total: 1 });
    return doc;
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

  private render(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
    if (format === 'docx') return renderDocx(doc);
    const html = renderHtml(doc);
    if (format === 'html') return Promise.resolve(Buffer.from(html, 'utf8'));
    return this.pdf.render(html, reportFooterText(doc));
  }
}

type Perimetre = EtatDesLieuxInput['perimetre'];

/** Unknown territory → 404; a département outside the région asked → 400 naming the field. */
function resolveScope(
  s: Snapshot,
  q: { region?: string | undefined; departement?: string | undefined },
): Perimetre {
  const known = (type: 'region' | 'departement', code: string) => s.names.has(`${type}:${code}`);
  if (q.region && !known('region', q.region)) throw notFound(`Aucune région avec le code « ${q.region} »`);
  if (q.departement) {
    if (!known('departement', q.departement))
      throw notFound(`Aucun département avec le code « ${q.departement} »`);
    const region = s.regionOfDepartement.get(q.departement);
    if (q.region && region !== q.region) {
      const message = `le département ${q.departement} n’appartient pas à la région ${q.region}`;
      throw invalid(`Requête invalide — ${message}`, { departement: message });
    }
    const communes = s.communesWhere({ departement: q.departement });
    return {
      type: 'departement',
      code: q.departement,
      nom: s.nameOf('departement', q.departement),
      population: sum(communes),
      communes: communes.length,
      region: region ? { code: region, nom: s.nameOf('region', region) } : undefined,
    };
  }
  const code = q.region as string;
  const communes = s.communesWhere({ region: code });
  return {
    type: 'region',
    code,
    nom: s.nameOf('region', code),
    population: sum(communes),
    communes: communes.length,
  };
}

function groupDepartements(s: Snapshot, communes: CommuneInfo[]): TerritoryTotals[] {
  const groups = new Map<string, CommuneInfo[]>();
  for (const c of communes) {
    if (!c.departement) continue;
    const list = groups.get(c.departement);
    if (list) list.push(c);
    else groups.set(c.departement, [c]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, list]) => ({
      code,
      nom: s.nameOf('departement', code),
      population: sum(list),
      communes: list.length,
    }));
}

const sum = (list: CommuneInfo[]) => list.reduce((t, c) => t + c.population, 0);
