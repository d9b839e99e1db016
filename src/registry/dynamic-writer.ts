import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DynamicInput } from '../domain/registry/schemas.ts';
import { statusTimeline, todayIso } from '../domain/registry/timeline.ts';
import { normalizeForSearch } from '../domain/text/normalize.ts';
import { PerimeterRepository, type Perimeters } from './perimeter.repository.ts';
import { type DynamicWrite, RegistryRepository } from './registry.repository.ts';

export type FieldErrors = Record<string, string>;

/**
 * Turns validated input into the row and derived tables to write: checks that every referenced
 * territory and linked dynamic exists (errors keyed by field path) and expands the perimeter.
 */
export class DynamicWriter {
  constructor(
    readonly perimeters: Perimeters,
    private readonly registry: RegistryRepository,
  ) {}

  newId(): string {
    return randomUUID();
  }

  /** The same checks read through `trx`: on PGlite a read outside an open transaction would wait for it. */
  within(trx: Transaction<DB>): DynamicWriter {
    return new DynamicWriter(new PerimeterRepository(trx), new RegistryRepository(trx));
  }

  /** The same checks against the reference read once into memory: for imports of thousands of rows. */
  async withReferenceInMemory(): Promise<DynamicWriter> {
    if (!(this.perimeters instanceof PerimeterRepository)) return this;
    return new DynamicWriter(await this.perimeters.inMemory(), this.registry);
  }

  async check(
    input: DynamicInput,
    selfId: string | null,
    pendingIds: Set<string> = new Set(),
  ): Promise<FieldErrors> {
    const errors: FieldErrors = {};
    const p = input.perimetre;
    const [communes, epci, deps, qpv] = await Promise.all([
      this.perimeters.knownCommunes(p.communes),
      this.perimeters.knownEpci(p.epci),
      this.perimeters.knownDepartements(p.departements),
      this.perimeters.qpvCommunes(p.qpv),
    ]);
    p.communes.forEach((c, i) => {
      if (!communes.has(c)) errors[`perimetre.communes.${i}`] = `commune inconnue : ${c}`;
    });
    p.epci.forEach((c, i) => {
      if (!epci.has(c)) errors[`perimetre.epci.${i}`] = `EPCI inconnu : ${c}`;
    });
    p.departements.forEach((c, i) => {
      if (!deps.has(c)) errors[`perimetre.departements.${i}`] = `département inconnu : ${c}`;
    });
    p.qpv.forEach((c, i) => {
      if (!qpv.has(c))
        errors[`perimetre.qpv.${i}`] = `quartier prioritaire inconnu (ou référentiel QPV non chargé) : ${c}`;
    });
    const targets = [...new Set(input.liens.map((l) => l.cible))];
    const known = await this.registry.existingIds(targets);
    input.liens.forEach((l, i) => {
      if (l.cible === selfId) errors[`liens.${i}.cible`] = 'une dynamique ne peut pas être liée à elle-même';
      else if (!known.has(l.cible) && !pendingIds.has(l.cible))
        errors[`liens.${i}.cible`] = `dynamique inconnue : ${l.cible}`;
    });
    return errors;
  }

  /** `recordedOn`: the day the record was first entered (today for a new one), see `statusTimeline`. */
  async build(id: string, input: DynamicInput, recordedOn: string = todayIso()): Promise<DynamicWrite> {
    const p = input.perimetre;
    const [fromEpci, fromDeps, fromQpv] = await Promise.all([
      this.perimeters.communesOfEpci(p.epci),
      this.perimeters.communesOfDepartements(p.departements),
      this.perimeters.qpvCommunes(p.qpv),
    ]);
    const communes = new Set([...p.communes, ...fromEpci, ...fromDeps, ...[...fromQpv.values()].flat()]);
    return {
      id,
      type: input.type,
      nom: input.nom,
      nomRecherche: normalizeForSearch(`${input.nom} ${input.porteur?.nom ?? ''}`),
      document: input,
      dateFin: input.dateFin ?? null,
      verifieLe: input.verification?.date ?? null,
      verifiePar: input.verification?.par ?? null,
      communes: [...communes].sort(),
      periods: statusTimeline(input, recordedOn),
    };
  }
}
