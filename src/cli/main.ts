/**
 * The `quorum` command line. Every command reads the configuration once, opens one database handle, and calls the
 * same service functions the web uses.
 */
import { Command, CommanderError } from 'commander';
import { loadConfig, ConfigError } from '../config.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { registerDbCommands } from './db-commands.ts';
import { registerImportCommand } from './import-command.ts';
import { registerExportCommand } from './export-command.ts';
import { registerBackupCommands } from './backup-command.ts';
import { registerStartCommand } from './start-command.ts';
import { registerUserCommand } from './user-command.ts';
import { registerGenerateCommand } from './generate-command.ts';
import { registerScrutinyCommand } from './scrutiny-command.ts';
import { registerBalanceCommand } from './balance-command.ts';
import { registerInterestsCommand } from './interests-command.ts';
import { registerMembersCommand } from './members-command.ts';
import { registerOpenDataCommand } from '../services/open-data/open-data-command.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('quorum')
    .description('Quorum: council committees, scrutiny and open data')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  const config = () => loadConfig();
  registerStartCommand(program, config);
  registerDbCommands(program, config);
  registerImportCommand(program, config);
  registerExportCommand(program, config);
  registerBackupCommands(program, config);
  registerScrutinyCommand(program, config);
  registerInterestsCommand(program, config);
  registerMembersCommand(program, config);
  registerOpenDataCommand(program, config);
  registerUserCommand(program, config);
  registerGenerateCommand(program, config);
  registerBalanceCommand(program);
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      console.error(`quorum: ${error.message}`);
      process.exit(2);
    }
    console.error(`quorum: ${(error as Error).message}`);
    if (process.env.QUORUM_DEBUG) console.error(error);
    process.exit(1);
  }
}

await main();
