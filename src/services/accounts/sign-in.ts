/**
 * Signing in and out. Wrong passwords earn a progressive delay (src/domain/accounts/attempt-throttle.ts), counted by
 * what was typed and where from, never a lock on the account: an address with no account is answered exactly like
 * one with an account, and nobody can keep an officer out. A success starts a session whose id the browser keeps in
 * a cookie and the database keeps only as a hash.
 */
import type { DatabaseHandle } from '../../db/engine.ts';
import * as accounts from '../../db/repositories/accounts.ts';
import { SIGN_IN_RULES, throttleKeys } from '../../domain/accounts/attempt-throttle.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { throttleClear, throttleFailure, throttleWait, type ThrottledKey } from './attempt-throttle.ts';
import { hashSecret, newSecret, verifyPassword } from './credentials.ts';
import { toSessionUser } from './session-user.ts';

export const SESSION_HOURS = 8;

export type SignInResult =
  | { ok: true; user: SessionUser; sessionToken: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export interface SignInAttempterProps {
  database: DatabaseHandle;
  email: string;
  password: string;
  /** The client's IP address (behind a trusted proxy, the visitor's). */
  address: string;
  now?: Date;
}

/** The counters a sign-in attempt is throttled by: this email from this address, this address, and this email. */
function signInKeys(email: string, address: string): ThrottledKey[] {
  return [
    { key: throttleKeys.signInPair(email, address), rule: SIGN_IN_RULES.pair },
    { key: throttleKeys.signInAddress(address), rule: SIGN_IN_RULES.address },
    { key: throttleKeys.signInEmail(email), rule: SIGN_IN_RULES.email },
  ];
}

/** Checks the password unless the client must wait first, and starts a session when it is right. */
export async function signInAttempter(props: SignInAttempterProps): Promise<SignInResult> {
  const now = props.now ?? new Date();
  const db = props.database.db;
  const keys = signInKeys(props.email, props.address);
  // Only what the client typed and where it came from decide the wait: the answer says nothing about accounts.
  const wait = await throttleWait(db, keys, now);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };
  const account = await accounts.findAccountByEmail(db, props.email);
  // Unknown accounts still pay for one verification, so the time taken does not say which addresses have accounts.
  const passwordRight = await verifyPassword(account?.password_hash ?? null, props.password);
  if (!account || account.disabled_at || !passwordRight) {
    await throttleFailure(db, keys, now);
    return { ok: false, reason: 'invalid' };
  }
  // A success proves the person: this email's counters start again (the address's does not, or one's own account
  // would reset a sprayer's count).
  await throttleClear(db, [throttleKeys.signInPair(props.email, props.address), throttleKeys.signInEmail(props.email)]);
  return { ok: true, user: toSessionUser(account), ...(await sessionStarter(db, account.id, now)) };
}

/** Starts a session for an account already proven (password or identity provider): the token goes to the browser. */
export async function sessionStarter(
  db: Parameters<typeof accounts.insertSession>[0],
  accountId: string,
  now: Date,
): Promise<{ sessionToken: string; expiresAt: Date }> {
  const sessionToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await accounts.insertSession(db, { id_hash: hashSecret(sessionToken), account_id: accountId, expires_at: expiresAt });
  return { sessionToken, expiresAt };
}

/** The signed-in user of a session cookie, or null when it is unknown, expired, or its account disabled. */
export async function sessionUserFor(database: DatabaseHandle, sessionToken: string, now = new Date()): Promise<SessionUser | null> {
  const account = await accounts.findSessionAccount(database.db, hashSecret(sessionToken), now);
  return account ? toSessionUser(account) : null;
}

/** Ends one session (signing out). */
export async function sessionEnder(props: { database: DatabaseHandle; sessionToken: string }): Promise<void> {
  await accounts.deleteSession(props.database.db, hashSecret(props.sessionToken));
}
