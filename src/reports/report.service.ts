import type { AnalyticsService, Snapshot } from '../analytics/analytics.service.ts';
import type { Actor } from '../domain/actor.ts';
import { type CommuneInfo, isLiveAt } from '../domain/analytics/model.ts';
import { type QpvInfo, qpvCoverage } from '../domain/analytics/qpv-coverage.ts';
import { DYNAMIC_KINDS } from '../domain/registry/kinds.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import type { ReportDocument } from '../domain/reports/document.ts';
import { LOCAL_KINDS, reportDynamics } from '../domain/reports/dynamics.ts';
import { buildEtatDesLieux } from '../domain/reports/etat-des-lieux.ts';
import { formatDateLong } from '../domain/reports/french.ts';
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
import { type MapContours, territoryMapSvg } from './map/territory-map.ts';
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
    private readonly contours: MapContours | null = null,
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
    const carte = await this.map(s, perimetre, communes, date);
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
      carte,
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

  /**
   * The territory's map: EPCI for a région (a few hundred areas), communes otherwise, each coloured by the
   * number of kinds of dynamics live on the date; the QPV outlined. Null without contours.
   */
  async map(
    s: Snapshot,
    perimetre: Pick<EtatDesLieuxInput['perimetre'], 'type' | 'nom'>,
    communes: CommuneInfo[],
    date: string,
  ): Promise<{ svg: string; legende: string } | null> {
    if (!this.contours || !(await this.contours.available())) return null;
    const level = perimetre.type === 'region' ? 'epci' : 'commune';
    const groups = new Map<string, string[]>();
    for (const c of communes) {
      const key = level === 'epci' ? c.epci : c.code;
      if (!key) continue;
      groups.set(key, [...(groups.get(key) ?? []), c.code]);
    }
    const geometries = await this.contours.geometries(level, [...groups.keys()]);
    const units = [...groups].flatMap(([code, members]) => {
      const geometry = geometries.get(code);
      if (!geometry) return [];
      const kinds = new Set(
        s
          .touching(members)
          .filter((d) => LOCAL_KINDS.includes(d.type) && isLiveAt(d, date))
          .map((d) => d.type),
      );
      const nom = level === 'epci' ? s.nameOf('epci', code) : (s.communes.get(code)?.nom ?? code);
      return [{ code, nom, geometry, kinds: kinds.size }];
    });
    // The shipped QPV layer has no shapes: the communes holding a QPV are outlined instead.
    const qpvList = this.qpvSource ? await this.qpvSource.qpvOfCommunes(communes.map((c) => c.code)) : [];
    const shapes = await this.contours.geometries(
      'qpv',
      qpvList.map((q) => q.code),
    );
    const holders = new Set(qpvList.filter((q) => !shapes.has(q.code)).flatMap((q) => q.communes));
    const qpv = [
      ...shapes.values(),
      ...(level === 'commune' ? [...holders].flatMap((c) => geometries.get(c) ?? []) : []),
    ];
    const qpvLabel = shapes.size > 0 ? 'quartier prioritaire' : 'commune comptant un quartier prioritaire';
    const title = `Carte : ${perimetre.nom}, types de dynamiques présents au ${formatDateLong(date)}`;
    const svg = territoryMapSvg(units, qpv, title, qpvLabel);
    if (!svg) return null;
    const unit = level === 'epci' ? 'intercommunalité' : 'commune';
    return {
      svg,
      legende: `Chaque ${unit} est colorée selon le nombre de types de dynamiques (hors PTSM et DAC) qui la couvrent au ${formatDateLong(date)}${qpv.length > 0 ? ` ; trait orange : ${qpvLabel}` : ''}.`,
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
    if (format === 'html') return Promise.resolve(Buffer.from(renderHtml(doc, this.identity), 'utf8'));
    return this.pdf.render(renderHtml(doc, this.identity, true), reportFooterText(doc));
  }
}

type WideAnalyses = Pick<
  EtatDesLieuxInput,
  'comptages' | 'declares' | 'configurations' | 'couvertureParDepartement' | 'couvertureTotale'
>;
