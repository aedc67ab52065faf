import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';
import { REFRESH_FUNCTIONS } from './20261125_0400_portal_search.ts';

/**
 * The one rule for what the public may see (issue 15), as views every public read goes through.
 *
 * A meeting's agenda (agenda items, reports) is public once the agenda is published, its minutes (minutes, motions,
 * resolutions, vote events and votes) once the minutes are published (Local Government Act 1972 ss. 100B and 100C).
 * A meeting with no workflow row was recorded outside the back office's workflow: its papers were imported from
 * what the council itself published, so both count as published (`lockWorkflow` stamps them when such a meeting
 * first gets a row, so touching it later never hides it).
 *
 * Exempt information (Schedule 12A) is derived, never trusted from one flag: a minute is exempt when it or its
 * agenda item is, a report when it or any agenda item carrying it is. An exempt agenda item or minute keeps its
 * number, title and paragraphs; its text is blanked here, so a surface that forgets to check cannot print it. An
 * exempt report, and the resolutions, motions and votes of an exempt minute, are not public rows at all.
 *
 * Each view has its table's columns, so a public query reads `public_minute as minute` and is otherwise unchanged.
 * A view's `updated_at` is the latest change of anything that decides its visibility (the record, its agenda item,
 * the meeting's workflow), so a record becoming public shows in `modified_since` lists. `public_withdrawal` lists
 * records that exist but are not public, with `modified` at or after the change that withdrew them (OParl 1.1
 * section 2.8: mirrors are told with `deleted: true`).
 *
 * The search index (migration 0400) is rebuilt from these views, and refreshed when a workflow row or an agenda
 * item's exemption changes; the portal's data version is bumped by workflow changes, so cached pages and ETags
 * change at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, VIEWS);
  await runSqlScript(db, SEARCH_FROM_VIEWS);
  await runSqlScript(db, TRIGGERS);
  await runSqlScript(db, `select portal_search_rebuild()`);
}

const VIEWS = `
create view public_paper_state as
select m.id as meeting_id,
       (w.id is null or w.agenda_published_at is not null) as agenda_public,
       (w.id is null or w.minutes_published_at is not null) as minutes_public,
       greatest(m.updated_at, w.updated_at) as changed_at
  from meeting m left join meeting_workflow w on w.id = m.id;

create view public_agenda_item as
select a.id, a.meeting_id, a.number, a.position, a.title,
       case when a.exempt then null else a.description end as description,
       a.page_from, a.page_to, a.exempt, a.exempt_paragraphs,
       case when a.exempt then null else a.report_id end as report_id,
       a.source_document_id, a.source_line_from, a.source_line_to,
       a.created_at, greatest(a.updated_at, s.changed_at) as updated_at
  from agenda_item a join public_paper_state s on s.meeting_id = a.meeting_id
 where s.agenda_public;

create view public_report as
select r.id, r.authority_id, r.subject, r.by_text, r.to_text, r.report_date, r.classification, r.exempt,
       r.summary, r.recommendations, r.contact, r.background_documents, r.full_text,
       r.original_file_sha256, r.original_filename, r.original_media_type,
       r.source_document_id, r.source_line_from, r.source_line_to,
       r.created_at, greatest(r.updated_at, carried.changed_at) as updated_at
  from report r
  cross join lateral (
    select count(a.id) as items, coalesce(bool_or(a.exempt), false) as exempt,
           coalesce(bool_or(s.agenda_public), false) as published, max(greatest(a.updated_at, s.changed_at)) as changed_at
      from agenda_item a join public_paper_state s on s.meeting_id = a.meeting_id
     where a.report_id = r.id
  ) carried
 where not r.exempt and not carried.exempt and (carried.items = 0 or carried.published);

create view public_minute as
select mi.id, mi.meeting_id, mi.number, mi.position, mi.title, mi.agenda_item_id, mi.agenda_item_number,
       case when derived.exempt then '' else mi.text end as text,
       derived.exempt,
       case when derived.exempt
            then array(select distinct p from unnest(mi.exempt_paragraphs || coalesce(a.exempt_paragraphs, '{}'::int[])) p order by p)
            else '{}'::int[] end as exempt_paragraphs,
       mi.approves_meeting_date, mi.approves_meeting_id, mi.application_reference,
       mi.source_document_id, mi.source_line_from, mi.source_line_to,
       mi.created_at, greatest(mi.updated_at, a.updated_at, s.changed_at) as updated_at
  from minute mi
  join public_paper_state s on s.meeting_id = mi.meeting_id
  left join agenda_item a on a.id = mi.agenda_item_id
  cross join lateral (select mi.exempt or coalesce(a.exempt, false) as exempt) derived
 where s.minutes_public;

create view public_resolution as
select r.id, r.minute_id, r.position, r.text, r.unanimous, r.withdrawn_at, r.withdrawn_by,
       r.created_at, greatest(r.updated_at, mi.updated_at) as updated_at
  from resolution r join public_minute mi on mi.id = r.minute_id
 where not mi.exempt and r.withdrawn_at is null;

create view public_motion as
select mo.id, mo.minute_id, mo.position, mo.text, mo.mover_id, mo.seconder_id,
       mo.created_at, greatest(mo.updated_at, mi.updated_at) as updated_at
  from motion mo join public_minute mi on mi.id = mo.minute_id
 where not mi.exempt;

create view public_vote_event as
select ve.id, ve.meeting_id, ve.minute_id, ve.motion_text, ve.mover_id, ve.seconder_id,
       ve.for_count, ve.against_count, ve.abstain_count, ve.result,
       ve.source_document_id, ve.source_line_from, ve.source_line_to,
       ve.created_at, greatest(ve.updated_at, s.changed_at, mi.updated_at) as updated_at
  from vote_event ve
  join public_paper_state s on s.meeting_id = ve.meeting_id
  left join public_minute mi on mi.id = ve.minute_id
 where s.minutes_public and (ve.minute_id is null or (mi.id is not null and not mi.exempt));

create view public_vote as
select v.vote_event_id, v.person_id, v.option, v.printed_name, v.created_at, greatest(v.updated_at, ve.updated_at) as updated_at
  from vote v join public_vote_event ve on ve.id = v.vote_event_id;

create view public_declaration as
select d.id, d.meeting_id, d.person_id, d.agenda_item_id, d.minute_id, d.agenda_item_number, d.kind, d.reason,
       d.source_document_id, d.source_line_from, d.source_line_to,
       d.created_at, greatest(d.updated_at, s.changed_at) as updated_at
  from declaration d join public_paper_state s on s.meeting_id = d.meeting_id
 where s.minutes_public;

-- Records that exist but are not public, for mirrors (OParl deleted objects). "modified" is the latest change of
-- anything deciding their visibility, so it is at or after the change that withdrew them.
create view public_withdrawal as
select 'agenda-item'::text as kind, a.id as record_id, b.authority_id, a.created_at,
       greatest(a.updated_at, s.changed_at) as modified
  from agenda_item a join public_paper_state s on s.meeting_id = a.meeting_id
  join meeting m on m.id = a.meeting_id join body b on b.id = m.body_id
 where not s.agenda_public
union all
select 'report', r.id, r.authority_id, r.created_at,
       greatest(r.updated_at, (select max(greatest(a.updated_at, s.changed_at)) from agenda_item a
                                 join public_paper_state s on s.meeting_id = a.meeting_id where a.report_id = r.id))
  from report r
 where not exists (select 1 from public_report p where p.id = r.id)
union all
select 'consultation', a.id, b.authority_id, a.created_at,
       greatest(a.updated_at, s.changed_at, r.updated_at)
  from agenda_item a join public_paper_state s on s.meeting_id = a.meeting_id
  join meeting m on m.id = a.meeting_id join body b on b.id = m.body_id
  join report r on r.id = a.report_id
 where not exists (select 1 from public_agenda_item pa join public_report pr on pr.id = pa.report_id where pa.id = a.id);
`;

/** The search index holds only what the views show: unpublished papers have no rows, exempt ones their titles only. */
export const SEARCH_FROM_VIEWS = `
create or replace function portal_search_refresh(doc_kind text, id text) returns void language plpgsql as $$
begin
  delete from search_document where kind = doc_kind and record_id = id;
  if doc_kind = 'meeting' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'meeting', m.id, portal_search_clean(b.name || ' meeting'), portal_search_clean(concat_ws(' ', m.location, m.kind)), m.id, m.body_id, m.date
      from meeting m join body b on b.id = m.body_id where m.id = portal_search_refresh.id;
  elsif doc_kind = 'agenda-item' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'agenda-item', a.id, portal_search_clean(a.title), portal_search_clean(a.description), a.meeting_id, m.body_id, m.date
      from public_agenda_item a join meeting m on m.id = a.meeting_id where a.id = portal_search_refresh.id;
  elsif doc_kind = 'report' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'report', r.id, portal_search_clean(r.subject),
           portal_search_clean(concat_ws(E'\\n', r.summary, r.recommendations, r.full_text)),
           first_item.meeting_id, first_item.body_id, coalesce(r.report_date, first_item.date)
      from public_report r
      left join lateral (
        select a.meeting_id, m.body_id, m.date from public_agenda_item a join meeting m on m.id = a.meeting_id
         where a.report_id = r.id order by m.date, a.position limit 1
      ) first_item on true
     where r.id = portal_search_refresh.id;
  elsif doc_kind = 'minute' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'minute', mi.id, portal_search_clean(mi.title),
           portal_search_clean(concat_ws(E'\\n', mi.text,
             (select string_agg(r.text, E'\\n' order by r.position) from public_resolution r where r.minute_id = mi.id))),
           mi.meeting_id, m.body_id, m.date
      from public_minute mi join meeting m on m.id = mi.meeting_id where mi.id = portal_search_refresh.id;
  elsif doc_kind = 'decision' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'decision', d.id, portal_search_clean(d.subject),
           portal_search_clean(concat_ws(E'\\n', d.decision_maker_role, d.text, d.urgency_reason)),
           null, d.decision_maker_body_id, d.decision_date
      from decision d where d.id = portal_search_refresh.id;
  elsif doc_kind = 'person' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'person', p.id,
           portal_search_clean(concat_ws(' ', p.honorific, coalesce(p.given_name, nullif(array_to_string(p.initials, ' '), '')), p.family_name)),
           portal_search_clean(concat_ws(' ', p.given_name, p.job_title, array_to_string(p.post_nominals, ' '),
             (select string_agg(pa.printed, ' ') from person_alias pa where pa.person_id = p.id))),
           null, null, null
      from person p where p.id = portal_search_refresh.id;
  end if;
end $$;

-- Everything a meeting's publication decides: its agenda items, their reports, its minutes.
create function portal_search_refresh_meeting_papers(target text) returns void language plpgsql as $$
declare
  item record;
begin
  for item in select id, report_id from agenda_item where meeting_id = target loop
    perform portal_search_refresh('agenda-item', item.id);
    if item.report_id is not null then perform portal_search_refresh('report', item.report_id); end if;
  end loop;
  for item in select id from minute where meeting_id = target loop perform portal_search_refresh('minute', item.id); end loop;
end $$;

create function portal_search_on_workflow() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform portal_search_refresh_meeting_papers(old.id);
  elsif tg_op = 'INSERT'
     or new.agenda_published_at is distinct from old.agenda_published_at
     or new.minutes_published_at is distinct from old.minutes_published_at then
    perform portal_search_refresh_meeting_papers(new.id);
  end if;
  return null;
end $$;

-- A minute's exemption derives from its agenda item's.
create function portal_search_on_item_minutes() returns trigger language plpgsql as $$
declare
  item record;
begin
  for item in select id from minute where agenda_item_id = (case when tg_op = 'DELETE' then old.id else new.id end) loop
    perform portal_search_refresh('minute', item.id);
  end loop;
  return null;
end $$;
`;

