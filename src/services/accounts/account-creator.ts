/**
 * Creates a back-office account. The web's account page and `quorum user create` both call this, so the rules
 * (unique email, known roles, password length) are the same everywhere.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as accounts from '../../db/repositories/accounts.ts';
import { ROLES, type Role } from '../../domain/roles.ts';
import { ValidationError } from '../../domain/errors.ts';
import { hashPassword, passwordProblem } from './credentials.ts';

export const AccountCreateSchema = z.object({
  email: z.email('Enter an email address in the correct format, like name@example.gov.uk').max(254),
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Name must be 200 characters or fewer'),
  roles: z.array(z.enum(ROLES, 'Choose a role from the list')).min(1, 'Choose at least one role'),
  password: z.string().optional(),
  personId: z.string().min(1).optional(),
});
export type AccountCreate = z.infer<typeof AccountCreateSchema>;

export interface AccountCreatorProps extends AccountCreate {
  database: DatabaseHandle;
  /** Who creates it, for the audit log: an account id, or "cli". */
  actor: string;
}

/** Creates the account and returns its id; refuses a duplicate email or a short password with a field message. */
export async function accountCreator(props: AccountCreatorProps): Promise<{ id: string }> {
  const parsed = AccountCreateSchema.safeParse(props);
  if (!parsed.success) {
    throw ValidationError(parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'account'), message: issue.message })));
  }
  const input = parsed.data;
  if (input.password !== undefined) {
    const problem = await passwordProblem(input.password, [input.email, input.name]);
    if (problem) throw ValidationError([{ field: 'password', message: problem }]);
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const id = `account-${randomBytes(8).toString('hex')}`;
  return props.database.db.transaction().execute(async (trx) => {
    await accounts.setActor(trx, props.actor);
    if (await accounts.findAccountByEmail(trx, input.email)) {
      throw ValidationError([{ field: 'email', message: `An account with the email ${input.email} already exists` }]);
    }
    await accounts.insertAccount(trx, {
      id,
      email: input.email.trim(),
      name: input.name,
      roles: [...new Set(input.roles)] as Role[],
      password_hash: passwordHash,
      person_id: input.personId ?? null,
      disabled_at: null,
    });
    return { id };
  });
}
