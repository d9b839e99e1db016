import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';

/** One record holding a person's data, as the export shows it. */
export interface HeldPersonalData {
  id: string;
  /** « Nom » of the record, for people to recognise it. */
  libelle: string;
  /** The person's data in that record (a contact…). */
  donnees: unknown;
}

/**
 * What a module registers when its records can carry a person's data outside accounts (the contacts of
 * dynamics, tomorrow the recipients of campaigns). The kernel knows no kind of record: the accounts module
 * asks each holder to find (export) and to remove (erasure) a person named by e-mail.
 */
export interface PersonalDataHolder {
  /** Value of `historique.entite` of the records. */
  entite: string;
  find(email: string): Promise<HeldPersonalData[]>;
  /**
   * Prepares the removal of the person from every record: checked now (the module's own permissions and
   * validation), written by `write` inside the erasure's one transaction, each record a new version with its
   * history. `write` reads nothing outside `trx` and throws when a record moved on meanwhile, which undoes
   * the whole erasure.
   */
  prepareErase(actor: Actor, email: string): Promise<PreparedErasure>;
  /**
   * The person removed from an old snapshot of one of these records (history): the name next to the
   * e-mail, not only the e-mail. Without it, only the e-mail is replaced.
   */
  scrub?(snapshot: unknown, email: string, pseudonym: string): unknown;
}

/** What an erasure will change in one module, and the write that does it. */
export interface PreparedErasure {
  changed: { id: string; libelle: string }[];
  write(trx: Transaction<DB>): Promise<void>;
}
