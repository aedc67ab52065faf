/**
 * `quorum backup` and `quorum restore` with only their own modules loaded. A backup of any size must run in a small
 * heap, and the whole command line (main.ts loads every command, the server and its templates among them) holds
 * about 80 MB of it before doing anything. bin/quorum.js sends these two commands here; the errors end the process
 * as main.ts ends it (the message, then exit code 2 for configuration and a held data folder, 1 otherwise).
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { registerBackupCommands } from './backup-command.ts';

try {
  const program = new Command()
    .name('quorum')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerBackupCommands(program, () => loadConfig());
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  console.error(`quorum: ${(error as Error).message}`);
  if (process.env.QUORUM_DEBUG) console.error(error);
  process.exit(error instanceof ConfigError || error instanceof DataDirLockedError ? 2 : 1);
}
