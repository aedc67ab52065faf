import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * Sign-in with the council's identity provider (OpenID Connect).
 * account_identity: which provider subject belongs to which account, set the first time a verified email address
 * matches an account, so a later change of email at the provider still signs in the same person. Audited.
 * oidc_sign_in: a sign-in begun at the provider and not yet finished (state, nonce and PKCE verifier), kept on the
 * server so the browser holds only the state; the state is stored as a hash and each row is used once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table account_identity (
  id text primary key,
  account_id text not null references account(id),
  issuer text not null,
  subject text not null,
  email_at_link text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (issuer, subject)
);
create index account_identity_account_idx on account_identity (account_id);

create table oidc_sign_in (
  state_hash text primary key,
  code_verifier text not null,
  nonce text not null,
  next text,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
`,
  );
  await addAuditTriggers(db, ['account_identity']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop table oidc_sign_in; drop table account_identity;`);
}
