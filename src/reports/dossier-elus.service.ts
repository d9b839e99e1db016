import type { AnalyticsService, Snapshot } from '../analytics/analytics.service.ts';
import type { Actor } from '../domain/actor.ts';
import { type AnalyticDynamic, periodStatusAt } from '../domain/analytics/model.ts';
import { invalid } from '../domain/errors.ts';
import { type DynamicKind, LIVE_STATUSES } from '../domain/registry/kinds.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import { buildDossierElus, type DossierDynamic, type DossierInput } from '../domain/reports/dossier-elus.ts';
import { dueForRenewal, reportDynamics } from '../domain/reports/dynamics.ts';
import { formatInteger } from '../domain/reports/french.ts';
import { type DossierElusQuery, REPORT_CONTENT_TYPES, reportTerritoryOf } from '../domain/reports/schemas.ts';
import type { QpvSource, RenderedReport, ReportService } from './report.service.ts';
import { resolveReportScope } from './report-scope.ts';

/** What the dossier needs from other modules, given by src/context.ts. */
export interface DossierSources {
  /** The fiches as a visitor sees them: only contacts consented public. */
  fiches(
    ids: string[],
    date: string,
  ): Promise<
    {
      id: string;
      dateDebut: string | null;
      coordination: { intitule: string; etp?: number | null | undefined; vacant: boolean }[];
      contacts: {
        nom: string;
        role?: string | null | undefined;
        email?: string | null | undefined;
        telephone?: string | null | undefined;
      }[];
    }[]
  >;
  /** Latest self-assessment of each dynamic. */
  selfAssessments(
    ids: string[],
  ): Promise<Map<string, { date: string; criteres: Record<string, { niveau: number }> }>>;
  /** Short references of documents for elected officials about these kinds. */
  readings(kinds: DynamicKind[]): Promise<string[]>;
  glossary(): Promise<{ sigle: string; forme: string }[]>;
}

/** Kinds the dossier discusses: the local health devices and coordinated care. */
const FOLLOWED: DynamicKind[] = ['CLS', 'CLSM', 'ASV', 'CPTS', 'MSP', 'CDS'];

const live = (d: AnalyticDynamic, date: string) => {
  const s = periodStatusAt(d.periods, date);
  return s !== null && LIVE_STATUSES.includes(s);
};

/** Territories of the same level in the same département, of comparable population (half to double). */
function comparables(
  s: Snapshot,
  level: 'commune' | 'epci',
  self: { code: string; population: number; departement: string | null },
  kinds: DynamicKind[],
  date: string,
) {
  if (!self.departement) return null;
  const groups = new Map<string, { population: number; communes: string[] }>();
  for (const c of s.communes.values()) {
    if (c.departement !== self.departement) continue;
    const key = level === 'commune' ? c.code : c.epci;
    if (!key || key === self.code) continue;
    const g = groups.get(key) ?? { population: 0, communes: [] };
    g.population += c.population;
    g.communes.push(c.code);
    groups.set(key, g);
  }
  const similar = [...groups.values()].filter(
    (g) => g.population >= self.population / 2 && g.population <= self.population * 2,
  );
  const avec: Partial<Record<DynamicKind, number>> = {};
  for (const g of similar) {
    const present = new Set(
      s
        .touching(g.communes)
        .filter((d) => live(d, date))
        .map((d) => d.type),
    );
    for (const k of kinds) if (present.has(k)) avec[k] = (avec[k] ?? 0) + 1;
  }
  const noun = level === 'commune' ? 'communes' : 'intercommunalités';
  const range = `${formatInteger(Math.round(self.population / 2))} à ${formatInteger(self.population * 2)} habitants`;
  return { libelle: `${noun} du même département comptant de ${range}`, total: similar.length, avec };
}

function coordinationOf(posts: { intitule: string; etp?: number | null | undefined; vacant: boolean }[]) {
  return posts.map((p) => {
    const etp = p.etp ? ` (${p.etp.toLocaleString('fr-FR')} ETP)` : '';
    return `${p.intitule}${etp}${p.vacant ? ', poste vacant' : ''}`;
  });
}

