import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  campaignList,
  campaignOut,
  campaignProgress,
  campaignTemplate,
  proposalDetail,
  proposalPage,
  recipientForm,
  recipientPage,
  sendReport,
} from '../domain/campaigns/responses.ts';
import {
  addRecipientsInput,
  answerInput,
  campaignExportQuery,
  campaignIdParams,
  campaignInput,
  proposalListQuery,
  proposalParams,
  recipientListQuery,
  reviewInput,
  tokenParams,
} from '../domain/campaigns/schemas.ts';
import { outboxMessage } from '../domain/kernel/outbox.ts';
import { CSV, errorResponses, fileResponse, XLSX } from '../domain/kernel/responses.ts';
import { declaredCountItem } from '../domain/registry/declared-counts.ts';
import { z } from '../domain/zod-fr.ts';

const recipientParams = z.object({ id: z.string().min(1).max(64), destinataire: z.string().min(1).max(64) });

const campaignCounts = z.object({
  source: z.string(),
  date: z.string(),
  decomptes: z.array(declaredCountItem),
});

import type { CampaignServices } from './campaigns.context.ts';

const tags = ['Campagnes'];

/** Routes of census campaigns: the team's side under /api/campagnes, the recipients' under /api/reponses. */
export function campaignRoutes(s: CampaignServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/campagnes',
      {
        schema: {
          tags,
          summary: 'Campagnes de recensement visibles',
          response: { 200: campaignList, ...errorResponses(401, 403) },
        },
      },
      async (req) => s.campaigns.list(req.actor),
    );
    app.get(
      '/api/campagnes/modeles',
      {
        schema: {
          tags,
          summary: 'Modèles de campagne (questions de l’enquête 2018, exercice coordonné)',
          response: { 200: z.array(campaignTemplate) },
        },
      },
      async () => [...s.campaigns.templates()],
    );
    app.post(
      '/api/campagnes',
      {
        schema: {
          tags,
          summary: 'Créer une campagne',
          description:
            'Sans `destinataires`, chaque adresse de contact des dynamiques du périmètre (types demandés, non ' +
            'arrêtées) devient un destinataire, avec toutes les dynamiques qui la citent.',
          body: campaignInput,
          response: { 201: campaignOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await s.campaigns.create(req.actor, req.body)),
    );
    app.get(
      '/api/campagnes/:id',
      {
        schema: {
          tags,
          summary: 'Une campagne',
          params: campaignIdParams,
          response: { 200: campaignOut, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => s.campaigns.get(req.actor, req.params.id),
    );
    app.post(
      '/api/campagnes/:id/destinataires',
      {
        schema: {
          tags,
          summary: 'Ajouter des destinataires à la main',
          params: campaignIdParams,
          body: addRecipientsInput,
          response: { 200: campaignOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => s.campaigns.addRecipients(req.actor, req.params.id, req.body.destinataires),
    );
    app.get(
      '/api/campagnes/:id/destinataires',
      {
        schema: {
          tags,
          summary: 'Destinataires et où ils en sont',
          params: campaignIdParams,
          querystring: recipientListQuery,
          response: { 200: recipientPage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => s.progress.recipients(req.actor, req.params.id, req.query),
    );
    app.get(
      '/api/campagnes/:id/destinataires/:destinataire/message',
      {
        schema: {
          tags,
          summary:
            'Dernier message écrit pour ce destinataire dans la boîte d’envoi (à transmettre à la main)',
          params: recipientParams,
          response: { 200: outboxMessage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await s.campaigns.message(req.actor, req.params.id, req.params.destinataire)),
    );
    app.post(
      '/api/campagnes/:id/envoyer',
      {
        schema: {
          tags,
          summary: 'Envoyer les invitations aux destinataires qui ne l’ont pas encore reçue',
          params: campaignIdParams,
          response: { 200: sendReport, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (req) => s.campaigns.send(req.actor, req.params.id),
    );
    app.post(
      '/api/campagnes/:id/relancer',
      {
        schema: {
          tags,
          summary: 'Relancer les destinataires sans réponse (nouveau lien, saisie conservée)',
          params: campaignIdParams,
          response: { 200: sendReport, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (req) => s.campaigns.remind(req.actor, req.params.id),
    );
    app.get(
      '/api/campagnes/:id/suivi',
      {
        schema: {
          tags,
          summary: 'Tableau de bord : envoyés, ouverts, répondus, examinés, par département et par type',
          params: campaignIdParams,
          response: { 200: campaignProgress, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => s.progress.progress(req.actor, req.params.id),
    );
    app.get(
      '/api/campagnes/:id/reponses',
      {
        schema: {
          tags,
          summary: 'Réponses à examiner (une ligne par dynamique répondue ou déclarée)',
          params: campaignIdParams,
          querystring: proposalListQuery,
          response: { 200: proposalPage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => s.review.list(req.actor, req.params.id, req.query),
    );
    app.get(
      '/api/campagnes/:id/export',
      {
        schema: {
          tags,
          summary: 'Export des réponses (CSV ou XLSX)',
          params: campaignIdParams,
          querystring: campaignExportQuery,
          response: {
            200: fileResponse('Réponses de la campagne', [CSV, XLSX]),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (req, reply) => {
        const file = await s.exports.export(req.actor, req.params.id, req.query.format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
    app.get(
      '/api/campagnes/:id/reponses/:proposition',
      {
        schema: {
          tags,
          summary: 'Une réponse comparée au registre champ par champ',
          params: proposalParams,
          response: { 200: proposalDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => s.review.detail(req.actor, req.params.id, req.params.proposition),
    );
    app.post(
      '/api/campagnes/:id/reponses/:proposition/decision',
      {
        schema: {
          tags,
          summary: 'Fusionner les champs acceptés dans le registre, ou rejeter la réponse',
          params: proposalParams,
          body: reviewInput,
          response: { 200: proposalDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => s.review.review(req.actor, req.params.id, req.params.proposition, req.body),
    );

    app.post(
      '/api/campagnes/:id/decomptes',
      {
        schema: {
          tags,
          summary: 'Enregistrer le bilan de la campagne en décomptes déclarés (par département et type)',
          description:
            'Compte les dynamiques fusionnées confirmées ou corrigées comme en cours, et les nouvelles acceptées ; ' +
            'un nouvel enregistrement remplace le précédent de la même campagne (GET /api/decomptes-declares).',
          params: campaignIdParams,
          response: { 200: campaignCounts, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => s.counts.record(req.actor, req.params.id),
    );

    app.get(
      '/api/reponses/:token',
      {
        schema: {
          tags,
          summary: 'Questionnaire d’un destinataire, prérempli avec les fiches actuelles (lien personnel)',
          params: tokenParams,
          response: { 200: recipientForm, ...errorResponses(400, 404) },
        },
      },
      async (req, reply) =>
        reply.header('cache-control', 'no-store').send(await s.responses.form(req.params.token)),
    );
    app.put(
      '/api/reponses/:token',
      {
        schema: {
          tags,
          summary: 'Enregistrer la réponse (brouillon) ou la soumettre (`soumettre: true`)',
          params: tokenParams,
          body: answerInput,
          response: {
            200: z.object({ enregistreLe: z.string(), soumisLe: z.string().nullable() }),
            ...errorResponses(400, 404, 409),
          },
        },
      },
      async (req) => s.responses.save(req.params.token, req.body),
    );
  };
}
