import type { Command } from 'commander';
import { systemActor } from '../domain/actor.ts';
import { personInput } from '../domain/auth/schemas.ts';
import { invalid } from '../domain/errors.ts';
import { withContext } from './context.ts';

const actor = systemActor('cli');

function emailOf(value: string): string {
  const parsed = personInput.safeParse({ email: value });
  if (!parsed.success)
    throw invalid(`Adresse électronique invalide : ${value}`, { email: 'adresse invalide' });
  return parsed.data.email;
}

/** `odts personnes exporter|effacer EMAIL`: the RGPD rights of access and erasure. */
export function registerPersonCommands(program: Command) {
  const people = program
    .command('personnes')
    .description('Données personnelles (RGPD) : export et effacement d’une personne');
  people
    .command('exporter')
    .description('Affiche en JSON tout ce que la plateforme garde d’une adresse électronique')
    .argument('<email>', 'adresse électronique de la personne')
    .action(async (email: string) => {
      const address = emailOf(email);
      await withContext(async (ctx) => {
        console.log(JSON.stringify(await ctx.services.personalData.exportOfEmail(actor, address), null, 2));
      });
    });
  people
    .command('effacer')
    .description(
      'Efface une personne : compte anonymisé et désactivé, contacts retirés des dynamiques, historique pseudonymisé',
    )
    .argument('<email>', 'adresse électronique de la personne')
    .action(async (email: string) => {
      const address = emailOf(email);
      await withContext(async (ctx) => {
        const done = await ctx.services.personalData.erase(actor, address);
        console.log(`Effacement de ${done.email} : pseudonyme ${done.pseudonyme}`);
        console.log(done.compte ? `  compte ${done.compte} anonymisé et désactivé` : '  aucun compte');
        console.log(`  contacts retirés : ${done.contactsRetires.length}`);
        for (const c of done.contactsRetires) console.log(`    ${c.entite} « ${c.libelle} » (${c.id})`);
        console.log(`  entrées d’historique pseudonymisées : ${done.historiqueAnonymise}`);
      });
    });
}