/** The dossier for the elected team of a commune or an intercommunalité (PDF, DOCX, HTML). */
export class DossierElusService {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly reports: ReportService,
    private readonly qpvSource: QpvSource | null,
    private readonly sources: DossierSources,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async render(actor: Actor, query: DossierElusQuery): Promise<RenderedReport> {
    const doc = buildDossierElus(await this.input(actor, query));
    return {
      format: query.format,
      contentType: REPORT_CONTENT_TYPES[query.format],
      filename: `${doc.fichier}.${query.format}`,
      body: await this.reports.renderDocument(doc, query.format),
    };
  }

  async input(_actor: Actor, query: Omit<DossierElusQuery, 'format'>): Promise<DossierInput> {
    const territory = reportTerritoryOf(query);
    if (territory.type !== 'commune' && territory.type !== 'epci') {
      const message = 'une commune ou une intercommunalité est attendue (commune:CODE ou epci:SIREN)';
      throw invalid(`territoire : ${message}`, { territoire: message });
    }
    const now = this.clock();
    const date = query.date ?? todayIso(now);
    const s = await this.analytics.snapshot();
    const scope = resolveReportScope(s, territory);
    const codes = scope.communes.map((c) => c.code);
    const population = scope.communes.reduce((sum, c) => sum + c.population, 0);
    const departementCodes = new Set(scope.departements.map((d) => d.code));
    const found = reportDynamics(
      s.touching(codes),
      (c) => s.communes.get(c)?.departement ?? null,
      departementCodes,
      date,
    ).filter((d) => LIVE_STATUSES.includes(d.statut) || d.statut === 'echue');
    const fiches = new Map(
      (
        await this.sources.fiches(
          found.map((d) => d.id),
          date,
        )
      ).map((f) => [f.id, f]),
    );
    const dynamiques: DossierDynamic[] = found.map((d) => {
      const fiche = fiches.get(d.id);
      const echeance =
        d.statut === 'echue' || (d.dateFin !== null && d.dateFin < date && dueForRenewal(d, date))
          ? 'echue'
          : dueForRenewal(d, date)
            ? 'prochaine'
            : null;
      return {
        id: d.id,
        type: d.type,
        nom: d.nom,
        statut: d.statut,
        porteur: d.porteur,
        coordination: coordinationOf(fiche?.coordination ?? []),
        contacts: (fiche?.contacts ?? []).map((c) =>
          [c.nom, c.role, c.email ?? c.telephone].filter(Boolean).join(', '),
        ),
        dateDebut: fiche?.dateDebut ?? null,
        dateFin: d.dateFin,
        echeance,
      };
    });
    const qpv = await this.qpv(codes);
    const kinds: DynamicKind[] = qpv && qpv.nombre > 0 ? ['CONTRAT_VILLE', ...FOLLOWED] : FOLLOWED;
    const departement = scope.communes[0]?.departement ?? null;
    const assessments = await this.sources.selfAssessments(found.map((d) => d.id));
    const presentKinds = new Set(dynamiques.map((d) => d.type));
    const input: DossierInput = {
      territoire: {
        type: territory.type,
        code: territory.code,
        nom: scope.perimetre.nom,
        population,
        communes: codes.length,
      },
      departement: departement ? `${s.nameOf('departement', departement)} (${departement})` : null,
      date,
      genereLe: now.toISOString(),
      qpv,
      dynamiques,
      typesSuivis: kinds,
      comparables: comparables(
        s,
        territory.type,
        { code: territory.code, population, departement },
        kinds,
        date,
      ),
      autoEvaluations: found.flatMap((d) => {
        const a = assessments.get(d.id);
        if (!a) return [];
        const niveaux = Object.fromEntries(Object.entries(a.criteres).map(([k, v]) => [k, v.niveau]));
        return [{ dynamique: d.nom, date: a.date, niveaux }];
      }),
      // Documents about the kinds present and those missing: what to strengthen and what to start.
      lectures: await this.sources.readings(
        kinds.filter((k) => k !== 'CONTRAT_VILLE' || presentKinds.has(k)),
      ),
      glossaire: await this.sources.glossary(),
      carte: await this.reports.map(
        s,
        { type: territory.type, nom: scope.perimetre.nom },
        scope.communes,
        date,
      ),
    };
    return input;
  }

  private async qpv(codes: string[]) {
    if (!this.qpvSource || !(await this.qpvSource.qpvLoaded())) return null;
    const list = await this.qpvSource.qpvOfCommunes(codes);
    const known = list.filter((q) => q.population !== null);
    return {
      nombre: list.length,
      population: known.length === 0 ? null : known.reduce((sum, q) => sum + (q.population ?? 0), 0),
    };
  }
}
