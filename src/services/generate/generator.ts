/**
 * quorum generate: writes synthetic authorities (build.ts) through the ordinary tables, so every trigger runs as
 * for real data (audit trail, search index, the portal's data version). One transaction per authority's setup and
 * one per year; rows go in multi-row inserts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { refreshPlannerStatistics } from '../../db/statistics.ts';
import { ACCOUNTABILITY_TABLES } from './accountability.ts';
import { buildAuthority, type GenerateOptions, type Rows } from './build.ts';
import { writeOperation } from '../write-operation.ts';

/** Parents before children: the order foreign keys need. */
const TABLE_ORDER = [
  'authority',
  'political_group',
  'person',
  'group_membership',
  'body',
  'membership',
  'meeting',
  'report',
  'agenda_item',
  'attendance',
  'minute',
  'resolution',
  'declaration',
  'vote_event',
  'vote',
  'question',
  ...ACCOUNTABILITY_TABLES,
] as const;

/** Rows per INSERT: well inside PostgreSQL's 65,535 parameters for the widest table. */
const CHUNK = 400;

export interface GenerateSummary {
  authorities: number;
  rows: Record<string, number>;
  seconds: number;
}

async function writeRows(db: Kysely<Database>, rows: Rows, counts: Record<string, number>): Promise<void> {
  await writeOperation({ db, actor: { job: 'generator' } }, async ({ trx }) => {
    for (const table of TABLE_ORDER) {
      const list = rows[table] as Array<Record<string, unknown>> | undefined;
      if (!list?.length) continue;
      for (let i = 0; i < list.length; i += CHUNK)
        await (trx as Kysely<any>)
          .insertInto(table)
          .values(list.slice(i, i + CHUNK))
          .execute();
      counts[table] = (counts[table] ?? 0) + list.length;
    }
  });
}

export async function generateAuthorities(
  db: Kysely<Database>,
  options: Omit<GenerateOptions, 'index'> & { authorities: number },
  progress: (message: string) => void = () => {},
): Promise<GenerateSummary> {
  const started = Date.now();
  const counts: Record<string, number> = {};
  for (let index = 1; index <= options.authorities; index++) {
    const authority = buildAuthority({ ...options, index });
    const existing = await db.selectFrom('authority').select('id').where('id', '=', authority.authorityId).executeTakeFirst();
    if (existing) throw new Error(`${authority.name} (${authority.authorityId}) is already in the database: generate into an empty one`);
    await writeRows(db, authority.setup, counts);
    let year = 0;
    for (const rows of authority.years) {
      await writeRows(db, rows, counts);
      progress(`${authority.name}: year ${++year} of ${options.years}, ${counts.meeting ?? 0} meetings so far`);
    }
  }
  await refreshPlannerStatistics(db);
  return { authorities: options.authorities, rows: counts, seconds: (Date.now() - started) / 1000 };
}
