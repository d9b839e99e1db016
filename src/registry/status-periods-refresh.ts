import type { DynamicInput } from '../domain/registry/schemas.ts';
import { type StatusPeriod, statusTimeline } from '../domain/registry/timeline.ts';
import type { SeedLedger } from '../kernel/seeds/seed-ledger.ts';
import { recordedDay } from './registry.presenter.ts';
import type { StatusPeriodsRepository } from './status-periods.repository.ts';

/**
 * Version of the rules that turn a record into status periods (domain/registry/timeline.ts). Raise it
 * when they change: the next start recomputes the periods stored by earlier versions.
 */
export const STATUS_RULES_VERSION = 'statuts datés 3 (observation, inconnu, échue, sans statut saisi)';
const LEDGER_NAME = 'registre_periodes_statut';

function samePeriods(a: StatusPeriod[], b: StatusPeriod[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.statut === b[i]?.statut && p.debut === b[i]?.debut && p.fin === b[i]?.fin)
  );
}

/**
 * Periods are derived data: when the rules moved since they were written, each record's periods are
 * computed again from its document and rewritten where they differ. Returns how many records changed.
 */
export async function refreshStatusPeriods(
  repo: StatusPeriodsRepository,
  ledger: SeedLedger,
): Promise<number> {
  if ((await ledger.loadedVintage(LEDGER_NAME)) === STATUS_RULES_VERSION) return 0;
  const records = await repo.all();
  const changes: { id: string; periods: StatusPeriod[] }[] = [];
  for (const r of records) {
    const periods = statusTimeline(r.document as DynamicInput, recordedDay({ cree_le: r.creeLe }));
    if (!samePeriods(periods, r.periods)) changes.push({ id: r.id, periods });
  }
  await repo.replace(changes);
  await ledger.recordNow({
    name: LEDGER_NAME,
    vintage: STATUS_RULES_VERSION,
    source: 'src/domain/registry/timeline.ts',
    rowCount: records.length,
  });
  return changes.length;
}
