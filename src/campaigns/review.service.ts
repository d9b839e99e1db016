import type { Actor } from '../domain/actor.ts';
import { actorLabel } from '../domain/actor.ts';
import {
  applyProposal,
  changedFields,
  diffProposal,
  newDynamicRecord,
  type RecordView,
} from '../domain/campaigns/proposal-diff.ts';
import type { ProposalDetail, ProposalSummary } from '../domain/campaigns/responses.ts';
import type {
  NewDynamicAnswer,
  ProposalListQuery,
  ProposedFields,
  ReviewInput,
} from '../domain/campaigns/schemas.ts';
import {
  CAMPAIGN_FIELD_LABELS,
  CAMPAIGN_HISTORY_SOURCE,
  type CampaignField,
} from '../domain/campaigns/vocabulary.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { DynamicInput } from '../domain/registry/schemas.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import type { RegistryService } from '../registry/registry.service.ts';
import { docOf } from './campaign.presenter.ts';
import type { CampaignRepository, ScopedDynamic } from './campaign.repository.ts';
import type { CampaignService } from './campaign.service.ts';
import { assertMayRunCampaign } from './campaign-scope.ts';
import type { ProposalRepository, ProposalWithRecipient } from './proposal.repository.ts';

const recordedOn = (d: ScopedDynamic) => d.cree_le.toISOString().slice(0, 10);

function summary(p: ProposalWithRecipient): ProposalSummary {
  return {
    id: p.id,
    nature: p.nature as ProposalSummary['nature'],
    decision: p.decision as ProposalSummary['decision'],
    etat: p.etat as ProposalSummary['etat'],
    destinataire: { email: p.email, nom: p.destinataire_nom },
    dynamique: { id: p.dynamique, nom: p.nom, type: p.type },
    departements: p.departements,
    soumisLe: p.soumis_le.toISOString(),
    changements: p.changements,
    examinePar: p.examine_par,
    examineLe: p.examine_le?.toISOString() ?? null,
  };
}

