import { randomBytes } from 'node:crypto';
import type { PersonalDataHolder } from '../kernel/personal-data/personal-data-holder.ts';
import type { RecipientRepository } from './recipient.repository.ts';

/**
 * Campaign recipients as a person's data: their address, name and saved answer are exported on request;
 * an erasure replaces the address, drops the name and the personal link (the answer's content about the
 * dynamics stays, as the registry's own records do once merged).
 */
export function recipientPersonalData(repo: RecipientRepository): PersonalDataHolder {
  return {
    entite: 'campagne_destinataire',
    async find(email) {
      return (await repo.recipientsByEmail(email)).map((r) => ({
        id: r.id,
        libelle: `Destinataire de la campagne « ${r.campagne_nom} »`,
        donnees: { email: r.email, nom: r.nom, reponse: r.reponse },
      }));
    },
    async prepareErase(_actor, email) {
      const rows = await repo.recipientsByEmail(email);
      return {
        changed: rows.map((r) => ({
          id: r.id,
          libelle: `Destinataire de la campagne « ${r.campagne_nom} »`,
        })),
        async write(trx) {
          for (const r of rows) {
            const pseudonym = `destinataire-efface-${randomBytes(5).toString('hex')}@efface.invalid`;
            await repo.anonymiseRecipient(r.id, pseudonym, trx);
          }
        },
      };
    },
  };
}
