import { randomUUID } from 'node:crypto';
import { type Actor, actorLabel } from '../domain/actor.ts';
import { assertPermission } from '../domain/auth/permission.ts';
import { distributionOf } from '../domain/cycle/distribution.ts';
import type { SelfAssessment, SelfAssessmentDistribution } from '../domain/cycle/responses.ts';
import type { DistributionQuery, SelfAssessmentInput } from '../domain/cycle/schemas.ts';
import { invalid, notFound } from '../domain/errors.ts';
import type { HistoryRepository } from '../kernel/history/history.repository.ts';
import type { CycleRepository, SelfAssessmentRow } from './cycle.repository.ts';

/** Who may write for a dynamic: the registry's own scope rule (coordinators, regional teams). */
export type DynamicWriteCheck = (actor: Actor, dynamique: string) => Promise<void>;

export const SELF_ASSESSMENT_ENTITY = 'auto_evaluation';

function present(r: SelfAssessmentRow): SelfAssessment {
  return {
    id: r.id,
    dynamique: r.dynamique,
    date: r.date,
    criteres: r.criteres as SelfAssessment['criteres'],
    commentaire: r.commentaire,
    auteur: r.auteur,
    creeLe: r.cree_le.toISOString(),
  };
}

/**
 * Self-assessments of dynamics against the seven criteria: each one kept, newest first; the region's
 * picture counts only the latest of each dynamic.
 */
export class SelfAssessmentService {
  constructor(
    private readonly repo: CycleRepository,
    private readonly history: HistoryRepository,
    private readonly mayWrite: DynamicWriteCheck,
    private readonly today: () => string,
  ) {}

  async list(_actor: Actor, dynamique: string) {
    await this.requireDynamic(dynamique);
    const items = (await this.repo.assessmentsOf(dynamique)).map(present);
    return { total: items.length, items };
  }

  async create(actor: Actor, dynamique: string, input: SelfAssessmentInput): Promise<SelfAssessment> {
    assertPermission(actor, 'registre');
    await this.requireDynamic(dynamique);
    if (input.date > this.today()) {
      throw invalid('date : une auto-évaluation ne peut pas être datée dans le futur', {
        date: 'date future',
      });
    }
    await this.mayWrite(actor, dynamique);
    const row = await this.repo.transaction(async (trx) => {
      const written = await this.repo.insertAssessment(trx, {
        id: randomUUID(),
        dynamique,
        date: input.date,
        criteres: input.criteres,
        commentaire: input.commentaire,
        auteur: actorLabel(actor),
      });
      await this.history.record(trx, {
        entite: SELF_ASSESSMENT_ENTITY,
        entiteId: written.id,
        action: 'creation',
        auteur: actorLabel(actor),
        lot: null,
        avant: null,
        apres: { id: written.id, version: 1, dynamique, ...input },
      });
      return written;
    });
    return present(row);
  }

  /** The latest assessment of each dynamic given, for documents that show them (a dossier for elected teams). */
  async latestSelfAssessments(dynamiques: string[]): Promise<Map<string, SelfAssessment>> {
    const rows = await this.repo.latestAssessments(dynamiques);
    return new Map(rows.map((r) => [r.dynamique, present(r)]));
  }

  async distribution(_actor: Actor, query: DistributionQuery): Promise<SelfAssessmentDistribution> {
    const ids = await this.repo.dynamicsIn(query);
    // Without a territory every dynamic counts: no need to name them all in the query.
    const scoped = Boolean(query.region || query.departement);
    const latest = await this.repo.latestAssessments(scoped ? ids : null);
    return distributionOf(
      ids.length,
      latest.map((r) => r.criteres as Record<string, { niveau: number }>),
    );
  }

  private async requireDynamic(id: string) {
    const found = await this.repo.dynamic(id);
    if (!found) throw notFound(`Aucune dynamique avec l’identifiant « ${id} »`);
    return found;
  }
}
