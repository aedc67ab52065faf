/**
 * The attempt throttle (src/domain/accounts/attempt-throttle.ts) over the shared counters in the database: how long
 * a client must wait, counting a failure, and clearing keys after a success.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as counters from '../../db/repositories/attempt-throttle.ts';
import { delayAfter, type ThrottleRule } from '../../domain/accounts/attempt-throttle.ts';
import { hashSecret } from './credentials.ts';

export interface ThrottledKey {
  key: string;
  rule: ThrottleRule;
}

/** Seconds to wait before any of these keys may be tried again; 0 when none is delayed. */
export async function throttleWait(db: Kysely<Database>, keys: ThrottledKey[], now: Date): Promise<number> {
  const until = await counters.blockedUntil(
    db,
    keys.map((entry) => hashSecret(entry.key)),
    now,
  );
  return until ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
}

/** Counts a failure on every key, delaying each key that has run out of free failures. */
export async function throttleFailure(db: Kysely<Database>, keys: ThrottledKey[], now: Date): Promise<void> {
  const forgetAfterSeconds = Math.max(...keys.map((entry) => entry.rule.forgetAfterSeconds));
  const forgetBefore = new Date(now.getTime() - forgetAfterSeconds * 1000);
  const hashed = keys.map((entry) => ({ ...entry, keyHash: hashSecret(entry.key) }));
  const failures = await counters.countFailures(
    db,
    hashed.map((entry) => entry.keyHash),
    now,
    forgetBefore,
  );
  const blocks = hashed
    .map((entry) => ({ keyHash: entry.keyHash, seconds: delayAfter(entry.rule, failures.get(entry.keyHash) ?? 0) }))
    .filter((block) => block.seconds > 0)
    .map((block) => ({ keyHash: block.keyHash, until: new Date(now.getTime() + block.seconds * 1000) }));
  if (blocks.length) await counters.blockUntil(db, blocks);
  await counters.pruneThrottle(db, forgetBefore);
}

/** Forgets these keys' failures (after a success, which proves the person behind them). */
export async function throttleClear(db: Kysely<Database>, keys: string[]): Promise<void> {
  await counters.clearKeys(db, keys.map(hashSecret));
}
