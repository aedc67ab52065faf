/**
 * Typed queries for accounts, sessions and password reset tokens. Rules (expiry, hashing, throttling) live in
 * src/services/accounts; this file only reads and writes.
 */
import { sql } from 'kysely';
import type { Db, NewRow, Row } from '../types.ts';

export type AccountRow = Row<'account'>;

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where(sql<string>`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAccounts(db: Db): Promise<AccountRow[]> {
  return db.selectFrom('account').selectAll().orderBy(sql`lower(name)`).orderBy('email').execute();
}

export async function insertAccount(db: Db, row: NewRow<'account'>): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function updateAccount(db: Db, id: string, changes: Partial<NewRow<'account'>>): Promise<void> {
  await db.updateTable('account').set(changes).where('id', '=', id).execute();
}

export async function insertSession(db: Db, row: NewRow<'account_session'>): Promise<void> {
  await db.insertInto('account_session').values(row).execute();
}

/** The live session's account, or undefined when the session is unknown, expired, or its account disabled. */
export async function findSessionAccount(db: Db, idHash: string, now: Date): Promise<AccountRow | undefined> {
  return db
    .selectFrom('account_session')
    .innerJoin('account', 'account.id', 'account_session.account_id')
    .selectAll('account')
    .where('account_session.id_hash', '=', idHash)
    .where('account_session.expires_at', '>', now)
    .where('account.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('account_session').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOf(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('account_session').where('account_id', '=', accountId).execute();
}

export async function insertPasswordReset(db: Db, row: NewRow<'password_reset'>): Promise<void> {
  await db.insertInto('password_reset').values(row).execute();
}

/** Marks an unused, unexpired token used and returns its account id; undefined if the token cannot be used. */
export async function consumePasswordReset(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('account_id')
    .executeTakeFirst();
  return row?.account_id;
}

/** Forgets every reset link of the account: a newer link, or a used one, makes the others worthless. */
export async function deletePasswordResetsOf(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('password_reset').where('account_id', '=', accountId).execute();
}

export async function findUsablePasswordReset(db: Db, tokenHash: string, now: Date): Promise<Row<'password_reset'> | undefined> {
  return db
    .selectFrom('password_reset')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

// ---- Sign-in with the council's identity provider (OpenID Connect) --------------------------------------------------

export async function insertOidcSignIn(db: Db, row: NewRow<'oidc_sign_in'>, now: Date): Promise<void> {
  // Abandoned sign-ins are cleared as new ones begin, so the table holds only those still usable.
  await db.deleteFrom('oidc_sign_in').where('expires_at', '<', now).execute();
  await db.insertInto('oidc_sign_in').values(row).execute();
}

/** Takes a begun sign-in by its state, once: a second callback with the same state finds nothing. */
export async function takeOidcSignIn(db: Db, stateHash: string, now: Date): Promise<Row<'oidc_sign_in'> | undefined> {
  return db.deleteFrom('oidc_sign_in').where('state_hash', '=', stateHash).where('expires_at', '>', now).returningAll().executeTakeFirst();
}

export async function findAccountByIdentity(db: Db, issuer: string, subject: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('account_identity')
    .innerJoin('account', 'account.id', 'account_identity.account_id')
    .selectAll('account')
    .where('account_identity.issuer', '=', issuer)
    .where('account_identity.subject', '=', subject)
    .executeTakeFirst();
}

export async function insertAccountIdentity(db: Db, row: NewRow<'account_identity'>): Promise<void> {
  await db.insertInto('account_identity').values(row).execute();
}

export interface PersonChoice {
  id: string;
  kind: string;
  honorific: string | null;
  given_name: string | null;
  initials: string[];
  family_name: string;
  job_title: string | null;
  linked_account_id: string | null;
}

function personChoices(db: Db) {
  return db
    .selectFrom('person as p')
    .leftJoin('account as a', 'a.person_id', 'p.id')
    .select(['p.id', 'p.kind', 'p.honorific', 'p.given_name', 'p.initials', 'p.family_name', 'p.job_title', 'a.id as linked_account_id']);
}

export async function findPersonChoice(db: Db, id: string): Promise<PersonChoice | undefined> {
  return personChoices(db).where('p.id', '=', id).executeTakeFirst();
}

/** Members and officers whose name matches every word of a search (the account form's picker and the CLI). */
export async function searchPeople(db: Db, query: string, limit = 25): Promise<PersonChoice[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (!words.length) return [];
  let select = personChoices(db).where('p.kind', 'in', ['member', 'officer']);
  for (const word of words) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) =>
      eb.or([eb('p.family_name', 'ilike', like), eb('p.given_name', 'ilike', like), eb('p.job_title', 'ilike', like), eb('p.id', '=', word)]),
    );
  }
  return select.orderBy('p.family_name').orderBy('p.given_name').orderBy('p.id').limit(limit).execute();
}
