import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { noticeBody } from './notices.ts';

/** Creates notices through the API; returns their ids in the order given. */
export async function createNotices(
  app: FastifyInstance,
  bodies: Record<string, unknown>[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const b of bodies) {
    const res = await app.inject({ method: 'POST', url: '/api/ressources', payload: noticeBody(b) });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  return ids;
}

/**
 * A sélection over five notices a, b, c, d, w (w a web site): two numbered sections, a subsection, a
 * sitography, a commentary, an introduction citing c, and a glossary annex.
 */
export function selectionBody(
  marker: string,
  ids: { a: string; b: string; c: string; d: string; w: string },
) {
  return {
    titre: `${marker} Sélection sur les contrats locaux de santé`,
    date: '2024-03',
    auteurs: [{ nom: 'Durand', prenom: 'Claire' }, { organisation: 'Centre de ressources DTS' }],
    introduction: `Cette sélection réunit des repères sur les CLS ; le bilan national [[${ids.c}]] en donne une vue d’ensemble.`,
    sections: [
      {
        titre: 'Textes de référence',
        notices: [
          { notice: ids.a },
          { notice: ids.c, commentaire: `${marker} Un bilan utile aux coordinateurs.` },
        ],
        sections: [{ titre: 'Guides pratiques', notices: [{ notice: ids.b }] }],
      },
      {
        titre: 'Retours d’expérience',
        ordre: 'chronologique',
        notices: [{ notice: ids.d }, { notice: ids.a }],
      },
      { titre: 'Sitographie', sitographie: true, notices: [{ notice: ids.w }] },
    ],
    glossaire: [
      {
        sigle: 'CLS',
        forme: 'contrat local de santé',
        definition: `${marker} Accord entre l’ARS et une collectivité.`,
      },
      { sigle: 'ARS', forme: 'agence régionale de santé' },
    ],
  };
}
