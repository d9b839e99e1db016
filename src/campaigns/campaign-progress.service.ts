import type { Actor } from '../domain/actor.ts';
import type { CampaignProgress, RecipientOut } from '../domain/campaigns/responses.ts';
import type { RecipientState } from '../domain/campaigns/vocabulary.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import { iso, stateOf } from './campaign.presenter.ts';
import type { CampaignRepository } from './campaign.repository.ts';
import type { CampaignService } from './campaign.service.ts';
import type { ProposalRepository } from './proposal.repository.ts';
import type { RecipientRepository, RecipientRow } from './recipient.repository.ts';

type RecipientStateRow = Omit<RecipientRow, 'reponse' | 'base'>;

export function recipientState(r: RecipientStateRow, reviewed: boolean): RecipientState {
  if (reviewed) return 'examine';
  if (r.soumis_le) return 'repondu';
  if (r.enregistre_le) return 'en_cours';
  if (r.ouvert_le) return 'ouvert';
  return r.envoye_le ? 'envoye' : 'a_envoyer';
}

type Counts = { destinataires: number; envoyes: number; ouverts: number; repondus: number; examines: number };
function slot(map: Map<string, Counts>, key: string): Counts {
  let c = map.get(key);
  if (!c) {
    c = zero();
    map.set(key, c);
  }
  return c;
}

const zero = (): Counts => ({ destinataires: 0, envoyes: 0, ouverts: 0, repondus: 0, examines: 0 });

function add(c: Counts, r: RecipientStateRow, reviewed: boolean) {
  c.destinataires += 1;
  if (r.envoye_le) c.envoyes += 1;
  if (r.ouvert_le) c.ouverts += 1;
  if (r.soumis_le) c.repondus += 1;
  if (reviewed) c.examines += 1;
}

/** The dashboard of a campaign: who was sent, opened, answered, reviewed; by département and kind. */
export class CampaignProgressService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly repo: CampaignRepository,
    private readonly recipientRepo: RecipientRepository,
    private readonly proposals: ProposalRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async progress(actor: Actor, id: string): Promise<CampaignProgress> {
    const row = await this.campaigns.require(actor, id);
    const [recipients, reviewed, states] = await Promise.all([
      this.recipientRepo.recipientStates(id),
      this.proposals.reviewedRecipients(id),
      this.proposals.countsByState(id),
    ]);
    const total = zero();
    const byDep = new Map<string, Counts>();
    const byKind = new Map<string, Counts>();
    let enCours = 0;
    let relances = 0;
    for (const r of recipients) {
      const done = reviewed.has(r.id);
      add(total, r, done);
      if (r.enregistre_le && !r.soumis_le) enCours += 1;
      relances += r.relances;
      for (const d of r.departements) add(slot(byDep, d), r, done);
      for (const k of r.types) add(slot(byKind, k), r, done);
    }
    const names = await this.repo.departementNames([...byDep.keys()]);
    return {
      campagne: id,
      etat: stateOf(row, todayIso(this.clock())),
      ...total,
      enCours,
      relances,
      propositions: {
        a_examiner: states.a_examiner ?? 0,
        fusionnee: states.fusionnee ?? 0,
        rejetee: states.rejetee ?? 0,
      },
      parDepartement: [...byDep]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([departement, c]) => ({ departement, nom: names.get(departement) ?? departement, ...c })),
      parType: [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([type, c]) => ({ type, ...c })),
    };
  }

  async recipients(
    actor: Actor,
    id: string,
    q: { etat?: RecipientState | undefined; page: number; parPage: number },
  ): Promise<{ total: number; page: number; resultats: RecipientOut[] }> {
    await this.campaigns.require(actor, id);
    const [rows, reviewed] = await Promise.all([
      this.recipientRepo.recipientStates(id),
      this.proposals.reviewedRecipients(id),
    ]);
    const withState = rows.map((r) => ({ r, etat: recipientState(r, reviewed.has(r.id)) }));
    const kept = q.etat ? withState.filter((x) => x.etat === q.etat) : withState;
    const page = kept.slice((q.page - 1) * q.parPage, q.page * q.parPage);
    const names = new Map(
      (await this.repo.dynamicsByIds([...new Set(page.flatMap((x) => x.r.dynamiques))])).map((d) => [
        d.id,
        d,
      ]),
    );
    return {
      total: kept.length,
      page: q.page,
      resultats: page.map(({ r, etat }) => ({
        id: r.id,
        email: r.email,
        nom: r.nom,
        origine: r.origine as RecipientOut['origine'],
        dynamiques: r.dynamiques.map((d) => ({
          id: d,
          nom: names.get(d)?.nom ?? d,
          type: names.get(d)?.type ?? '',
        })),
        etat,
        envoyeLe: iso(r.envoye_le),
        ouvertLe: iso(r.ouvert_le),
        soumisLe: iso(r.soumis_le),
        relances: r.relances,
      })),
    };
  }
}