const TRIGGERS = `
create trigger meeting_workflow_search after insert or update or delete on meeting_workflow
  for each row execute function portal_search_on_workflow();
create trigger agenda_item_search_minutes after update of exempt, exempt_paragraphs on agenda_item
  for each row execute function portal_search_on_item_minutes();
create trigger meeting_workflow_portal_version after insert or update or delete or truncate on meeting_workflow
  for each statement execute function portal_bump_data_version();
create trigger minute_correction_portal_version after insert or update or delete or truncate on minute_correction
  for each statement execute function portal_bump_data_version();
`;

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop trigger if exists minute_correction_portal_version on minute_correction;
drop trigger if exists meeting_workflow_portal_version on meeting_workflow;
drop trigger if exists agenda_item_search_minutes on agenda_item;
drop trigger if exists meeting_workflow_search on meeting_workflow;
drop function if exists portal_search_on_item_minutes();
drop function if exists portal_search_on_workflow();
drop function if exists portal_search_refresh_meeting_papers(text);
drop function if exists portal_search_refresh(text, text);
drop view if exists public_withdrawal;
drop view if exists public_declaration;
drop view if exists public_vote;
drop view if exists public_vote_event;
drop view if exists public_motion;
drop view if exists public_resolution;
drop view if exists public_minute;
drop view if exists public_report;
drop view if exists public_agenda_item;
drop view if exists public_paper_state;
`,
  );
  await runSqlScript(db, REFRESH_FUNCTIONS.split('create function portal_search_rebuild')[0]!);
  await runSqlScript(db, `select portal_search_rebuild()`);
}
