/**
 * Full-text search over search_document (see migration 20261125_0400): websearch syntax, 'english' stemming,
 * ts_rank_cd ranking, ts_headline snippets. The snippets come back as plain text with \u0002 and \u0003 around each
 * hit; turning those into markup is the presenter's job, after escaping.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.ts';
import type { SearchDocumentKind } from '../../schema/portal.ts';

type Db = Kysely<Database>;

export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

export interface SearchFilters {
  text: string;
  kinds?: SearchDocumentKind[];
  bodyId?: string;
  /** Inclusive, 'YYYY-MM-DD'. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface SearchHitRow {
  kind: SearchDocumentKind;
  record_id: string;
  title: string;
  meeting_id: string | null;
  body_id: string | null;
  body_name: string | null;
  body_slug: string | null;
  date: string | null;
  rank: number;
  agenda_item_number: string | null;
  minute_number: string | null;
  meeting_date: string | null;
  title_snippet: string;
  snippet: string;
}

const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

function matching(db: Db, filters: SearchFilters) {
  let query = db
    .selectFrom('search_document')
    .where(sql<boolean>`document @@ websearch_to_tsquery('english', ${filters.text})`);
  if (filters.kinds && filters.kinds.length > 0) query = query.where('search_document.kind', 'in', filters.kinds);
  if (filters.bodyId) query = query.where('search_document.body_id', '=', filters.bodyId);
  if (filters.from) query = query.where('search_document.date', '>=', filters.from);
  if (filters.to) query = query.where('search_document.date', '<=', filters.to);
  return query;
}

/** One page of hits, best first, and how many there are in all. */
export async function searchDocuments(db: Db, filters: SearchFilters): Promise<{ total: number; hits: SearchHitRow[] }> {

  // Rank and page first with only the keys, then fetch the text and build headlines for just this page: carrying every
  // match's text through the sort, or running ts_headline (which re-parses the text) for every match, would cost
  // most of a search that matches thousands of records.
  const ranked = matching(db, filters)
    .select([
      'search_document.kind',
      'search_document.record_id',
      'search_document.date',
      sql<number>`ts_rank_cd(document, websearch_to_tsquery('english', ${filters.text}), 1)`.as('rank'),
      // Counted in the same pass over the matches that ranks them: a separate count read every match a second time.
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('rank', 'desc')
    .orderBy('search_document.date', (ob) => ob.desc().nullsLast())
    .orderBy('search_document.kind')
    .orderBy('search_document.record_id')
    .limit(filters.limit)
    .offset(filters.offset)
    .as('ranked');
  const page = db
    .selectFrom(ranked)
    .innerJoin('search_document as hit', (join) => join.onRef('hit.kind', '=', 'ranked.kind').onRef('hit.record_id', '=', 'ranked.record_id'))
    .select(['ranked.kind', 'ranked.record_id', 'ranked.date', 'ranked.rank', 'ranked.total', 'hit.title', 'hit.body', 'hit.meeting_id', 'hit.body_id'])
    .as('page');

  const rows = await db
    .selectFrom(page)
    .leftJoin('body', 'body.id', 'page.body_id')
    .leftJoin('agenda_item as hit_item', (join) => join.onRef('hit_item.id', '=', 'page.record_id').on('page.kind', '=', 'agenda-item'))
    .leftJoin('minute as hit_minute', (join) => join.onRef('hit_minute.id', '=', 'page.record_id').on('page.kind', '=', 'minute'))
    .leftJoin('meeting as hit_meeting', 'hit_meeting.id', 'page.meeting_id')
    .select([
      'hit_item.number as agenda_item_number',
      'hit_minute.number as minute_number',
      'hit_meeting.date as meeting_date',
      'page.kind',
      'page.record_id',
      'page.title',
      'page.meeting_id',
      'page.body_id',
      'body.name as body_name',
      'body.slug as body_slug',
      'page.date',
      'page.rank',
      'page.total',
      sql<string>`ts_headline('english', page.title, websearch_to_tsquery('english', ${filters.text}), ${`StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`})`.as('title_snippet'),
      sql<string>`ts_headline('english', page.body, websearch_to_tsquery('english', ${filters.text}), ${HEADLINE_OPTIONS})`.as('snippet'),
    ])
    .orderBy('page.rank', 'desc')
    .orderBy('page.date', (ob) => ob.desc().nullsLast())
    .orderBy('page.kind')
    .orderBy('page.record_id')
    .execute();
  if (rows.length === 0) {
    // Past the last page (or nothing matched): the total needs its own count.
    const countRow = await matching(db, filters)
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
      .executeTakeFirst();
    return { total: Number(countRow?.total ?? 0), hits: [] };
  }
  const total = Number(rows[0]!.total);
  return { total, hits: rows.map(({ total: _total, ...row }) => ({ ...row, rank: Number(row.rank) })) as SearchHitRow[] };
}

/** The plan PostgreSQL chooses for a search, for the documentation and the index test. */
export async function explainSearch(db: Db, text: string): Promise<string> {
  const result = await sql<{ 'QUERY PLAN': string }>`explain select kind, record_id from search_document where document @@ websearch_to_tsquery('english', ${text})`.execute(db);
  return result.rows.map((row) => row['QUERY PLAN']).join('\n');
}
