import type { Command } from 'commander';
import { newSecret } from '../auth/secrets.ts';
import { systemActor } from '../domain/actor.ts';
import { ROLES } from '../domain/auth/roles.ts';
import { tokenInput, userInput } from '../domain/auth/schemas.ts';
import { invalid } from '../domain/errors.ts';
import { withContext } from './context.ts';

const actor = systemActor('cli');
const collect = (value: string, previous: string[]) => [...previous, value];

function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const champs = Object.fromEntries(
    parsed.error.issues.map((i) => [i.path.join('.') || '(valeur)', i.message]),
  );
  throw invalid(
    `Données invalides — ${Object.entries(champs)
      .map(([f, m]) => `${f} : ${m}`)
      .join(' ; ')}`,
    champs,
  );
}

export function registerAccountCommands(program: Command) {
  const users = program.command('users').description('Comptes des personnes (rôles, régions)');
  users
    .command('add')
    .description('Crée un compte ; sans --mot-de-passe, un mot de passe provisoire est affiché')
    .argument('<email>', 'adresse électronique de la personne')
    .requiredOption('--role <role>', `rôle : ${ROLES.join(', ')}`)
    .option('--region <code>', 'région INSEE d’une équipe régionale (répétable)', collect, [])
    .option('--dynamique <id>', 'dynamique d’un coordinateur (répétable)', collect, [])
    .option('--nom <nom>', 'nom affiché', '')
    .option('--mot-de-passe <mdp>', 'mot de passe (12 caractères au moins)')
    .action(async (email: string, opts) => {
      const provisional = opts.motDePasse ? null : newSecret().slice(0, 20);
      const input = parse(userInput, {
        email,
        nom: opts.nom,
        role: opts.role,
        regions: opts.region,
        dynamiques: opts.dynamique,
        motDePasse: opts.motDePasse ?? provisional,
      });
      await withContext(async (ctx) => {
        const user = await ctx.services.auth.addUser(actor, input);
        console.log(`Compte créé : ${user.email} (${user.role})`);
        if (provisional)
          console.log(`Mot de passe provisoire, à changer à la première connexion : ${provisional}`);
      });
    });
  users
    .command('list')
    .description('Liste les comptes')
    .action(async () => {
      await withContext(async (ctx) => {
        const { items } = await ctx.services.auth.listUsers(actor);
        if (items.length === 0)
          console.log('Aucun compte. Créez le premier : odts users add EMAIL --role administrateur');
        for (const u of items) {
          console.log(
            `${u.email}\t${u.role}\t${u.regions.join(',') || '-'}\t${u.actif ? 'actif' : 'désactivé'}`,
          );
        }
      });
    });

  const tokens = program
    .command('tokens')
    .description('Jetons d’API pour les scripts (Authorization: Bearer)');
  tokens
    .command('create')
    .description('Crée un jeton ; il est affiché seul sur la dernière ligne, une seule fois')
    .requiredOption('--role <role>', `rôle : ${ROLES.join(', ')}`)
    .option('--region <code>', 'région INSEE (répétable)', collect, [])
    .option('--libelle <texte>', 'à quoi sert le jeton', 'jeton de script')
    .action(async (opts) => {
      const input = parse(tokenInput, { role: opts.role, regions: opts.region, libelle: opts.libelle });
      await withContext(async (ctx) => {
        const token = await ctx.services.auth.createToken(actor, input);
        console.log(
          `Jeton « ${token.libelle} » créé (rôle ${token.role}) ; conservez-le, il ne sera plus affiché :`,
        );
        console.log(token.jeton);
      });
    });
}
