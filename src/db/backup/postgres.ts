/**
 * Backup and restore on a PostgreSQL server with the server's own tools: `pg_dump --format=plain` writes the
 * backup (its output gzip-compressed as it streams into the file), `psql --single-transaction` restores it (the
 * script streamed into psql's input), so a restore either commits whole or leaves the database as it was, and
 * neither holds more than a buffer of the script. The same script format comes out of the embedded engine, so
 * either engine's backup restores into either.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { BackupFileError, dropUnknownSettings, readDumpScript } from './dump-script.ts';
import { describeRecords, tablesWithRecords } from './records.ts';
import { BackupRefusedError, DUMP_OPTIONS } from './shared.ts';
import { writeCompressed } from './dump-file.ts';

/** pg_dump or psql: on the PATH (Debian's wrapper there picks the server's version), else the newest installed. */
export function findPostgresTool(name: 'pg_dump' | 'psql', searchPath = process.env.PATH ?? ''): string {
  const installed = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  for (const dir of [...searchPath.split(path.delimiter).filter(Boolean), ...installed]) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error(`${name} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`);
}

/** The URL without its password (given to the tools in PGPASSWORD, so it never shows in a process list). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

function run(
  tool: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  feed?: (stdin: NodeJS.WritableStream) => Promise<void>,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: [feed ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      if (stderr.length < 20_000) stderr += text;
    });
    child.on('error', reject);
    let feedError: unknown;
    child.on('close', (code) => (feedError ? reject(feedError) : resolve({ code: code ?? 1, stderr })));
    if (feed) {
      // psql stops reading at the first error (ON_ERROR_STOP): a broken pipe then is expected, its exit code tells.
      child.stdin!.on('error', () => {});
      feed(child.stdin!).then(
        () => child.stdin!.end(),
        (error: unknown) => {
          // The backup cannot be read to its end (cut short, say). Ending psql's input would commit its single
          // transaction; killed instead, psql never commits and the server rolls the transaction back.
          feedError = error;
          child.kill('SIGKILL');
        },
      );
    }
  });
}

/** Writes the server database at url to file with pg_dump (plain SQL), gzip-compressed as it streams out. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  const { dbname, env } = connection(url);
  await writeCompressed(file, pgDumpOutput(findPostgresTool('pg_dump'), [...DUMP_OPTIONS, `--dbname=${dbname}`], env));
}

/** pg_dump's standard output as it comes; fails at the end (so no file is kept) unless pg_dump succeeded. */
async function* pgDumpOutput(tool: string, args: string[], env: NodeJS.ProcessEnv): AsyncGenerator<Buffer> {
  const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    if (stderr.length < 20_000) stderr += text;
  });
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
  } finally {
    // Stopped early (the disk is full, say): do not leave pg_dump running.
    if (child.exitCode === null) child.kill();
  }
  const code = await exit;
  if (code !== 0) throw new Error(`pg_dump failed: ${stderr.trim() || `exit code ${code}`}`);
}

export interface PostgresRestoreProps {
  url: string;
  file: string;
  force: boolean;
}

/**
 * The statements that remove every object of the public schema (the tables Quorum's migrations made and their
 * rows): tables first, which takes their identity sequences, indexes and triggers with them; then what is left.
 */
const DROP_PUBLIC_OBJECTS = `
  select statement from (
    select case c.relkind when 'r' then 1 when 'p' then 1 when 'f' then 1 else 2 end as rank,
           format('DROP %s IF EXISTS %I.%I CASCADE;',
             case c.relkind when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW' when 'S' then 'SEQUENCE'
                            when 'f' then 'FOREIGN TABLE' else 'TABLE' end, n.nspname, c.relname) as statement
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and not c.relispartition
      and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_class'::regclass
                      and d.objid = c.oid and d.deptype in ('e', 'i', 'a'))
    union all
    select 3, format('DROP %s IF EXISTS %I.%I(%s) CASCADE;', case p.prokind when 'a' then 'AGGREGATE' else 'ROUTINE' end,
             n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))
    from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public'
      and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_proc'::regclass
                      and d.objid = p.oid and d.deptype = 'e')
    union all
    select 4, format('DROP TYPE IF EXISTS %I.%I CASCADE;', n.nspname, t.typname)
    from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    left join pg_catalog.pg_class c on c.oid = t.typrelid
    where n.nspname = 'public' and (t.typtype in ('e', 'd', 'r', 'm') or (t.typtype = 'c' and c.relkind = 'c'))
      and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_type'::regclass
                      and d.objid = t.oid and d.deptype = 'e')
  ) drops order by rank, statement`;

/** Checked last, inside the transaction: a script that restored no Quorum database is rolled back. */
const CHECK_RESTORED = `
DO $quorum_restore$ BEGIN
  IF pg_catalog.to_regclass('public.kysely_migration') IS NULL THEN
    RAISE EXCEPTION 'the backup holds no Quorum database (it has no migrations table)';
  END IF;
END $quorum_restore$;
`;

/**
 * Restores file into the server database at url: refused when it holds records (unless force). One transaction
 * removes what the database holds and replays the dump; any error rolls all of it back.
 */
export async function restorePostgres({ url, file, force }: PostgresRestoreProps): Promise<void> {
  const psql = findPostgresTool('psql');
  const client = new pg.Client({ connectionString: url });
  let known: Set<string>;
  let drops: string[];
  try {
    await client.connect();
    const query = async <Row>(text: string) => (await client.query(text)).rows as Row[];
    const tables = await tablesWithRecords(query);
    if (tables.length && !force) {
      throw new BackupRefusedError(
        `The database ${client.database} holds records (${describeRecords(tables)}); ` +
          'restore with --force to replace them, or point DATABASE_URL at an empty database',
      );
    }
    known = new Set((await query<{ name: string }>('select name from pg_catalog.pg_settings')).map((row) => row.name));
    drops = (await query<{ statement: string }>(DROP_PUBLIC_OBJECTS)).map((row) => row.statement);
  } finally {
    await client.end().catch(() => {});
  }

  const { dbname, env } = connection(url);
  const args = ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--single-transaction', '--output=/dev/null', '--file=-', `--dbname=${dbname}`];
  const result = await run(psql, args, env, async (stdin) => {
    const write = async (text: string) => {
      if (!stdin.write(text)) await new Promise((resolve) => stdin.once('drain', resolve));
    };
    await write(`SET client_min_messages = warning;\n${drops.join('\n')}\n`);
    for await (const piece of readDumpScript(file)) {
      if (piece.kind === 'sql') await write(dropUnknownSettings(piece.text, known));
      else await write(`${piece.statement};\n${piece.rows.map((row) => `${row}\n`).join('')}\\.\n`);
    }
    await write(CHECK_RESTORED);
  });
  if (result.code !== 0) {
    const message = result.stderr.replace(/^psql:<stdin>:\d+: /gm, '').trim() || `psql exited with code ${result.code}`;
    throw new BackupFileError(`Restoring ${file} failed, nothing was changed: ${message}`);
  }
}
