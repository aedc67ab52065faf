/**
 * `quorum user create` and `quorum user list`: how the first administrator gets an account, and how an operator sees
 * who has one. They call the same service as the back office's account page.
 */
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { findPersonChoice, listAccounts, searchPeople } from '../db/repositories/accounts.ts';
import { isQuorumError } from '../domain/errors.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { personName } from '../services/political-balance/person-name.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { accountCreator } from '../services/accounts/account-creator.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  // Only the line ending is taken off: spaces may be part of a password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** --person takes a person's id, or words of their name that match exactly one member or officer. */
async function resolvePerson(db: Kysely<Database>, value: string): Promise<string> {
  if (await findPersonChoice(db, value)) return value;
  const matches = await searchPeople(db, value, 10);
  if (matches.length === 1) return matches[0]!.id;
  if (!matches.length) throw new Error(`--person: no member or officer matches "${value}"`);
  throw new Error(
    `--person: "${value}" matches ${matches.length === 10 ? 'many people' : `${matches.length} people`}; give one of their ids:\n${matches.map((person) => `  ${person.id}\t${personName(person)} (${person.kind})`).join('\n')}`,
  );
}

export function registerUserCommand(program: Command, config: () => Config): void {
  const user = program.command('user').description('back-office accounts');
  user
    .command('create')
    .description('create an account (the first democratic services officer, for instance)')
    .requiredOption('--email <email>', 'the email address the person signs in with')
    .requiredOption('--name <name>', 'their name as shown in the back office and the audit history')
    .option('--role <role...>', `one or more of: ${ROLES.join(', ')}`, ['democratic-services'])
    .option('--person <id or name>', 'link the account to this member or officer (their id, or enough of their name to match one person)')
    .option('--password-stdin', 'read the password from standard input (without it the account gets none: use "forgot password")')
    .action(async (options: { email: string; name: string; role: string[]; person?: string; passwordStdin?: boolean }) => {
      const unknown = options.role.filter((role) => !(ROLES as readonly string[]).includes(role));
      if (unknown.length) throw new Error(`--role: unknown role ${unknown.join(', ')}; choose from ${ROLES.join(', ')}`);
      const password = options.passwordStdin ? await readStdin() : undefined;
      const handle = await openDatabase(config());
      try {
        await migrateToLatest(handle.db);
        const personId = options.person ? await resolvePerson(handle.db, options.person) : undefined;
        const { id } = await accountCreator({
          database: handle,
          actor: 'cli',
          email: options.email,
          name: options.name,
          roles: options.role as Role[],
          password,
          ...(personId ? { personId } : {}),
        });
        console.log(`Created account ${id} for ${options.email} (${options.role.join(', ')})${personId ? `, linked to ${personId}` : ''}`);
      } catch (error) {
        const problems = isQuorumError(error) ? error.problems : undefined;
        if (problems) throw new Error(problems.map((problem) => `--${problem.field}: ${problem.message}`).join('; '));
        throw error;
      } finally {
        await handle.close();
      }
    });
  user
    .command('list')
    .description('list accounts: email, name, roles, and whether they are locked')
    .action(async () => {
      const handle = await openDatabase(config());
      try {
        await migrateToLatest(handle.db);
        for (const account of await listAccounts(handle.db)) {
          const state = account.disabled_at ? 'disabled' : 'active';
          console.log([account.email, account.name, account.roles.join(','), state].join('\t'));
        }
      } finally {
        await handle.close();
      }
    });
}
