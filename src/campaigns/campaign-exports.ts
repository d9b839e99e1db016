import type { Actor } from '../domain/actor.ts';
import {
  ANSWER_DECISION_LABELS,
  PROPOSAL_STATE_LABELS,
  type ProposalState,
} from '../domain/campaigns/vocabulary.ts';
import { CSV, XLSX } from '../domain/kernel/responses.ts';
import { type CellValue, toFrenchCsv } from '../kernel/tabular/write-csv.ts';
import { toXlsx } from '../kernel/tabular/write-xlsx.ts';
import { docOf } from './campaign.presenter.ts';
import type { CampaignService } from './campaign.service.ts';
import type { ProposalRepository } from './proposal.repository.ts';
import type { RecipientRepository } from './recipient.repository.ts';

const answerCell = (v: unknown): CellValue => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'number' ? v : String(v);
};

/**
 * Every submitted answer, one line per dynamic answered (or declared), with the campaign's questions
 * as columns. Cells go through the tabular kernel, which neutralises spreadsheet formulas.
 */
export class CampaignExports {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly recipients: RecipientRepository,
    private readonly proposals: ProposalRepository,
  ) {}

  async export(actor: Actor, id: string, format: 'csv' | 'xlsx') {
    const campaign = await this.campaigns.require(actor, id);
    const questions = docOf(campaign).questions;
    const [rows, recipients] = await Promise.all([this.proposals.all(id), this.recipients.recipients(id)]);
    const answers = new Map(
      recipients.map((r) => [
        r.id,
        (r.reponse as { questions?: Record<string, unknown> } | null)?.questions ?? {},
      ]),
    );
    const header = [
      'destinataire',
      'email',
      'dynamique',
      'type',
      'nom',
      'departements',
      'reponse',
      'champsModifies',
      'dateArret',
      'commentaire',
      'etat',
      'examinePar',
      'examineLe',
      'soumisLe',
      ...questions.map((q) => q.libelle),
    ];
    const body = rows.map((p) => [
      p.destinataire_nom ?? '',
      p.email,
      p.dynamique ?? '',
      p.type,
      p.nom,
      p.departements.join(', '),
      ANSWER_DECISION_LABELS[p.decision as keyof typeof ANSWER_DECISION_LABELS] ?? p.decision,
      p.changements,
      p.arret ?? '',
      p.commentaire ?? '',
      PROPOSAL_STATE_LABELS[p.etat as ProposalState] ?? p.etat,
      p.examine_par ?? '',
      p.examine_le?.toISOString().slice(0, 10) ?? '',
      p.soumis_le.toISOString().slice(0, 10),
      ...questions.map((q) => answerCell(answers.get(p.destinataire)?.[q.id])),
    ]);
    const base = `campagne-${id.slice(0, 8)}`;
    if (format === 'csv') {
      return {
        contentType: `${CSV}; charset=utf-8`,
        filename: `${base}.csv`,
        body: toFrenchCsv(header, body),
      };
    }
    return {
      contentType: XLSX,
      filename: `${base}.xlsx`,
      body: await toXlsx([{ name: 'Réponses', header, rows: body }]),
    };
  }
}
