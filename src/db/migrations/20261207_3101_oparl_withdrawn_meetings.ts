import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * A withdrawn meeting (migration 20261207_3002) leaves the place it was to be held (a Location lists only public
 * meetings) and may leave a legislative term without meetings (the Body embeds its terms): both record the change
 * (oparl_change, migration 20261207_2601), so their `modified` moves and a client syncing with modified_since sees it.
 */
const onMeeting = (withdrawal: boolean) => `
create or replace function oparl_on_meeting() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    -- A place a meeting left no longer lists it (the place it went to sees the meeting's own updated_at).
    perform oparl_touch('location', array(
      select oparl_location_id(o.location) from old_rows o join new_rows n on n.id = o.id
       where o.location is distinct from n.location${withdrawal ? ' or o.withdrawn_at is distinct from n.withdrawn_at' : ''}));
    -- A date moved out of a legislative term may leave the term without meetings: the Body embeds its terms.
    perform oparl_touch('body', array(
      select distinct b.authority_id from old_rows o join new_rows n on n.id = o.id join body b on b.id in (o.body_id, n.body_id)
       where o.date is distinct from n.date or o.body_id is distinct from n.body_id${withdrawal ? ' or o.withdrawn_at is distinct from n.withdrawn_at' : ''}));
    -- A consultation names its meeting's body as its organization; the paper embeds the consultation.
    perform oparl_touch('report', array(
      select a.report_id from old_rows o join new_rows n on n.id = o.id join agenda_item a on a.meeting_id = n.id
       where o.body_id is distinct from n.body_id));
  elsif tg_op = 'DELETE' then
    perform oparl_touch('location', array(select oparl_location_id(location) from old_rows));
    perform oparl_touch('body', array(select distinct b.authority_id from old_rows o join body b on b.id = o.body_id));
  end if;
  return null;
end $$;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, onMeeting(true));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, onMeeting(false));
}