/** Reviewers' side: proposals compared with the registry field by field, then merged or rejected. */
export class ReviewService {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly repo: CampaignRepository,
    private readonly proposals: ProposalRepository,
    private readonly registry: RegistryService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, id: string, q: ProposalListQuery) {
    await this.campaigns.require(actor, id);
    const { total, rows } = await this.proposals.page(id, q);
    return { total, page: q.page, resultats: rows.map(summary) };
  }

  async detail(actor: Actor, id: string, proposalId: string): Promise<ProposalDetail> {
    const campaign = await this.campaigns.require(actor, id);
    const p = await this.proposals.find(id, proposalId);
    if (!p) throw notFound(`Aucune réponse « ${proposalId} » dans cette campagne`);
    const today = todayIso(this.clock());
    const answer = (await this.proposals.answerOf(p.destinataire)) as {
      questions?: Record<string, unknown>;
    } | null;
    const questions = answer?.questions ?? {};
    const common = {
      ...summary(p),
      commentaire: p.commentaire,
      arret: p.arret,
      acceptes: p.champs_acceptes,
      questions,
      versionBase: p.base_version,
    };
    if (p.nature === 'nouvelle') {
      const n = p.proposee as NewDynamicAnswer;
      const champs = (['nom', 'statut', 'porteur', 'perimetre', 'contacts'] as CampaignField[]).map(
        (champ) => ({
          champ,
          libelle: CAMPAIGN_FIELD_LABELS[champ],
          base: null,
          propose: (n as unknown as Record<string, unknown>)[champ] ?? null,
          registre: null,
          modifie: true,
          registreModifie: false,
        }),
      );
      return { ...common, champs, versionRegistre: null, registreModifie: false };
    }
    const current = p.dynamique ? (await this.repo.dynamicsByIds([p.dynamique]))[0] : undefined;
    const nowView: RecordView | null = current
      ? { doc: current.document as DynamicInput, recordedOn: recordedOn(current) }
      : null;
    const baseView: RecordView = { doc: p.base as DynamicInput, recordedOn: nowView?.recordedOn ?? today };
    const diff = diffProposal(
      docOf(campaign).champs,
      baseView,
      nowView ?? baseView,
      p.proposee as ProposedFields,
      today,
    );
    return {
      ...common,
      champs: diff,
      versionRegistre: current?.version ?? null,
      registreModifie: current !== undefined && current.version !== p.base_version,
    };
  }

  /**
   * Merges the accepted fields into the registry record as it stands now (history source `campagne`,
   * verification dated today by the campaign), or rejects the proposal. A proposal is decided once;
   * the record must not have changed since the reviewer's comparison (`versionRegistre`).
   */
  async review(actor: Actor, id: string, proposalId: string, input: ReviewInput): Promise<ProposalDetail> {
    const campaign = await this.campaigns.require(actor, id);
    const doc = docOf(campaign);
    assertMayRunCampaign(actor, { region: doc.region, departementRegions: doc.regionsDepartements });
    const p = await this.proposals.find(id, proposalId);
    if (!p) throw notFound(`Aucune réponse « ${proposalId} » dans cette campagne`);
    const notAsked = input.acceptes.filter((f) => !doc.champs.includes(f));
    if (notAsked.length > 0) {
      throw invalid(`Champs non demandés par cette campagne : ${notAsked.join(', ')}`, {
        acceptes: notAsked.join(', '),
      });
    }
    const at = this.clock();
    const label = `campagne « ${campaign.nom} »`;
    const ctx = { label, today: todayIso(at), recordedOn: todayIso(at) };
    const par = actorLabel(actor);

    if (input.decision === 'rejeter' || p.nature === 'nouvelle') {
      await this.repo.transaction(async (trx) => {
        if ((await this.proposals.lock(trx, p.id)) !== 'a_examiner') throw alreadyDecided();
        let created: string | undefined;
        if (input.decision === 'fusionner') {
          created = crypto.randomUUID();
          const record = newDynamicRecord(p.proposee as NewDynamicAnswer, ctx);
          await this.registry.create(actor, record, { trx, id: created, source: CAMPAIGN_HISTORY_SOURCE });
        }
        await this.proposals.decide(trx, p.id, {
          etat: input.decision === 'fusionner' ? 'fusionnee' : 'rejetee',
          acceptes:
            input.decision === 'fusionner' ? ['nom', 'statut', 'porteur', 'perimetre', 'contacts'] : [],
          par,
          at,
          ...(created ? { dynamique: created } : {}),
        });
      });
      return this.detail(actor, id, proposalId);
    }

    const current = p.dynamique ? (await this.repo.dynamicsByIds([p.dynamique]))[0] : undefined;
    if (!current)
      throw conflict('La dynamique a été supprimée du registre depuis la réponse : rien à fusionner');
    if (input.versionRegistre && input.versionRegistre !== current.version) {
      throw conflict(
        `La fiche a changé depuis votre comparaison (version ${input.versionRegistre} affichée, ${current.version} enregistrée) : rechargez-la`,
      );
    }
    const baseView = { doc: p.base as DynamicInput, recordedOn: recordedOn(current) };
    const nowView = { doc: current.document as DynamicInput, recordedOn: recordedOn(current) };
    const changed = changedFields(
      diffProposal(doc.champs, baseView, nowView, p.proposee as ProposedFields, ctx.today),
    );
    const accepted = input.acceptes.filter((f) => changed.includes(f));
    const next = applyProposal(nowView.doc, p.proposee as ProposedFields, accepted, {
      ...ctx,
      recordedOn: recordedOn(current),
    });
    // Claimed first, so that a second reviewer cannot merge the same proposal; released if the write fails.
    await this.repo.transaction(async (trx) => {
      if ((await this.proposals.lock(trx, p.id)) !== 'a_examiner') throw alreadyDecided();
      await this.proposals.decide(trx, p.id, { etat: 'fusionnee', acceptes: accepted, par, at });
    });
    try {
      await this.registry.update(actor, current.id, next, current.version, {
        source: CAMPAIGN_HISTORY_SOURCE,
      });
    } catch (e) {
      await this.repo.transaction((trx) => this.proposals.reopen(trx, p.id));
      throw e;
    }
    return this.detail(actor, id, proposalId);
  }
}

const alreadyDecided = () => conflict('Cette réponse a déjà été examinée');
