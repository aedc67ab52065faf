import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Back-office accounts, their sessions and password reset tokens.
 * Session ids and reset tokens are stored only as SHA-256 hashes: a copy of the database cannot be used to sign in.
 * Accounts are audited like every record, but through quorum_audit_account(), which never copies the password hash
 * into the append-only audit_log (it says "set", "changed" or "not set" instead).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table account (
  id text primary key,
  email text not null,
  name text not null,
  password_hash text,
  roles text[] not null default '{}'
    check (roles <@ array['democratic-services', 'scrutiny-officer', 'officer', 'councillor']::text[]),
  person_id text references person(id),
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index account_email_idx on account (lower(email));

create table account_session (
  id_hash text primary key,
  account_id text not null references account(id),
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index account_session_account_idx on account_session (account_id);

create table password_reset (
  token_hash text primary key,
  account_id text not null references account(id),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create function quorum_audit_account() returns trigger language plpgsql as $$
declare
  actor text := coalesce(nullif(current_setting('quorum.actor', true), ''), 'system');
  password_state text;
begin
  if tg_op = 'INSERT' then
    password_state := case when new.password_hash is null then 'not set' else 'set' end;
    insert into audit_log (actor, action, table_name, record_id, after)
      values (actor, 'insert', tg_table_name, new.id,
              (to_jsonb(new) - 'password_hash') || jsonb_build_object('password', password_state));
    return new;
  elsif tg_op = 'UPDATE' then
    new.updated_at := now();
    password_state := case
      when new.password_hash is null then 'not set'
      when new.password_hash is distinct from old.password_hash then 'changed'
      else 'set' end;
    insert into audit_log (actor, action, table_name, record_id, before, after)
      values (actor, 'update', tg_table_name, new.id,
              (to_jsonb(old) - 'password_hash') || jsonb_build_object('password', case when old.password_hash is null then 'not set' else 'set' end),
              (to_jsonb(new) - 'password_hash') || jsonb_build_object('password', password_state));
    return new;
  else
    insert into audit_log (actor, action, table_name, record_id, before)
      values (actor, 'delete', tg_table_name, old.id, to_jsonb(old) - 'password_hash');
    return old;
  end if;
end $$;

create trigger account_audit_insert after insert or delete on account for each row execute function quorum_audit_account();
create trigger account_audit_update before update on account for each row execute function quorum_audit_account();
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop table if exists password_reset, account_session, account cascade;
drop function if exists quorum_audit_account() cascade;
`,
  );
}
