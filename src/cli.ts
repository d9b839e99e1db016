import { Command, CommanderError } from 'commander';
import { registerAccountCommands } from './cli/accounts.commands.ts';
import { registerActionsCommands } from './cli/actions.commands.ts';
import { registerBackupCommands } from './cli/backup.commands.ts';
import { registerCampaignCommands } from './cli/campagnes.commands.ts';
import { registerDbCommands } from './cli/db.commands.ts';
import { registerDynamicsCommands } from './cli/dynamiques.commands.ts';
import { registerGlossaryCommands } from './cli/glossaire.commands.ts';
import { registerPersonCommands } from './cli/personnes.commands.ts';
import { registerReferenceCommands } from './cli/reference.commands.ts';
import { registerReportCommands } from './cli/report.commands.ts';
import { registerResourcesCommands } from './cli/ressources.commands.ts';
import { registerSelectionsCommands } from './cli/selections.commands.ts';
import { registerServeCommand } from './cli/serve.command.ts';
import { ConfigError } from './config.ts';
import { isAppError } from './domain/errors.ts';

const program = new Command('odts')
  .description('Observatoire DTS — ligne de commande')
  .helpOption('-h, --help', 'affiche l’aide de la commande')
  .helpCommand('help [commande]', 'affiche l’aide d’une commande')
  .showHelpAfterError('(utilisez --help pour la liste des options)')
  .exitOverride();

registerServeCommand(program);
registerDbCommands(program);
registerReferenceCommands(program);
registerDynamicsCommands(program);
registerReportCommands(program);
registerResourcesCommands(program);
registerGlossaryCommands(program);
registerSelectionsCommands(program);
registerAccountCommands(program);
registerPersonCommands(program);
registerBackupCommands(program);
registerCampaignCommands(program);
registerActionsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ConfigError || isAppError(error)) {
    console.error(`Erreur : ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
}
