import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Withdrawing a meeting (migration 20261207_3001) now raises its calendar revision too: the calendars show a withdrawn
 * meeting as cancelled (STATUS:CANCELLED), and a calendar replaces the event it holds only when SEQUENCE grows
 * (RFC 5545 section 3.8.7.4). The trigger of migration 20261207_2100, with withdrawn_at among the fields it watches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `create or replace function quorum_meeting_sequence() returns trigger language plpgsql as $$
     begin
       if (new.date, new.start_time, new.end_time, new.location, new.status, new.withdrawn_at is null)
          is distinct from (old.date, old.start_time, old.end_time, old.location, old.status, old.withdrawn_at is null) then
         new.sequence := old.sequence + 1;
       end if;
       return new;
     end $$;`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `create or replace function quorum_meeting_sequence() returns trigger language plpgsql as $$
     begin
       if (new.date, new.start_time, new.end_time, new.location, new.status)
          is distinct from (old.date, old.start_time, old.end_time, old.location, old.status) then
         new.sequence := old.sequence + 1;
       end if;
       return new;
     end $$;`,
  );
}
