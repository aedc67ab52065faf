import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';
import { REFRESH_FUNCTIONS } from './20261125_0400_portal_search.ts';
import { SEARCH_FROM_VIEWS } from './20261207_1560_public_visibility.ts';

/**
 * Search that finds what people type (issue 19 item 4, issue 23 item 2).
 *
 * - Every kind of public record is indexed: besides meetings, agenda items, reports, minutes, decisions and people,
 *   scrutiny recommendations and the executive's responses (only once the recommendation is published, the rule of
 *   the public scrutiny pages), improvement plan actions, indicators and bodies (committees). Unpublished meeting
 *   papers still come in through the public_* views only (migration 20261207_1560).
 * - `terms`: words that find a record but are never shown (a person's honorific, initials, post-nominals and every
 *   printed form of their name). A person's title is their one display name ("Martin Vye"), so a result never reads
 *   "Martin Martin Vye Mr M J Vye".
 * - An index in the order of a broad search (newest first), so a search matching thousands of records reads the
 *   newest until it has a page instead of sorting them all (src/db/queries/portal/search.ts).
 * - `link_id`, `link_ref`: what the record's page is addressed by (a plan's slug and an action's ref, an indicator's
 *   or a body's slug, the recommendation a response answers), so a result links without a lookup per kind.
 * - Titles under a trigram index (pg_trgm) for spelling tolerance: a word that matches nothing is compared with the
 *   words of public titles to suggest what was meant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create extension if not exists pg_trgm;
alter table search_document drop constraint if exists search_document_kind_check;
alter table search_document add constraint search_document_kind_check check (kind in (${ALL_KINDS.map((kind) => `'${kind}'`).join(', ')}));
alter table search_document add column terms text not null default '';
alter table search_document add column link_id text;
alter table search_document add column link_ref text;
alter table search_document drop column document;
alter table search_document add column document tsvector generated always as (
  setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', terms), 'A') || setweight(to_tsvector('english', body), 'B')
) stored;
create index search_document_gin_idx on search_document using gin (document);
create index search_document_title_trgm_idx on search_document using gin (title gin_trgm_ops);
create index search_document_recent_idx on search_document (date desc nulls last, kind, record_id);
`,
  );
  await runSqlScript(db, REFRESH);
  await runSqlScript(db, TRIGGERS);
  await rebuildIndex(db);
}

/**
 * Rebuilds the index from empty: truncated first, so the old rows leave no dead tuples behind (the embedded engine
 * has no autovacuum, and every search would step over them); then the GIN indexes' pending lists are merged and the
 * planner told the new sizes, so the first searches after the migration are as fast as later ones.
 */
async function rebuildIndex(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
truncate search_document;
select portal_search_rebuild();
select gin_clean_pending_list('search_document_gin_idx'::regclass);
analyze search_document;
`,
  );
}

const ALL_KINDS = ['meeting', 'agenda-item', 'report', 'minute', 'decision', 'person', 'recommendation', 'response', 'plan-action', 'indicator', 'body'];
const OLD_KINDS = ALL_KINDS.slice(0, 6);

/** The refresh of migration 1560 for the first six kinds (the person's changed), and the five new kinds. */
export const REFRESH = `
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
    -- One display name; the honorific, initials and printed forms find the person but are never shown.
    insert into search_document (kind, record_id, title, body, terms, meeting_id, body_id, date)
    select 'person', p.id,
           portal_search_clean(concat_ws(' ', coalesce(p.given_name, nullif(array_to_string(p.initials, ' '), '')), p.family_name)),
           portal_search_clean(concat_ws(', ', case p.kind when 'member' then 'Councillor' when 'officer' then 'Officer' end, p.job_title)),
           portal_search_clean(concat_ws(' ', p.honorific, case when p.kind = 'member' then 'Councillor Cllr' end,
             array_to_string(p.initials, ' '), array_to_string(p.post_nominals, ' '),
             (select string_agg(pa.printed, ' ') from person_alias pa where pa.person_id = p.id))),
           null, null, null
      from person p where p.id = portal_search_refresh.id;
  elsif doc_kind = 'body' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date, link_id)
    select 'body', b.id, portal_search_clean(b.name), portal_search_clean(b.terms_of_reference), null, b.id, null, b.slug
      from body b where b.id = portal_search_refresh.id;
  elsif doc_kind = 'recommendation' then
    -- Public once published: the rule of the public scrutiny pages.
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date, link_id)
    select 'recommendation', r.id, portal_search_clean('Recommendation ' || r.number || ': ' || i.title),
           portal_search_clean(concat_ws(E'\\n', r.text, r.context, r.addressee)), i.meeting_id, i.body_id, m.date, r.id
      from scrutiny_recommendation r join scrutiny_item i on i.id = r.item_id join meeting m on m.id = i.meeting_id
     where r.id = portal_search_refresh.id and r.published;
  elsif doc_kind = 'response' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date, link_id)
    select 'response', s.id, portal_search_clean('Response to recommendation ' || r.number || ': ' || i.title),
           portal_search_clean(concat_ws(E'\\n', s.text, s.responder_printed)), i.meeting_id, i.body_id, coalesce(s.response_date, m.date), r.id
      from scrutiny_response s join scrutiny_recommendation r on r.id = s.recommendation_id
      join scrutiny_item i on i.id = r.item_id join meeting m on m.id = i.meeting_id
     where s.id = portal_search_refresh.id and r.published;
  elsif doc_kind = 'plan-action' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date, link_id, link_ref)
    select 'plan-action', a.id, portal_search_clean(left(split_part(a.text, E'\\n', 1), 300)),
           portal_search_clean(concat_ws(E'\\n', a.text, a.joint_with, p.title)), null, p.owner_body_id, null, p.slug, a.ref
      from plan_action a join plan p on p.id = a.plan_id where a.id = portal_search_refresh.id;
  elsif doc_kind = 'indicator' then
    insert into search_document (kind, record_id, title, body, meeting_id, body_id, date, link_id)
    select 'indicator', x.id, portal_search_clean(x.name), portal_search_clean(concat_ws(E'\\n', x.definition, x.impact)), null, null, null, x.slug
      from indicator x where x.id = portal_search_refresh.id;
  end if;
