import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Actor } from '../domain/actor.ts';
import { actorLabel } from '../domain/actor.ts';
import type { CampaignOut, RecipientOut, SendReport } from '../domain/campaigns/responses.ts';
import type { CampaignInput, RecipientInput } from '../domain/campaigns/schemas.ts';
import { CAMPAIGN_TEMPLATES } from '../domain/campaigns/templates.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { DynamicInput } from '../domain/registry/schemas.ts';
import { statusAt, todayIso } from '../domain/registry/timeline.ts';
import type { Mailer } from '../kernel/mail/mailer.ts';
import type { OutboxMessage, OutboxReader } from '../kernel/mail/outbox-reader.ts';
import type { ProgressReporter } from '../kernel/progress.ts';
import { type CampaignDoc, docOf, presentCampaign, stateOf } from './campaign.presenter.ts';
import {
  type CampaignRepository,
  type CampaignRow,
  placesOf,
  type ScopedDynamic,
} from './campaign.repository.ts';
import { invitation, reminder } from './campaign-mail.ts';
import { assertMayRunCampaign, assertMaySeeCampaign } from './campaign-scope.ts';
import type { NewRecipient, RecipientRepository } from './recipient.repository.ts';

export interface CampaignSettings {
  /** Base of the personal links (`ODTS_PUBLIC_URL`). */
  publicUrl: string;
  /** Name of the operator, signing the messages. */
  organisme: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The secret of a personal link: 256 random bits, URL-safe. Only its hash is stored. */
const newToken = () => randomBytes(32).toString('base64url');

const SEND_BATCH = 200;

const recordedOn = (d: ScopedDynamic) => d.cree_le.toISOString().slice(0, 10);

/** Dynamics worth asking about: not stopped on the day the campaign is prepared. */
function running(d: ScopedDynamic, today: string): boolean {
  const s = statusAt(d.document as DynamicInput, today, recordedOn(d));
  return s !== 'arrete';
}

/** One recipient per address, with every dynamic whose record names it as a contact. */
export function recipientsFromContacts(
  dynamics: ScopedDynamic[],
): Map<string, { nom: string | null; ids: string[] }> {
  const byEmail = new Map<string, { nom: string | null; ids: string[] }>();
  for (const d of dynamics) {
    for (const c of (d.document as DynamicInput).contacts ?? []) {
      if (!c.email) continue;
      const key = c.email.trim().toLowerCase();
      const entry = byEmail.get(key) ?? { nom: c.nom || null, ids: [] };
      if (!entry.ids.includes(d.id)) entry.ids.push(d.id);
      byEmail.set(key, entry);
    }
  }
  return byEmail;
}

/** Census campaigns, on the team's side: prepare, send, remind, follow. */
export class CampaignService {
  constructor(
    private readonly repo: CampaignRepository,
    private readonly recipients: RecipientRepository,
    private readonly mailer: Mailer,
    private readonly settings: CampaignSettings,
    private readonly clock: () => Date = () => new Date(),
    private readonly outbox: OutboxReader | null = null,
  ) {}

  /** The last message written for a recipient in the outbox, for the team to read or forward by hand. */
  async message(actor: Actor, id: string, recipient: string): Promise<OutboxMessage> {
    await this.require(actor, id);
    const row = await this.recipients.messageFileOf(id, recipient);
    if (!row) throw notFound(`Aucun destinataire « ${recipient} » dans cette campagne`);
    const message = row.message_fichier ? await this.outbox?.read(row.message_fichier) : null;
    if (!message)
      throw notFound(
        'Aucun message de ce destinataire dans la boîte d’envoi (envoyé par SMTP, ou pas encore envoyé)',
      );
    return message;
  }

  /** Campaigns being sent by this process: a second click must not send everything twice. */
  private readonly sending = new Set<string>();

  private today() {
    return todayIso(this.clock());
  }

  templates() {
    return CAMPAIGN_TEMPLATES;
  }

  /** The campaign, if the actor may see it (404 otherwise). */
  async require(actor: Actor, id: string): Promise<CampaignRow> {
    const row = await this.repo.findCampaign(id);
    if (!row) throw notFound(`Aucune campagne avec l’identifiant « ${id} »`);
    const d = docOf(row);
    assertMaySeeCampaign(actor, id, { region: d.region, departementRegions: d.regionsDepartements });
    return row;
  }

