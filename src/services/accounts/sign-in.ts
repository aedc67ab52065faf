/**
 * Signing in and out. Five wrong passwords in a row lock the account for fifteen minutes (the counter and the lock
 * are on the account, so they hold across IP addresses and processes); a success resets the counter and starts a
 * session whose id the browser keeps in a cookie and the database keeps only as a hash.
 */
import type { DatabaseHandle } from '../../db/engine.ts';
import * as accounts from '../../db/repositories/accounts.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { hashSecret, newSecret, verifyPassword } from './credentials.ts';
import { toSessionUser } from './session-user.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 8;

export type SignInResult =
  | { ok: true; user: SessionUser; sessionToken: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntil: Date };

export interface SignInAttempterProps {
  database: DatabaseHandle;
  email: string;
  password: string;
  now?: Date;
}

/** Checks the password and, when it is right and the account is not locked, starts a session. */
export async function signInAttempter(props: SignInAttempterProps): Promise<SignInResult> {
  const now = props.now ?? new Date();
  const account = await accounts.findAccountByEmail(props.database.db, props.email);
  const passwordRight = await verifyPassword(account?.password_hash ?? null, props.password);
  if (!account || account.disabled_at) return { ok: false, reason: 'invalid' };
  if (account.locked_until && account.locked_until > now) return { ok: false, reason: 'locked', lockedUntil: account.locked_until };

  return props.database.db.transaction().execute(async (trx) => {
    await accounts.setActor(trx, account.id);
    if (!passwordRight) {
      const lockedUntil = await accounts.recordFailedSignIn(trx, account.id, MAX_FAILED_SIGN_INS, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000));
      if (lockedUntil) return { ok: false, reason: 'locked', lockedUntil } as const;
      return { ok: false, reason: 'invalid' } as const;
    }
    if (account.failed_sign_ins !== 0 || account.locked_until) {
      await accounts.updateAccount(trx, account.id, { failed_sign_ins: 0, locked_until: null });
    }
    return { ok: true, user: toSessionUser(account), ...(await sessionStarter(trx, account.id, now)) } as const;
  });
}

/** Starts a session for an account already proven (password or identity provider): the token goes to the browser. */
export async function sessionStarter(db: Parameters<typeof accounts.insertSession>[0], accountId: string, now: Date): Promise<{ sessionToken: string; expiresAt: Date }> {
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
