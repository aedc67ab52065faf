import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import * as committeeRecords from './migrations/20261125_0001_committee_records.ts';

/**
 * Migrations are listed here rather than read from a folder at run time, so they work the same under tsx,
 * in tests and in a bundled build. Names sort by their timestamp.
 */
const MIGRATIONS: Record<string, Migration> = {
  '20261125_0001_committee_records': committeeRecords,
};

const provider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date. Throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const where = failed ? ` in migration ${failed.migrationName}` : '';
    throw new Error(`Database migration failed${where}: ${(error as Error).message ?? String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Undoes the newest migration (for development). */
export async function migrateDown(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateDown();
  if (error) throw new Error(`Migrating down failed: ${(error as Error).message ?? String(error)}`);
  return { applied: (results ?? []).map((r) => r.migrationName) };
}
