import { type Actor, actorLabel } from '../domain/actor.ts';
import { assertPermission } from '../domain/auth/permission.ts';
import type { ProjectCycle } from '../domain/cycle/responses.ts';
import type { ProjectCycleInput } from '../domain/cycle/schemas.ts';
import { defaultModel, templateSteps } from '../domain/cycle/templates.ts';
import { AppError, invalid, notFound } from '../domain/errors.ts';
import type { HistoryRepository } from '../kernel/history/history.repository.ts';
import type { CycleRepository } from './cycle.repository.ts';
import type { DynamicWriteCheck } from './self-assessment.service.ts';

export const CYCLE_ENTITY = 'cycle_projet';

/**
 * The project cycle of a dynamic. Before anyone writes it, its kind's template is answered at version 0;
 * the first write sends If-Match "0", every later one the version it read (412 otherwise).
 */
export class ProjectCycleService {
  constructor(
    private readonly repo: CycleRepository,
    private readonly history: HistoryRepository,
    private readonly mayWrite: DynamicWriteCheck,
  ) {}

  async get(_actor: Actor, dynamique: string): Promise<ProjectCycle> {
    const found = await this.repo.dynamic(dynamique);
    if (!found) throw notFound(`Aucune dynamique avec l’identifiant « ${dynamique} »`);
    const row = await this.repo.cycle(dynamique);
    if (!row) {
      const modele = defaultModel(found.type);
      return { dynamique, modele, etapes: templateSteps(modele), version: 0, modifieLe: null };
    }
    const doc = row.document as ProjectCycleInput;
    return {
      dynamique,
      modele: doc.modele,
      etapes: doc.etapes,
      version: row.version,
      modifieLe: row.modifie_le.toISOString(),
    };
  }

  async put(
    actor: Actor,
    dynamique: string,
    input: ProjectCycleInput,
    expected: number,
  ): Promise<ProjectCycle> {
    assertPermission(actor, 'registre');
    const before = await this.get(actor, dynamique);
    if (before.version !== expected) {
      throw new AppError(
        'precondition_failed',
        `Le cycle de projet a été modifié entre-temps (version actuelle ${before.version}) : rechargez-le avant d’enregistrer`,
      );
    }
    await this.checkReferences(input);
    await this.mayWrite(actor, dynamique);
    await this.repo.transaction(async (trx) => {
      if (!(await this.repo.writeCycle(trx, dynamique, input, expected))) {
        const now = await this.repo.cycle(dynamique, trx);
        throw new AppError(
          'precondition_failed',
          `Le cycle de projet a été modifié entre-temps (version actuelle ${now?.version ?? 0}) : rechargez-le avant d’enregistrer`,
        );
      }
      await this.history.record(trx, {
        entite: CYCLE_ENTITY,
        entiteId: dynamique,
        action: expected === 0 ? 'creation' : 'modification',
        auteur: actorLabel(actor),
        lot: null,
        avant: expected === 0 ? null : { version: expected, modele: before.modele, etapes: before.etapes },
        apres: { version: expected + 1, ...input },
      });
    });
    return this.get(actor, dynamique);
  }

  /** Linked actions and notices must exist; each unknown one is named with its place. */
  private async checkReferences(input: ProjectCycleInput) {
    const actions = input.etapes.flatMap((s) => s.actions);
    const notices = input.etapes.flatMap((s) => (s.document?.notice ? [s.document.notice] : []));
    const known = await this.repo.existing([...new Set(actions)], [...new Set(notices)]);
    const champs: Record<string, string> = {};
    input.etapes.forEach((s, i) => {
      s.actions.forEach((a, j) => {
        if (!known.actions.has(a)) champs[`etapes.${i}.actions.${j}`] = `action inconnue : ${a}`;
      });
      const notice = s.document?.notice;
      if (notice && !known.notices.has(notice))
        champs[`etapes.${i}.document.notice`] = `notice inconnue : ${notice}`;
    });
    const first = Object.entries(champs)[0];
    if (first) throw invalid(`${first[0]} : ${first[1]}`, champs);
  }
}
