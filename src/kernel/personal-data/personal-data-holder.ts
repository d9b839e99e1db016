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
   * Removes the person from every record, each as a new version through the module's own service (its
   * permissions, validation and history); answers the records changed.
   */
  erase(actor: Actor, email: string): Promise<{ id: string; libelle: string }[]>;
  /**
   * The person removed from an old snapshot of one of these records (history): the name next to the
   * e-mail, not only the e-mail. Without it, only the e-mail is replaced.
   */
  scrub?(snapshot: unknown, email: string, pseudonym: string): unknown;
}
