import type { Actor } from '../domain/actor.ts';
import { coordinatedCare } from '../domain/analytics/coordinated-care.ts';
import type {
  CoordinatedCareQuery,
  CoordinatedCareResult,
} from '../domain/analytics/coordinated-care-schemas.ts';
import type { CommuneInfo } from '../domain/analytics/model.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import type { SnapshotCache } from './snapshot.ts';

/**
 * MSP and centres de santé per inhabitant, CPTS with a known perimeter or a seat only, and CLS articulated
 * with a CPTS, per territory: the questions the national FINESS lists let the registry answer.
 */
export class CoordinatedCareService {
  constructor(
    private readonly snapshots: SnapshotCache,
    private readonly today: () => string = todayIso,
  ) {}

  async figures(_actor: Actor, q: CoordinatedCareQuery): Promise<CoordinatedCareResult> {
    const s = await this.snapshots.get();
    const date = q.date ?? this.today();
    const communes = s.communesWhere(q);
    const near = (group: CommuneInfo[]) => s.touchingOrSeated(group.map((c) => c.code));
    const groups = new Map<string, CommuneInfo[]>();
    for (const c of communes) {
      const key = c[q.niveau];
      if (!key) continue;
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    }
    const items = [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, group]) => ({
        territoire: { type: q.niveau, code, nom: s.nameOf(q.niveau, code) },
        ...coordinatedCare(group, near(group), date),
      }));
    return {
      date,
      niveau: q.niveau,
      ensemble: coordinatedCare(communes, near(communes), date),
      total: items.length,
      items,
    };
  }
}