  async create(actor: Actor, input: CampaignInput): Promise<CampaignOut> {
    const places = await placesOf(this.repo.db, input.departements, input.region ?? null);
    const errors: Record<string, string> = {};
    if (input.region && !places.regionExists) errors.region = `région inconnue : ${input.region}`;
    input.departements.forEach((code, i) => {
      if (!places.departements.has(code)) errors[`departements.${i}`] = `département inconnu : ${code}`;
    });
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
    const regionsDepartements = [...new Set(places.departements.values())];
    assertMayRunCampaign(actor, { region: input.region, departementRegions: regionsDepartements });

    const { destinataires, ...rest } = input;
    const doc: CampaignDoc = { ...rest, regionsDepartements };
    const id = randomUUID();
    const recipients = destinataires
      ? await this.handPicked(id, destinataires, 'manuel')
      : await this.fromRegistry(id, doc);
    await this.repo.transaction(async (trx) => {
      await this.repo.insertCampaign(trx, { id, nom: input.nom, document: doc, creePar: actorLabel(actor) });
      await this.recipients.insertRecipients(trx, recipients);
    });
    return this.get(actor, id);
  }

  private async fromRegistry(campaign: string, doc: CampaignDoc): Promise<NewRecipient[]> {
    const today = this.today();
    const dynamics = (
      await this.repo.dynamicsInScope({
        types: doc.types,
        region: doc.region ?? null,
        departements: doc.departements,
      })
    ).filter((d) => running(d, today));
    const byId = new Map(dynamics.map((d) => [d.id, d]));
    return [...recipientsFromContacts(dynamics)].map(([email, r]) =>
      this.recipientRow(
        campaign,
        email,
        r.nom,
        r.ids.map((i) => byId.get(i) as ScopedDynamic),
        'registre',
      ),
    );
  }

  private async handPicked(
    campaign: string,
    list: RecipientInput[],
    origine: 'manuel',
  ): Promise<NewRecipient[]> {
    const ids = [...new Set(list.flatMap((r) => r.dynamiques))];
    const found = new Map((await this.repo.dynamicsByIds(ids)).map((d) => [d.id, d]));
    const errors: Record<string, string> = {};
    list.forEach((r, i) => {
      r.dynamiques.forEach((d, j) => {
        if (!found.has(d)) errors[`destinataires.${i}.dynamiques.${j}`] = `aucune dynamique « ${d} »`;
      });
    });
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
    return list.map((r) =>
      this.recipientRow(
        campaign,
        r.email.trim().toLowerCase(),
        r.nom ?? null,
        r.dynamiques.map((d) => found.get(d) as ScopedDynamic),
        origine,
      ),
    );
  }

  private recipientRow(
    campaign: string,
    email: string,
    nom: string | null,
    dynamics: ScopedDynamic[],
    origine: 'registre' | 'manuel',
  ): NewRecipient {
    return {
      id: randomUUID(),
      campagne: campaign,
      email,
      nom,
      origine,
      dynamiques: dynamics.map((d) => d.id),
      types: [...new Set(dynamics.map((d) => d.type))].sort(),
      departements: [...new Set(dynamics.flatMap((d) => d.departements))].sort(),
    };
  }

  /** Adds recipients by hand (or from a file); an address already invited is refused. */
  async addRecipients(actor: Actor, id: string, list: RecipientInput[]): Promise<CampaignOut> {
    const row = await this.require(actor, id);
    assertMayRunCampaign(actor, {
      region: docOf(row).region,
      departementRegions: docOf(row).regionsDepartements,
    });
    if (stateOf(row, this.today()) === 'close')
      throw conflict('La campagne est close : elle n’accepte plus de destinataires');
    const existing = new Set((await this.recipients.recipientStates(id)).map((r) => r.email));
    const errors: Record<string, string> = {};
    const seen = new Set<string>();
    list.forEach((r, i) => {
      const email = r.email.trim().toLowerCase();
      if (existing.has(email)) errors[`destinataires.${i}.email`] = `« ${email} » est déjà destinataire`;
      else if (seen.has(email)) errors[`destinataires.${i}.email`] = `adresse « ${email} » en double`;
      seen.add(email);
    });
    if (Object.keys(errors).length > 0) throw invalid(describe(errors), errors);
    const rows = await this.handPicked(id, list, 'manuel');
    await this.repo.transaction((trx) => this.recipients.insertRecipients(trx, rows));
    return this.get(actor, id);
  }

  async list(actor: Actor) {
    const today = this.today();
    const rows = await this.repo.listCampaigns();
    const visible = rows.filter((r) => {
      try {
        assertMaySeeCampaign(actor, r.id, {
          region: docOf(r).region,
          departementRegions: docOf(r).regionsDepartements,
        });
        return true;
      } catch (e) {
        if (actor.kind === 'anonymous' || (e as { kind?: string }).kind === 'forbidden') throw e;
        return false;
      }
    });
    const resultats = visible.map((r) => {
      const { dynamiquesSansDestinataire: _, ...out } = presentCampaign(r, today, {
        destinataires: r.destinataires,
      });
      return out;
    });
    return { total: resultats.length, resultats };
  }

