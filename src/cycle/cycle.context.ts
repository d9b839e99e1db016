import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { HistoryRepository } from '../kernel/history/history.repository.ts';
import { CycleRepository } from './cycle.repository.ts';
import { ProjectCycleService } from './project-cycle.service.ts';
import { type DynamicWriteCheck, SelfAssessmentService } from './self-assessment.service.ts';

export interface CycleServices {
  assessments: SelfAssessmentService;
  cycles: ProjectCycleService;
}

/** Self-assessments and project cycles of dynamics; who may write follows the registry's scope. */
export function createCycleServices(
  db: Kysely<DB>,
  deps: { history: HistoryRepository; mayWrite: DynamicWriteCheck; today: () => string },
): CycleServices {
  const repo = new CycleRepository(db);
  return {
    assessments: new SelfAssessmentService(repo, deps.history, deps.mayWrite, deps.today),
    cycles: new ProjectCycleService(repo, deps.history, deps.mayWrite),
  };
}
