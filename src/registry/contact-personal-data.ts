import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { conflict } from '../domain/errors.ts';
import type { DynamicInput } from '../domain/registry/schemas.ts';
import type { PersonalDataHolder } from '../kernel/personal-data/personal-data-holder.ts';
import type { RegistryRepository } from './registry.repository.ts';
import type { RegistryService } from './registry.service.ts';

type Contact = DynamicInput['contacts'][number];

const sameEmail = (email: string) => (c: { email?: string | null | undefined }) =>
  typeof c.email === 'string' && c.email.toLowerCase() === email.toLowerCase();

/** The contacts of dynamics as a person's data: found for an export, removed for an erasure. */
export function contactPersonalData(repo: RegistryRepository, registry: RegistryService): PersonalDataHolder {
  return {
    entite: 'dynamique',
    async find(email) {
      const rows = await repo.findByContactEmail(email);
      return rows.flatMap((r) =>
        ((r.document as DynamicInput).contacts ?? [])
          .filter(sameEmail(email))
          .map((contact) => ({ id: r.id, libelle: r.nom, donnees: contact })),
      );
    },
    async prepareErase(actor, email) {
      const rows = await repo.findByContactEmail(email);
      // Each a new version through the registry's own rules (scopes, validation, history), written later.
      const writes: ((trx: Transaction<DB>) => Promise<boolean>)[] = [];
      for (const row of rows) {
        const doc = row.document as DynamicInput;
        const contacts = (doc.contacts ?? []).filter((c: Contact) => !sameEmail(email)(c));
        writes.push(await registry.prepareUpdateOf(actor, row.id, { ...doc, contacts }, row.version));
      }
      return {
        changed: rows.map((r) => ({ id: r.id, libelle: r.nom })),
        async write(trx) {
          for (const write of writes) {
            if (!(await write(trx)))
              throw conflict('Une fiche vient d’être modifiée : relancez l’effacement');
          }
        },
      };
    },
    scrub(snapshot, email, pseudonym) {
      if (!snapshot || typeof snapshot !== 'object' || !('contacts' in snapshot)) return snapshot;
      const doc = snapshot as { contacts?: Contact[] };
      return {
        ...doc,
        contacts: (doc.contacts ?? []).map((c) =>
          sameEmail(email)(c)
            ? { nom: pseudonym, role: null, email: null, telephone: null, public: false }
            : c,
        ),
      };
    },
  };
}
