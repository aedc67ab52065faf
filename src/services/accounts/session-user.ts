import type { AccountRow } from '../../db/repositories/accounts.ts';
import type { SessionUser } from '../../domain/roles.ts';

/** The account as the rest of the application sees it: never its password hash or lockout counters. */
export function toSessionUser(account: AccountRow): SessionUser {
  return { id: account.id, email: account.email, name: account.name, roles: [...account.roles], personId: account.person_id };
}
