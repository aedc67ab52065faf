import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * A meeting's revision number for calendars (RFC 5545 section 3.8.7.4, SEQUENCE): subscribers replace an event only
 * when its SEQUENCE grows, so it goes up by one whenever anything a calendar shows of the meeting changes (date,
 * times, place, status). A trigger keeps it, so every write path (back office, import, restore) counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `alter table meeting add column sequence integer not null default 0;
     create function quorum_meeting_sequence() returns trigger language plpgsql as $$
     begin
       if (new.date, new.start_time, new.end_time, new.location, new.status)
          is distinct from (old.date, old.start_time, old.end_time, old.location, old.status) then
         new.sequence := old.sequence + 1;
       end if;
       return new;
     end $$;
     create trigger meeting_sequence before update on meeting for each row execute function quorum_meeting_sequence();`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `drop trigger if exists meeting_sequence on meeting;
     drop function if exists quorum_meeting_sequence();
     alter table meeting drop column if exists sequence;`,
  );
}
