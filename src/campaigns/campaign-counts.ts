import type { Actor } from '../domain/actor.ts';
import type { DeclaredCount } from '../domain/registry/declared-counts.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import type { DeclaredCountService } from '../registry/declared-counts.service.ts';
import { docOf } from './campaign.presenter.ts';
import { type CampaignRepository, placesOf } from './campaign.repository.ts';
import type { CampaignService } from './campaign.service.ts';
import { assertMayRunCampaign } from './campaign-scope.ts';
import type { ProposalRepository } from './proposal.repository.ts';

/**
 * What a campaign establishes, as declared counts: per département and kind, the dynamics its
 * respondents confirmed or corrected as running, plus the new ones accepted, once merged. Stored under
 * the campaign's name as source, dated the day they are recorded; recording again replaces them.
 */
export class CampaignCounts {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly repo: CampaignRepository,
    private readonly proposals: ProposalRepository,
    private readonly counts: DeclaredCountService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async record(
    actor: Actor,
    id: string,
  ): Promise<{ source: string; date: string; decomptes: DeclaredCount[] }> {
    const campaign = await this.campaigns.require(actor, id);
    const doc = docOf(campaign);
    assertMayRunCampaign(actor, { region: doc.region, departementRegions: doc.regionsDepartements });
    const merged = (await this.proposals.all(id)).filter(
      (p) => p.etat === 'fusionnee' && p.decision !== 'arretee',
    );
    const byKey = new Map<string, Set<string>>();
    for (const p of merged) {
      for (const dep of p.departements) {
        const key = `${dep}|${p.type}`;
        const set = byKey.get(key) ?? new Set<string>();
        set.add(p.dynamique ?? p.id);
        byKey.set(key, set);
      }
    }
    const deps = [...new Set([...byKey.keys()].map((k) => k.split('|')[0] as string))];
    const places = await placesOf(this.repo.db, deps, null);
    const source = `Campagne de recensement « ${campaign.nom} »`;
    const date = todayIso(this.clock());
    const decomptes: DeclaredCount[] = [...byKey]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([key, ids]) => {
        const [departement, type] = key.split('|') as [string, DeclaredCount['type']];
        const region = places.departements.get(departement);
        if (!region) return [];
        return [
          {
            region,
            departement,
            type,
            nombre: ids.size,
            date,
            source,
            note: 'Dynamiques confirmées ou corrigées comme en cours par les répondants, et nouvelles acceptées',
          },
        ];
      });
    await this.counts.replaceSource(source, decomptes);
    return { source, date, decomptes };
  }
}
