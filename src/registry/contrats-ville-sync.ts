import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type Actor, actorLabel } from '../domain/actor.ts';
import type { DynamicInput } from '../domain/registry/schemas.ts';
import { todayIso } from '../domain/registry/timeline.ts';
import type { ChangeSetRepository } from '../kernel/changesets/change-set.repository.ts';
import type { HistoryRepository } from '../kernel/history/history.repository.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import type { DynamicWriter } from './dynamic-writer.ts';
import { historySnapshot } from './registry.presenter.ts';
import type { DynamicWrite, RegistryRepository } from './registry.repository.ts';

type ContratVille = Awaited<ReturnType<ReferenceService['listContratsVille']>>[number];

export interface ContratsVilleSyncResult {
  crees: number;
  existants: number;
  lot: string | null;
}

/**
 * The generation of contrats de ville the shipped layer lists ("Engagements Quartiers 2030"): its
 * contracts run from the first day of 2024, with the new list of quartiers prioritaires.
 */
export const CONTRATS_VILLE_GENERATION = { debut: '2024-01-01', fin: '2030-12-31', periode: '2024-2030' };

/**
 * The registry record of a contract from the reference layer: its EPCI when it has one, else communes.
 * It starts on its generation's first day, not at the beginning of time.
 */
export function contratToDynamic(c: ContratVille, today: string): DynamicInput {
  const epci = c.territoires.filter((t) => t.type === 'epci').map((t) => t.code);
  return {
    type: 'CONTRAT_VILLE',
    nom: `Contrat de ville ${c.nom.replace(/^\d[\dAB]{1,2} - /, '')}`,
    statut: 'actif',
    perimetre: { communes: epci.length > 0 ? [] : c.communes, epci, departements: [], qpv: [] },
    dateDebut: CONTRATS_VILLE_GENERATION.debut,
    dateFin: CONTRATS_VILLE_GENERATION.fin,
    evenements: [],
    coordination: [],
    liens: [],
    sources: [{ titre: `ANCT — contrats de ville (${c.vintage})`, url: null, consulte: today }],
    signataires: [],
    contacts: [],
    specifique: { codeContratVille: c.code, periode: CONTRATS_VILLE_GENERATION.periode },
    verification: { date: today, par: 'couche de référence des contrats de ville' },
  };
}

/**
 * Creates one CONTRAT_VILLE dynamic per contract of the reference layer that the registry does not
 * hold yet (matched on its ANCT code), all in one change set that can be reverted.
 */
export async function syncContratsVille(
  actor: Actor,
  contrats: ContratVille[],
  deps: {
    repo: RegistryRepository;
    writer: DynamicWriter;
    history: HistoryRepository;
    lots: ChangeSetRepository;
  },
  now = new Date(),
): Promise<ContratsVilleSyncResult> {
  const { rows } = await sql<{ code: string }>`
    select document->'specifique'->>'codeContratVille' as code from dynamique
    where type = 'CONTRAT_VILLE' and document->'specifique' ? 'codeContratVille'`.execute(deps.repo.db);
  const known = new Set(rows.map((r) => r.code));
  const missing = contrats.filter((c) => !known.has(c.code) && c.communes.length > 0);
  if (missing.length === 0) return { crees: 0, existants: known.size, lot: null };
  const today = todayIso(now);
  // Writes are computed before the transaction: on PGlite a read outside it would wait for it.
  const writes: { input: DynamicInput; write: DynamicWrite }[] = [];
  for (const c of missing) {
    const input = contratToDynamic(c, today);
    writes.push({ input, write: await deps.writer.build(randomUUID(), input) });
  }
  const lot = randomUUID();
  const auteur = actorLabel(actor);
  await deps.repo.transaction(async (trx) => {
    await deps.lots.create(trx, {
      id: lot,
      auteur,
      description: `Contrats de ville créés depuis la couche de référence (${missing.length})`,
      nombre: missing.length,
    });
    for (const { input, write } of writes) {
      await deps.repo.insert(trx, write);
      await deps.history.record(trx, {
        entite: 'dynamique',
        entiteId: write.id,
        action: 'creation',
        source: 'systeme',
        auteur,
        lot,
        avant: null,
        apres: historySnapshot(write.id, 1, input),
      });
    }
  });
  return { crees: missing.length, existants: known.size, lot };
}

/** Service form, so the CLI and start-up share the same code. */
export class ContratsVilleSyncService {
  constructor(
    private readonly deps: {
      repo: RegistryRepository;
      writer: DynamicWriter;
      history: HistoryRepository;
      lots: ChangeSetRepository;
    },
    private readonly listContrats: () => Promise<ContratVille[]>,
  ) {}

  async sync(actor: Actor): Promise<ContratsVilleSyncResult> {
    return syncContratsVille(actor, await this.listContrats(), this.deps);
  }
}
