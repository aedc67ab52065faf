import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The portal's search index: one row per searchable public record, kept by triggers on the committee tables so no
 * write path (import, restore, back office, psql) can leave it stale.
 *
 * Exempt information (Schedule 12A) never enters this table: an exempt report has no row, an exempt agenda item or
 * minute is indexed by its public title only. A search cannot return what the index does not hold.
 *
 * `document` is a stored tsvector ('english'; title weighted A, text B) under a GIN index; text is stored with
 * control characters removed, because the search uses \u0002/\u0003 as ts_headline's highlight markers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table search_document (
  kind text not null check (kind in ('meeting', 'agenda-item', 'report', 'minute', 'decision', 'person')),
  record_id text not null,
  title text not null,
  body text not null default '',
  meeting_id text,
  body_id text,
  date date,
  document tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
  ) stored,
  primary key (kind, record_id)
);
create index search_document_gin_idx on search_document using gin (document);
create index search_document_date_idx on search_document (date);

create function portal_search_clean(value text) returns text language sql immutable as $$
  select regexp_replace(coalesce(value, ''), '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f]', ' ', 'g')
$$;

`,
  );
  await runSqlScript(db, REFRESH_FUNCTIONS);
  await runSqlScript(db, TRIGGERS);
  await runSqlScript(db, `select portal_search_rebuild()`);
}

export const REFRESH_FUNCTIONS = `
create function portal_search_refresh(doc_kind text, id text) returns void language plpgsql as $$
begin
  delete from search_document where kind = doc_kind and record_id = id;
  if doc_kind = 'meeting' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'meeting', m.id, portal_search_clean(b.name || ' meeting'), portal_search_clean(concat_ws(' ', m.location, m.kind)), m.id, m.body_id, m.date
      from meeting m join body b on b.id = m.body_id where m.id = portal_search_refresh.id;
  elsif doc_kind = 'agenda-item' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'agenda-item', a.id, portal_search_clean(a.title),
           case when a.exempt then '' else portal_search_clean(a.description) end,
           a.meeting_id, m.body_id, m.date
      from agenda_item a join meeting m on m.id = a.meeting_id where a.id = portal_search_refresh.id;
  elsif doc_kind = 'report' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'report', r.id, portal_search_clean(r.subject),
           portal_search_clean(concat_ws(E'\\n', r.summary, r.recommendations, r.full_text)),
           first_item.meeting_id, first_item.body_id, coalesce(r.report_date, first_item.date)
      from report r
      left join lateral (
        select a.meeting_id, m.body_id, m.date from agenda_item a join meeting m on m.id = a.meeting_id
         where a.report_id = r.id order by m.date, a.position limit 1
      ) first_item on true
     where r.id = portal_search_refresh.id and not r.exempt
       -- A report on an exempt agenda item is exempt whatever its own flag says.
       and not exists (select 1 from agenda_item x where x.report_id = r.id and x.exempt);
  elsif doc_kind = 'minute' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date)
    select 'minute', mi.id, portal_search_clean(mi.title),
           case when mi.exempt then '' else portal_search_clean(concat_ws(E'\\n', mi.text,
             (select string_agg(r.text, E'\\n' order by r.position) from resolution r where r.minute_id = mi.id))) end,
           mi.meeting_id, m.body_id, m.date
      from minute mi join meeting m on m.id = mi.meeting_id where mi.id = portal_search_refresh.id;
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

create function portal_search_rebuild() returns void language plpgsql as $$
declare
  rec record;
begin
  delete from search_document;
  for rec in
    select 'meeting' as k, id from meeting union all
    select 'agenda-item', id from agenda_item union all
    select 'report', id from report union all
    select 'minute', id from minute union all
    select 'decision', id from decision union all
    select 'person', id from person
  loop
    perform portal_search_refresh(rec.k, rec.id);
  end loop;
end $$;

create function portal_search_on_change() returns trigger language plpgsql as $$
declare
  doc_kind text := tg_argv[0];
  row_data jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  old_data jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) else null end;
  item record;
begin
  if doc_kind = 'resolution' then
    perform portal_search_refresh('minute', row_data ->> 'minute_id');
    if old_data is not null and old_data ->> 'minute_id' is distinct from row_data ->> 'minute_id' then
      perform portal_search_refresh('minute', old_data ->> 'minute_id');
    end if;
    return null;
  end if;
  if doc_kind = 'person_alias' then
    perform portal_search_refresh('person', row_data ->> 'person_id');
    return null;
  end if;
  if doc_kind = 'body' then
    for item in select id from meeting where body_id = row_data ->> 'id' loop
      perform portal_search_refresh('meeting', item.id);
    end loop;
    return null;
  end if;
  perform portal_search_refresh(doc_kind, row_data ->> 'id');
  if doc_kind = 'agenda-item' then
    -- Linking a report to an (exempt) agenda item changes whether, and under which meeting, the report is indexed.
    if row_data ->> 'report_id' is not null then perform portal_search_refresh('report', row_data ->> 'report_id'); end if;
    if old_data is not null and old_data ->> 'report_id' is distinct from row_data ->> 'report_id' and old_data ->> 'report_id' is not null then
      perform portal_search_refresh('report', old_data ->> 'report_id');
    end if;
  elsif doc_kind = 'meeting' and tg_op = 'UPDATE' and (old_data ->> 'date' is distinct from row_data ->> 'date' or old_data ->> 'body_id' is distinct from row_data ->> 'body_id') then
    for item in select id from agenda_item where meeting_id = row_data ->> 'id' loop perform portal_search_refresh('agenda-item', item.id); end loop;
    for item in select id from minute where meeting_id = row_data ->> 'id' loop perform portal_search_refresh('minute', item.id); end loop;
  end if;
  return null;
end $$;
`;

const WATCHED: Array<[table: string, kind: string]> = [
  ['meeting', 'meeting'],
  ['agenda_item', 'agenda-item'],
  ['report', 'report'],
  ['minute', 'minute'],
  ['resolution', 'resolution'],
  ['decision', 'decision'],
  ['person', 'person'],
  ['person_alias', 'person_alias'],
  ['body', 'body'],
];

const TRIGGERS = WATCHED.map(
  ([table, kind]) =>
    `create trigger ${table}_search after insert or update or delete on ${table} for each row execute function portal_search_on_change('${kind}');`,
).join('\n');

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
${WATCHED.map(([table]) => `drop trigger if exists ${table}_search on ${table};`).join('\n')}
drop function if exists portal_search_on_change() cascade;
drop function if exists portal_search_rebuild() cascade;
drop function if exists portal_search_refresh(text, text) cascade;
drop function if exists portal_search_clean(text) cascade;
drop table if exists search_document;
`,
  );
}
