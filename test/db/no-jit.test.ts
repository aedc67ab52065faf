/**
 * The database sessions Quorum opens never JIT-compile queries: on PostgreSQL (jit on by default) a councillor's page
 * spent over a second compiling a query that runs in milliseconds. PGlite is built without JIT, so it holds there too.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

describe.skipIf(databaseUnavailable)('no JIT compilation', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('every pooled connection has jit off (or no JIT at all)', async () => {
    // More queries at once than one connection: each pooled connection is asked.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => sql<{ never: boolean }>`select current_setting('jit') = 'off' or not pg_jit_available() as never`.execute(database.db)),
    );
    for (const answer of answers) expect(answer.rows[0]!.never).toBe(true);
  });
});
