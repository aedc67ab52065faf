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
import { type Actor, writeOperation } from '../write-operation.ts';
import type { Db } from '../../db/types.ts';

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
  actor: Actor;
}

/** A person links to one account: a councillor's allowances and interests are theirs alone. */
async function checkPersonFree(trx: Db, personId: string, exceptAccountId?: string): Promise<void> {
  const person = await accounts.findPersonChoice(trx, personId);
  if (!person || (person.kind !== 'member' && person.kind !== 'officer'))
    throw ValidationError([{ field: 'personId', message: 'Choose a member or officer from the list' }]);
  if (person.linked_account_id && person.linked_account_id !== exceptAccountId) {
    const other = await accounts.findAccountById(trx, person.linked_account_id);
    throw ValidationError([{ field: 'personId', message: `That person is already linked to the account of ${other?.email ?? 'someone else'}` }]);
  }
}

/** Links an existing account to its member or officer record, or (personId null) unlinks it. */
export async function accountPersonLinker(props: { database: DatabaseHandle; actor: Actor; accountId: string; personId: string | null }): Promise<void> {
  await writeOperation({ db: props.database.db, actor: props.actor }, async ({ trx }) => {
    const account = await accounts.findAccountById(trx, props.accountId);
    if (!account) throw ValidationError([{ field: 'accountId', message: 'Account not found' }]);
    if (props.personId) await checkPersonFree(trx, props.personId, account.id);
    await accounts.updateAccount(trx, account.id, { person_id: props.personId });
  });
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
  return writeOperation({ db: props.database.db, actor: props.actor }, async ({ trx }) => {
    if (await accounts.findAccountByEmail(trx, input.email)) {
      throw ValidationError([{ field: 'email', message: `An account with the email ${input.email} already exists` }]);
    }
    if (input.personId) await checkPersonFree(trx, input.personId);
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
