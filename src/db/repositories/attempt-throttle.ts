/**
 * Typed queries for the attempt counters (migration 20261207_1550_attempt_throttle). The rule of how long to wait is
 * src/domain/accounts/attempt-throttle.ts; this file only counts, reads and clears, by key hash.
 */
import { sql } from 'kysely';
import type { Db } from '../types.ts';

/** The latest time any of these keys is blocked until, if one is blocked after `now`. */
export async function blockedUntil(db: Db, keyHashes: string[], now: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('attempt_throttle')
    .select((eb) => eb.fn.max('blocked_until').as('until'))
    .where('key_hash', 'in', keyHashes)
    .where('blocked_until', '>', now)
    .executeTakeFirst();
  return row?.until ?? undefined;
}

/**
 * Counts one failure on each key, in one statement (two requests at once cannot both read the old count); a key whose
 * last failure is before `forgetBefore` starts again at one. Returns each key's count after this failure.
 */
export async function countFailures(db: Db, keyHashes: string[], now: Date, forgetBefore: Date): Promise<Map<string, number>> {
  const rows = await db
    .insertInto('attempt_throttle')
    .values(keyHashes.map((keyHash) => ({ key_hash: keyHash, failures: 1, last_failure_at: now, blocked_until: null })))
    .onConflict((conflict) =>
      conflict.column('key_hash').doUpdateSet({
        failures: sql`case when attempt_throttle.last_failure_at < ${forgetBefore}::timestamptz then 1 else attempt_throttle.failures + 1 end`,
        last_failure_at: now,
      }),
    )
    .returning(['key_hash', 'failures'])
    .execute();
  return new Map(rows.map((row) => [row.key_hash, row.failures]));
}

/** Blocks each key until its time (never shortening a block already set further out). */
export async function blockUntil(db: Db, blocks: Array<{ keyHash: string; until: Date }>): Promise<void> {
  for (const block of blocks) {
    await db
      .updateTable('attempt_throttle')
      .set({ blocked_until: sql`greatest(coalesce(blocked_until, ${block.until}::timestamptz), ${block.until}::timestamptz)` })
      .where('key_hash', '=', block.keyHash)
      .execute();
  }
}

export async function clearKeys(db: Db, keyHashes: string[]): Promise<void> {
  await db.deleteFrom('attempt_throttle').where('key_hash', 'in', keyHashes).execute();
}

/** Forgets counters with no failure since `before`: they would start again anyway. */
export async function pruneThrottle(db: Db, before: Date): Promise<void> {
  await db
    .deleteFrom('attempt_throttle')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', before)]))
    .execute();
}
