/**
 * Password reset by an emailed one-time link. The request answers the same whether or not the email has an account
 * (so the form cannot be used to find out who works here); the token is single use, expires after an hour, and is
 * stored only as a hash. Setting the new password ends every session of the account.
 */
import type { DatabaseHandle } from '../../db/engine.ts';
import * as accounts from '../../db/repositories/accounts.ts';
import { ValidationError } from '../../domain/errors.ts';
import { hashPassword, hashSecret, newSecret, passwordProblem } from './credentials.ts';
import type { Mailer } from './mailer.ts';

export const RESET_TOKEN_MINUTES = 60;

export interface PasswordResetRequesterProps {
  database: DatabaseHandle;
  mailer: Mailer;
  email: string;
  /** Builds the absolute link that carries the token, e.g. https://quorum.example/reset-password/<token>. */
  linkFor: (token: string) => string;
  now?: Date;
}

/** Emails a reset link when the email belongs to an active account; does nothing visible otherwise. */
export async function passwordResetRequester(props: PasswordResetRequesterProps): Promise<void> {
  const now = props.now ?? new Date();
  const account = await accounts.findAccountByEmail(props.database.db, props.email);
  if (!account || account.disabled_at) return;
  const token = newSecret();
  await props.database.db.transaction().execute(async (trx) => {
    await accounts.setActor(trx, account.id);
    await accounts.insertPasswordReset(trx, {
      token_hash: hashSecret(token),
      account_id: account.id,
      expires_at: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000),
      used_at: null,
    });
  });
  await props.mailer.send({
    to: account.email,
    subject: 'Reset your Quorum password',
    text: [
      `Dear ${account.name},`,
      '',
      'Someone asked to reset the password of your Quorum account. To choose a new password, open this link:',
      '',
      props.linkFor(token),
      '',
      `The link works once, within ${RESET_TOKEN_MINUTES} minutes. If you did not ask for it, you can ignore this email: your password has not changed.`,
    ].join('\n'),
  });
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

/** Sets the new password with a usable token, unlocking the account and ending its sessions. */
export async function passwordResetter(props: PasswordResetterProps): Promise<{ accountId: string }> {
  const now = props.now ?? new Date();
  const problem = passwordProblem(props.password);
  if (problem) throw ValidationError([{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(props.password);
  return props.database.db.transaction().execute(async (trx) => {
    const accountId = await accounts.consumePasswordReset(trx, hashSecret(props.token), now);
    if (!accountId) throw ValidationError([{ field: 'token', message: 'This link has expired or has already been used. Ask for a new one.' }]);
    await accounts.setActor(trx, accountId);
    await accounts.updateAccount(trx, accountId, { password_hash: passwordHash, failed_sign_ins: 0, locked_until: null });
    await accounts.deleteSessionsOf(trx, accountId);
    return { accountId };
  });
}
