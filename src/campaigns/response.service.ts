import { randomUUID } from 'node:crypto';
import { checkAnswer } from '../domain/campaigns/answer-check.ts';
import { changedFields, diffProposal, type RecordView } from '../domain/campaigns/proposal-diff.ts';
import type { RecipientForm } from '../domain/campaigns/responses.ts';
import type { AnswerInput, DynamicAnswer, ProposedFields } from '../domain/campaigns/schemas.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { DynamicInput } from '../domain/registry/schemas.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import { docOf } from './campaign.presenter.ts';
import type { CampaignRepository, ScopedDynamic } from './campaign.repository.ts';
import { describe, hashToken } from './campaign.service.ts';
import type { NewProposal, ProposalRepository } from './proposal.repository.ts';
import type { RecipientRepository, RecipientRow } from './recipient.repository.ts';

/** What the form showed when first opened: each record and its version, to detect later changes. */
export type FormBase = Record<string, { version: number; document: DynamicInput; recordedOn: string }>;

const UNKNOWN_LINK = 'Lien inconnu ou expiré : utilisez le dernier message reçu, ou demandez un nouveau lien';

const recordedOn = (d: ScopedDynamic) => d.cree_le.toISOString().slice(0, 10);

/** The fields a recipient changes, with a declared stop written as the status it implies. */
export function proposedOf(a: DynamicAnswer): ProposedFields {
  if (a.decision === 'arretee' && a.arret)
    return { ...a.proposition, statut: { valeur: 'arrete', date: a.arret } };
  if (a.decision === 'confirmee') return {};
  return a.proposition;
}

/**
 * The recipient's side, reached with a personal link and no account. Every failure to recognise the
 * link (wrong, expired, replaced by a reminder) answers the same 404, so that nothing is learnt from it.
 */
export class ResponseService {
  constructor(
    private readonly repo: CampaignRepository,
    private readonly recipients: RecipientRepository,
    private readonly proposalRepo: ProposalRepository,
    private readonly organisme: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private async recipient(token: string): Promise<RecipientRow> {
    const r = await this.recipients.recipientByToken(hashToken(token));
    if (!r || !r.expire_le || r.expire_le.getTime() < this.clock().getTime()) throw notFound(UNKNOWN_LINK);
    return r;
  }

  async form(token: string): Promise<RecipientForm> {
    const r = await this.recipient(token);
    const campaign = await this.repo.findCampaign(r.campagne);
    if (!campaign) throw notFound(UNKNOWN_LINK);
    const doc = docOf(campaign);
    const dynamics = await this.repo.dynamicsByIds(r.dynamiques);
    if (!r.ouvert_le) {
      const base: FormBase = Object.fromEntries(
        dynamics.map((d) => [
          d.id,
          { version: d.version, document: d.document as DynamicInput, recordedOn: recordedOn(d) },
        ]),
      );
      await this.recipients.markOpened(r.id, base, this.clock());
    }
    const names = await this.repo.departementNames([...new Set(dynamics.flatMap((d) => d.departements))]);
    const reviewed = await this.proposalRepo.reviewedCount(r.id);
    return {
      campagne: {
        nom: campaign.nom,
        message: doc.message,
        ouverture: doc.ouverture,
        cloture: doc.cloture,
        types: doc.types,
        champs: doc.champs,
        questions: doc.questions,
        organisme: this.organisme,
      },
      destinataire: { nom: r.nom, email: r.email },
      dynamiques: dynamics.map((d) => ({
        id: d.id,
        type: d.type,
        version: d.version,
        territoires: d.departements.map((c) => `${names.get(c) ?? c} (${c})`).join(', '),
        fiche: d.document as Record<string, unknown>,
      })),
      reponse: (r.reponse as Record<string, unknown> | null) ?? null,
      enregistreLe: r.enregistre_le?.toISOString() ?? null,
      soumisLe: r.soumis_le?.toISOString() ?? null,
      modifiable: reviewed === 0,
    };
  }

  /**
   * Saves the answer as it stands; with `soumettre`, checks it is complete and turns it into one
   * proposal per dynamic (and per new dynamic) for the team to review. Re-submitting before the
   * review replaces the earlier proposals; once the team has decided on any, the answer is frozen.
   */
  async save(token: string, input: AnswerInput): Promise<{ enregistreLe: string; soumisLe: string | null }> {
    const r = await this.recipient(token);
    const campaign = await this.repo.findCampaign(r.campagne);
    if (!campaign) throw notFound(UNKNOWN_LINK);
    if ((await this.proposalRepo.reviewedCount(r.id)) > 0) {
      throw conflict('Votre réponse a déjà été examinée par l’équipe : elle ne peut plus être modifiée');
    }
    // Another recipient's dynamic is answered as unknown, like one that does not exist: nothing leaks.
    const foreign = input.dynamiques.find((d) => !r.dynamiques.includes(d.id));
    if (foreign) throw notFound(`Aucune dynamique « ${foreign.id} » dans ce questionnaire`);
    const doc = docOf(campaign);
    const errors = checkAnswer(doc, r.dynamiques, input, input.soumettre);
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
    const at = this.clock();
    const { soumettre, ...answer } = input;
    const proposals = soumettre ? await this.proposals(r, answer, doc.champs, at) : null;
    await this.repo.transaction(async (trx) => {
      await this.proposalRepo.saveAnswer(trx, r.id, answer, at, soumettre);
      if (proposals) await this.proposalRepo.replaceProposals(trx, r.id, proposals);
    });
    return {
      enregistreLe: at.toISOString(),
      soumisLe: soumettre ? at.toISOString() : (r.soumis_le?.toISOString() ?? null),
    };
  }

  private async proposals(
    r: RecipientRow,
    answer: Omit<AnswerInput, 'soumettre'>,
    champs: Parameters<typeof diffProposal>[0],
    at: Date,
  ): Promise<NewProposal[]> {
    const today = todayIso(at);
    const current = new Map(
      (await this.repo.dynamicsByIds(answer.dynamiques.map((d) => d.id))).map((d) => [d.id, d]),
    );
    const base = (r.base ?? {}) as FormBase;
    const out: NewProposal[] = [];
    for (const a of answer.dynamiques) {
      const now = current.get(a.id);
      if (!now) continue; // deleted from the registry since: nothing to propose on
      const nowView: RecordView = { doc: now.document as DynamicInput, recordedOn: recordedOn(now) };
      const seen = base[a.id];
      const baseView: RecordView = seen ? { doc: seen.document, recordedOn: seen.recordedOn } : nowView;
      const proposee = proposedOf(a);
      out.push({
        id: randomUUID(),
        campagne: r.campagne,
        destinataire: r.id,
        dynamique: a.id,
        nature: 'mise_a_jour',
        decision: a.decision,
        type: now.type,
        nom: now.nom,
        departements: now.departements,
        base_version: seen?.version ?? now.version,
        base: baseView.doc,
        proposee,
        commentaire: a.commentaire ?? null,
        arret: a.arret ?? null,
        changements: changedFields(diffProposal(champs, baseView, nowView, proposee, today)).length,
        soumis_le: at,
      });
    }
    for (const n of answer.nouvelles) {
      out.push({
        id: randomUUID(),
        campagne: r.campagne,
        destinataire: r.id,
        dynamique: null,
        nature: 'nouvelle',
        decision: 'nouvelle',
        type: n.type,
        nom: n.nom,
        departements: await this.repo.departementsOf(n.perimetre),
        base_version: null,
        base: null,
        proposee: n,
        commentaire: n.commentaire ?? null,
        arret: null,
        changements: 1,
        soumis_le: at,
      });
    }
    return out;
  }
}
