import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';

/**
 * Migrations are the files in ./migrations named `YYYYMMDD_NNNN_what.ts`, each exporting `up` and `down`; they run
 * in name order. Each capability adds its own files, so no shared list needs editing. Capabilities are built in
 * parallel and their migrations are independent of each other, so a migration that sorts before one already applied
 * (another team's, merged later) is still run rather than refused.
 */
const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_FILE = /^(\d{8}_\d{4}_[a-z0-9_]+)\.ts$/;

const provider: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    for (const file of fs.readdirSync(migrationsDir).sort()) {
      const match = MIGRATION_FILE.exec(file);
      if (!match || file.endsWith('.test.ts')) continue;
      migrations[match[1]!] = (await import(pathToFileURL(path.join(migrationsDir, file)).href)) as Migration;
    }
    return migrations;
  },
};

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date. Throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
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
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateDown();
  if (error) throw new Error(`Migrating down failed: ${(error as Error).message ?? String(error)}`);
  return { applied: (results ?? []).map((r) => r.migrationName) };
}