  async get(actor: Actor, id: string): Promise<CampaignOut> {
    const row = await this.require(actor, id);
    const doc = docOf(row);
    const recipients = await this.recipients.recipientStates(id);
    const covered = new Set(recipients.flatMap((r) => r.dynamiques));
    const today = this.today();
    const inScope = await this.repo.dynamicsInScope({
      types: doc.types,
      region: doc.region ?? null,
      departements: doc.departements,
    });
    const sans = inScope
      .filter((d) => !covered.has(d.id) && running(d, today))
      .map((d) => ({ id: d.id, nom: d.nom, type: d.type }))
      .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
    return presentCampaign(row, today, { destinataires: recipients.length, sans });
  }

  /** Sends the invitation to every recipient not yet invited (a second call sends only to new ones). */
  send(actor: Actor, id: string, progress?: ProgressReporter): Promise<SendReport> {
    return this.mailOut(actor, id, 'envoi', progress);
  }

  /** Reminds the recipients who were invited and have not submitted an answer, and them only. */
  remind(actor: Actor, id: string, progress?: ProgressReporter): Promise<SendReport> {
    return this.mailOut(actor, id, 'relance', progress);
  }

  private async mailOut(actor: Actor, id: string, kind: 'envoi' | 'relance', progress?: ProgressReporter) {
    const row = await this.require(actor, id);
    const doc = docOf(row);
    assertMayRunCampaign(actor, { region: doc.region, departementRegions: doc.regionsDepartements });
    if (stateOf(row, this.today()) === 'close')
      throw conflict('La campagne est close : plus aucun message n’est envoyé');
    if (kind === 'relance' && !row.envoyee_le)
      throw conflict('La campagne n’a pas encore été envoyée : rien à relancer');
    const all = await this.recipients.recipientStates(id);
    const targets = all.filter((r) => (kind === 'envoi' ? !r.envoye_le : r.envoye_le && !r.soumis_le));
    const names = new Map(
      (await this.repo.dynamicsByIds([...new Set(targets.flatMap((r) => r.dynamiques))])).map((d) => [
        d.id,
        d.nom,
      ]),
    );
    const expires = new Date(`${doc.cloture}T23:59:59.999Z`);
    const report: SendReport = { envoyes: 0, deja: all.length - targets.length, echecs: [] };
    const step = kind === 'envoi' ? 'envoi des invitations' : 'envoi des relances';
    if (this.sending.has(id)) throw conflict('Un envoi de cette campagne est déjà en cours');
    this.sending.add(id);
    try {
      // Links are stored by batches as their messages leave: a stop half-way loses no working link.
      for (let i = 0; i < targets.length; i += SEND_BATCH) {
        const sent: { id: string; hash: string; file: string | null }[] = [];
        for (const r of targets.slice(i, i + SEND_BATCH)) {
          const token = newToken();
          const facts = {
            to: r.email,
            nom: r.nom,
            campagne: row.nom,
            message: doc.message,
            cloture: doc.cloture,
            link: `${this.settings.publicUrl.replace(/\/$/, '')}/reponses/${token}`,
            dynamiques: r.dynamiques.map((d) => names.get(d) ?? d),
            organisme: this.settings.organisme,
          };
          try {
            const receipt = await this.mailer.send(kind === 'envoi' ? invitation(facts) : reminder(facts));
            sent.push({
              id: r.id,
              hash: hashToken(token),
              file: receipt.file ? path.basename(receipt.file) : null,
            });
            report.envoyes += 1;
          } catch (e) {
            report.echecs.push({ email: r.email, erreur: e instanceof Error ? e.message : String(e) });
          }
        }
        const at = this.clock();
        await this.repo.transaction(async (trx) => {
          await this.recipients.setTokens(trx, sent, expires, at, kind);
          if (kind === 'envoi' && sent.length > 0) await this.repo.markSent(trx, id, at);
        });
        progress?.({ step, done: Math.min(i + SEND_BATCH, targets.length), total: targets.length });
      }
    } finally {
      this.sending.delete(id);
    }
    return report;
  }
}

export function describe(errors: Record<string, string>): string {
  const parts = Object.entries(errors).map(([f, m]) => `${f} : ${m}`);
  return `Données invalides — ${parts.slice(0, 5).join(' ; ')}${parts.length > 5 ? ` (et ${parts.length - 5} autres)` : ''}`;
}

export type { RecipientOut };
