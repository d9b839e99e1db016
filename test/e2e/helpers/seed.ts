import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

/** A word found in every seeded name, so that assertions ignore records other test files left behind. */
export const MARKER = `zweb${process.pid}${Date.now().toString(36)}`;

export interface Seeded {
  cls: string;
  asv: string;
  cv: string;
}

async function create(app: FastifyInstance, body: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/dynamiques', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A few dynamics around Saint-Étienne, one of them edited once so that it has a history. */
export async function seed(app: FastifyInstance): Promise<Seeded> {
  const asv = await create(app, {
    type: 'ASV',
    nom: `Atelier santé ville de Saint-Étienne ${MARKER}`,
    statut: 'actif',
    perimetre: { communes: ['42218'] },
    dateDebut: '2001-01-01',
  });
  const cv = await create(app, {
    type: 'CONTRAT_VILLE',
    nom: `Contrat de ville de Saint-Étienne Métropole ${MARKER}`,
    statut: 'actif',
    perimetre: { epci: ['244200770'] },
    dateDebut: '2015-06-01',
  });
  const cls = await create(app, {
    type: 'CLS',
    nom: `Contrat local de santé de Saint-Étienne ${MARKER}`,
    porteur: { nom: 'Ville de Saint-Étienne', type: 'commune', code: '42218' },
    perimetre: { departements: ['42'] },
    evenements: [
      { date: '2012-01-15', type: 'creation', note: 'Diagnostic local de santé' },
      { date: '2013-05-01', type: 'signature', note: 'Signature avec l’ARS' },
    ],
    coordination: [{ intitule: 'Coordinatrice CLS', etp: 0.5, financeurs: ['ARS', 'Ville'], vacant: false }],
    liens: [{ type: 'partenaire_de', cible: asv }],
    sources: [{ titre: 'Délibération du conseil municipal', url: 'https://www.saint-etienne.fr/' }],
  });
  const current = await app.inject({ url: `/api/dynamiques/${cls}` });
  const res = await app.inject({
    method: 'PUT',
    url: `/api/dynamiques/${cls}`,
    headers: { 'if-match': current.headers.etag as string },
    payload: {
      type: 'CLS',
      nom: `Contrat local de santé de Saint-Étienne ${MARKER}`,
      porteur: { nom: 'Ville de Saint-Étienne', type: 'commune', code: '42218' },
      perimetre: { departements: ['42'] },
      evenements: [
        { date: '2012-01-15', type: 'creation', note: 'Diagnostic local de santé' },
        { date: '2013-05-01', type: 'signature', note: 'Signature avec l’ARS' },
        { date: '2019-05-01', type: 'renouvellement', note: 'Deuxième génération' },
      ],
      coordination: [
        { intitule: 'Coordinatrice CLS', etp: 0.8, financeurs: ['ARS', 'Ville'], vacant: false },
      ],
      liens: [{ type: 'partenaire_de', cible: asv }],
      sources: [{ titre: 'Délibération du conseil municipal', url: 'https://www.saint-etienne.fr/' }],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { cls, asv, cv };
}