end $$;

create or replace function portal_search_rebuild() returns void language plpgsql as $$
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
    select 'person', id from person union all
    select 'body', id from body union all
    select 'recommendation', id from scrutiny_recommendation union all
    select 'response', id from scrutiny_response union all
    select 'plan-action', id from plan_action union all
    select 'indicator', id from indicator
  loop
    perform portal_search_refresh(rec.k, rec.id);
  end loop;
end $$;

-- The new kinds' triggers: a record, and what its index row is built from (a recommendation's item, its
-- publication; a response's recommendation; an action's plan).
create function portal_search_on_scrutiny() returns trigger language plpgsql as $$
declare
  row_data jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  item record;
begin
  if tg_argv[0] = 'recommendation' then
    perform portal_search_refresh('recommendation', row_data ->> 'id');
    for item in select id from scrutiny_response where recommendation_id = row_data ->> 'id' loop
      perform portal_search_refresh('response', item.id);
    end loop;
  elsif tg_argv[0] = 'response' then
    perform portal_search_refresh('response', row_data ->> 'id');
  elsif tg_argv[0] = 'item' then
    for item in select id from scrutiny_recommendation where item_id = row_data ->> 'id' loop
      perform portal_search_refresh('recommendation', item.id);
    end loop;
    for item in select s.id from scrutiny_response s join scrutiny_recommendation r on r.id = s.recommendation_id where r.item_id = row_data ->> 'id' loop
      perform portal_search_refresh('response', item.id);
    end loop;
  elsif tg_argv[0] = 'plan-action' then
    perform portal_search_refresh('plan-action', row_data ->> 'id');
  elsif tg_argv[0] = 'plan' then
    for item in select id from plan_action where plan_id = row_data ->> 'id' loop perform portal_search_refresh('plan-action', item.id); end loop;
  elsif tg_argv[0] = 'indicator' then
    perform portal_search_refresh('indicator', row_data ->> 'id');
  elsif tg_argv[0] = 'body' then
    perform portal_search_refresh('body', row_data ->> 'id');
  end if;
  return null;
end $$;
`;

const WATCHED: Array<[table: string, kind: string]> = [
  ['scrutiny_recommendation', 'recommendation'],
  ['scrutiny_response', 'response'],
  ['scrutiny_item', 'item'],
  ['plan_action', 'plan-action'],
  ['plan', 'plan'],
  ['indicator', 'indicator'],
  ['body', 'body'],
];

// Updates only: a plan's or item's insert has no actions or recommendations yet, and their deletes cascade to rows
// whose own triggers remove them.
const TRIGGERS = WATCHED.map(([table, kind]) => {
  const events = kind === 'plan' || kind === 'item' ? 'update' : 'insert or update or delete';
  return `create trigger ${table}_search_kinds after ${events} on ${table} for each row execute function portal_search_on_scrutiny('${kind}');`;
}).join('\n');

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
${WATCHED.map(([table]) => `drop trigger if exists ${table}_search_kinds on ${table};`).join('\n')}
drop function if exists portal_search_on_scrutiny();
delete from search_document where kind not in (${OLD_KINDS.map((kind) => `'${kind}'`).join(', ')});
drop index if exists search_document_title_trgm_idx;
drop index if exists search_document_recent_idx;
alter table search_document drop column document;
alter table search_document drop column terms;
alter table search_document drop column link_id;
alter table search_document drop column link_ref;
alter table search_document add column document tsvector generated always as (
  setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
) stored;
create index search_document_gin_idx on search_document using gin (document);
alter table search_document drop constraint if exists search_document_kind_check;
alter table search_document add constraint search_document_kind_check check (kind in (${OLD_KINDS.map((kind) => `'${kind}'`).join(', ')}));
drop extension if exists pg_trgm;
`,
  );
  // Migration 1560's refresh and 0400's rebuild, as they were.
  await runSqlScript(db, SEARCH_FROM_VIEWS.split('-- Everything a meeting')[0]!);
  const rebuild = REFRESH_FUNCTIONS.slice(
    REFRESH_FUNCTIONS.indexOf('create function portal_search_rebuild'),
    REFRESH_FUNCTIONS.indexOf('create function portal_search_on_change'),
  );
  await runSqlScript(db, rebuild.replace('create function', 'create or replace function'));
  await rebuildIndex(db);
}
