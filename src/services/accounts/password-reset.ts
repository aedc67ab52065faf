/**
 * Password reset by an emailed one-time link. Asking answers the same whether or not the email has an account (the
 * web route runs this in the background, so not even the time taken differs); issuing a link makes the account's
 * earlier links worthless; a link is single use, expires after an hour, and is stored only as a hash. Setting the new
 * password ends every other session of the account and signs the person in: a link from their mailbox proves who they
 * are, so however many wrong passwords strangers try, an officer can always get in this way.
 */
import type { DatabaseHandle } from '../../db/engine.ts';
import * as accounts from '../../db/repositories/accounts.ts';
import { throttleKeys } from '../../domain/accounts/attempt-throttle.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { ValidationError } from '../../domain/errors.ts';
import { throttleClear } from './attempt-throttle.ts';
import { hashPassword, hashSecret, newSecret, passwordProblem } from './credentials.ts';
import type { OutgoingMail } from './mailer.ts';
import { sessionStarter } from './sign-in.ts';
import { toSessionUser } from './session-user.ts';
import { SYSTEM, writeOperation } from '../write-operation.ts';

export const RESET_TOKEN_MINUTES = 60;

export interface PasswordResetRequesterProps {
  database: DatabaseHandle;
  email: string;
  /** Builds the absolute link that carries the token, e.g. https://quorum.example/reset-password/<token>. */
  linkFor: (token: string) => string;
  now?: Date;
}

/** Issues a reset link when the email belongs to an active account, and returns the email to send; undefined otherwise. */
export async function passwordResetRequester(props: PasswordResetRequesterProps): Promise<OutgoingMail | undefined> {
  const now = props.now ?? new Date();
  const account = await accounts.findAccountByEmail(props.database.db, props.email);
  if (!account || account.disabled_at) return undefined;
  const token = newSecret();
  await writeOperation({ db: props.database.db, actor: toSessionUser(account) }, async ({ trx }) => {
    await accounts.deletePasswordResetsOf(trx, account.id);
    await accounts.insertPasswordReset(trx, {
      token_hash: hashSecret(token),
      account_id: account.id,
      expires_at: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000),
      used_at: null,
    });
  });
  return {
    to: account.email,
    subject: 'Reset your Quorum password',
    text: [
      `Dear ${account.name},`,
      '',
      'Someone asked to reset the password of your Quorum account. To choose a new password, open this link:',
      '',
      props.linkFor(token),
      '',
      `The link works once, within ${RESET_TOKEN_MINUTES} minutes, and only if it is the newest you asked for. If you did not ask for it, you can ignore this email: your password has not changed.`,
    ].join('\n'),
  };
}

/** True when the token can still be used (to show the form, or a clear message that the link has expired). */
export async function passwordResetTokenUsable(database: DatabaseHandle, token: string, now = new Date()): Promise<boolean> {
  return Boolean(await accounts.findUsablePasswordReset(database.db, hashSecret(token), now));
}

export interface PasswordResetterProps {
  database: DatabaseHandle;
  token: string;
  password: string;
  now?: Date;
}

const expired = () => ValidationError([{ field: 'token', message: 'This link has expired or has already been used. Ask for a new one.' }]);

/** Sets the new password with a usable token, ends the account's sessions and its other links, and starts a session. */
export async function passwordResetter(props: PasswordResetterProps): Promise<{ accountId: string; user: SessionUser; sessionToken: string; expiresAt: Date }> {
  const now = props.now ?? new Date();
  const db = props.database.db;
  // The link first: judging a password takes a moment, and only the holder of a live link may make Quorum do it.
  const reset = await accounts.findUsablePasswordReset(db, hashSecret(props.token), now);
  const account = reset ? await accounts.findAccountById(db, reset.account_id) : undefined;
  if (!reset || !account || account.disabled_at) throw expired();
  const problem = await passwordProblem(props.password, [account.email, account.name]);
  if (problem) throw ValidationError([{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(props.password);
  const session = await writeOperation({ db, actor: SYSTEM }, async ({ trx, actAs }) => {
    const accountId = await accounts.consumePasswordReset(trx, hashSecret(props.token), now);
    if (accountId !== account.id) throw expired();
    await actAs(toSessionUser(account));
    await accounts.updateAccount(trx, accountId, { password_hash: passwordHash });
    await accounts.deletePasswordResetsOf(trx, accountId);
    await accounts.deleteSessionsOf(trx, accountId);
    return sessionStarter(trx, accountId, now);
  });
  await throttleClear(db, [throttleKeys.signInEmail(account.email)]);
  return { accountId: account.id, user: toSessionUser(account), ...session };
}
