import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../domain/kernel/responses.ts';
import { noticeMergeInput, noticePairsQuery } from '../../domain/resources/notice-merge.ts';
import { noticeMergeResult, noticePairs } from '../../domain/resources/responses.ts';
import { etagOf } from '../../kernel/http/conditional.ts';
import type { NoticeMergeService } from './notice-merge.service.ts';

const tags = ['Ressources'];

export function noticeMergeRoutes(merges: NoticeMergeService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/ressources/doublons',
      {
        schema: {
          tags,
          summary: 'Notices enregistrées qui pourraient décrire le même document, deux à deux',
          description:
            'Même DOI, même adresse, ou titres proches (similarité de trigrammes ≥ similarite, 0,6 par ' +
            'défaut) ; la plus ancienne des deux en premier.',
          querystring: noticePairsQuery,
          response: { 200: noticePairs, ...errorResponses(400) },
        },
      },
      async (req) => merges.candidates(req.actor, req.query),
    );

    app.post(
      '/api/ressources/fusion',
      {
        schema: {
          tags,
          summary: 'Fusionner deux notices champ par champ : l’une est gardée, l’autre supprimée',
          description:
            'Corps : {garder: {id, version}, retirer: {id, version}, notice} ; notice = les valeurs choisies ' +
            'pour chaque champ. 412 si l’une des deux a changé depuis les versions comparées. Les sélections ' +
            'qui citaient la notice retirée citent la notice gardée ; tout est noté dans l’historique.',
          body: noticeMergeInput,
          response: { 200: noticeMergeResult, ...errorResponses(400, 404, 409, 412) },
        },
      },
      async (req, reply) => {
        const merged = await merges.merge(req.actor, req.body);
        return reply.header('etag', etagOf(merged.notice.version)).send(merged);
      },
    );
  };
}
