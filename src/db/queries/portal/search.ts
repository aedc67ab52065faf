/**
 * Full-text search over search_document (migrations 20261125_0400 and 20261207_2701): websearch syntax, 'english'
 * stemming, ts_headline snippets for the page shown only. The snippets come back as plain text with \u0002 and
 * \u0003 around each hit; turning those into markup is the presenter's job, after escaping.
 *
 * The cost of a search must not grow with the archive (issue 23). So:
 * - the matches are counted only up to COUNT_CAP (a bitmap of the GIN index, and at most that many rows read);
 * - when there are at most RANK_ALL_LIMIT matches they are ranked by ts_rank_cd over their stored, weighted
 *   tsvectors (title and names A, text B): the best order, at a bounded cost;
 * - a broader search shows the newest matches first; up to COUNT_CAP matches they are sorted (counting read them all
 *   already), past it they are read in the order of an index on (date desc, kind, record_id) until a page is full
 *   (`walk` below), so its cost depends on how common the words are, not on how many records match: when thousands
 *   of papers name the words, what is recent matters most.
 * Pages go no further than the capped count.
 */
import { sql } from 'kysely';
import type { SearchDocumentKind } from '../../schema/portal.ts';
import type { Db } from '../../types.ts';

export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** Matches counted at most; past it the total is "more than". */
export const COUNT_CAP = 1000;
/** Searches with at most this many matches are ranked by relevance over every match. */
export const RANK_ALL_LIMIT = 300;

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
  link_id: string | null;
  link_ref: string | null;
  agenda_item_number: string | null;
  minute_number: string | null;
  meeting_date: string | null;
  title_snippet: string;
  snippet: string;
}

export interface SearchPage {
  /** Matches counted, at most COUNT_CAP. */
  total: number;
  /** True when there are more than COUNT_CAP matches. */
  capped: boolean;
  hits: SearchHitRow[];
}

const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

const tsquery = (text: string) => sql`websearch_to_tsquery('english', ${text})`;

/**
 * How a query finds its matches: `index` lets the planner take them from a GIN index (all of them, as a bitmap);
 * `walk` tests each row it reads with ts_match_vq, the function behind @@, which no index serves, so a query ordered
 * by date reads search_document_recent_idx (or search_document_kind_recent_idx) newest first and stops when its page
 * is full. The planner takes a bare function for a third of the rows, so it always walks; with @@ it estimated a
 * phrase or several words as rarer than they are (it multiplies the words' frequencies), fetched every match from
 * the GIN index and sorted them all by date, a cost that grew with the archive (issue 23, bench/README.md db-work).
 */
type Access = 'index' | 'walk';

function matching(db: Db, filters: Omit<SearchFilters, 'limit' | 'offset'>, access: Access = 'index') {
  const condition = access === 'index' ? sql<boolean>`document @@ ${tsquery(filters.text)}` : sql<boolean>`ts_match_vq(document, ${tsquery(filters.text)})`;
  let query = db.selectFrom('search_document').where(condition);
  if (filters.kinds && filters.kinds.length > 0) query = query.where('search_document.kind', 'in', filters.kinds);
  if (filters.bodyId) query = query.where('search_document.body_id', '=', filters.bodyId);
  if (filters.from) query = query.where('search_document.date', '>=', filters.from);
  if (filters.to) query = query.where('search_document.date', '<=', filters.to);
  return query;
}

/** How many records match, counting no further than cap + 1. */
export async function countMatches(db: Db, filters: Omit<SearchFilters, 'limit' | 'offset'>, cap = COUNT_CAP): Promise<number> {
  const row = await db
    .selectFrom(
      matching(db, filters)
        .select(sql<number>`1`.as('one'))
        .limit(cap + 1)
        .as('bounded'),
    )
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function ranked(db: Db, filters: SearchFilters, byRelevance: boolean, access: Access) {
  const base = matching(db, filters, access).select(['search_document.kind', 'search_document.record_id']);
  const ordered = byRelevance ? base.orderBy(sql`ts_rank_cd(document, ${tsquery(filters.text)}, 1)`, 'desc') : base;
  return ordered
    .orderBy('search_document.date', (ob) => ob.desc().nullsLast())
    .orderBy('search_document.kind')
    .orderBy('search_document.record_id')
    .limit(filters.limit)
    .offset(filters.offset);
}

/** One page of hits, best first, and how many there are (counted up to COUNT_CAP). */
export async function searchDocuments(db: Db, filters: SearchFilters): Promise<SearchPage> {
  const counted = await countMatches(db, filters);
  const capped = counted > COUNT_CAP;
  const total = Math.min(counted, COUNT_CAP);
  if (total === 0 || filters.offset >= total) return { total, capped, hits: [] };

  // Rank and page with only the keys, then fetch the text and build headlines for just this page: ts_headline
  // re-parses the text, so running it for every match would cost most of a search.
  const byRelevance = counted <= RANK_ALL_LIMIT;
  // Up to the cap every match was read to count it, and sorting them costs no more; past it, walk newest first.
  const page = ranked(db, { ...filters, limit: Math.min(filters.limit, total - filters.offset) }, byRelevance, capped ? 'walk' : 'index').as('page');
  const rows = await db
    .selectFrom(page)
    .innerJoin('search_document as hit', (join) => join.onRef('hit.kind', '=', 'page.kind').onRef('hit.record_id', '=', 'page.record_id'))
    .leftJoin('body', 'body.id', 'hit.body_id')
    .leftJoin('public_agenda_item as hit_item', (join) => join.onRef('hit_item.id', '=', 'hit.record_id').on('hit.kind', '=', 'agenda-item'))
    .leftJoin('public_minute as hit_minute', (join) => join.onRef('hit_minute.id', '=', 'hit.record_id').on('hit.kind', '=', 'minute'))
    .leftJoin('meeting as hit_meeting', 'hit_meeting.id', 'hit.meeting_id')
    .select([
      'hit_item.number as agenda_item_number',
      'hit_minute.number as minute_number',
      'hit_meeting.date as meeting_date',
      'hit.kind',
      'hit.record_id',
      'hit.title',
      'hit.meeting_id',
      'hit.body_id',
      'hit.link_id',
      'hit.link_ref',
      'body.name as body_name',
      'body.slug as body_slug',
      'hit.date',
      sql<string>`ts_headline('english', hit.title, ${tsquery(filters.text)}, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`})`.as(
        'title_snippet',
      ),
      sql<string>`ts_headline('english', hit.body, ${tsquery(filters.text)}, ${HEADLINE_OPTIONS})`.as('snippet'),
    ])
    // The page's own order again, over its rows only (an outer query does not keep a subquery's order).
    .$if(byRelevance, (query) => query.orderBy(sql`ts_rank_cd(hit.document, ${tsquery(filters.text)}, 1)`, 'desc'))
    .orderBy('hit.date', (ob) => ob.desc().nullsLast())
    .orderBy('hit.kind')
    .orderBy('hit.record_id')
    .execute();
  return { total, capped, hits: rows as SearchHitRow[] };
}

/**
 * For each word that alone matches no public record, the most similar word (pg_trgm's similarity, at least 0.3)
 * in up to 100 public titles that hold a word like it, or nothing. Only the search index is read, so nothing private can be suggested.
 */
export async function suggestWords(db: Db, words: string[]): Promise<Map<string, string>> {
  const suggestions = new Map<string, string>();
  if (words.length === 0) return suggestions;
  const result = await sql<{ input: string; word: string | null }>`
    select w.input, best.word
      from unnest(${words}::text[]) as w(input)
      left join lateral (
        select t.word
          -- Any 100 titles holding a word like it (word_similarity at least pg_trgm's 0.6): unordered, so the cost
          -- stays the same however many titles share the word; the best word among them is then chosen.
          from (select d.title from search_document d where w.input <% d.title limit 100) candidates
          cross join lateral regexp_split_to_table(lower(candidates.title), '[^[:alpha:]]+') as t(word)
         where length(t.word) >= 3 and similarity(w.input, t.word) >= 0.3
         order by similarity(w.input, t.word) desc, t.word
         limit 1
      ) best on true
     where not exists (select 1 from search_document d where d.document @@ plainto_tsquery('english', w.input))
  `.execute(db);
  for (const row of result.rows) if (row.word && row.word !== row.input) suggestions.set(row.input, row.word);
  return suggestions;
}

/** The plan PostgreSQL chooses for a search, for the documentation and the index test. */
export async function explainSearch(db: Db, text: string): Promise<string> {
  const result = await sql<{
    'QUERY PLAN': string;
  }>`explain select kind, record_id from search_document where document @@ websearch_to_tsquery('english', ${text})`.execute(db);
  return result.rows.map((row) => row['QUERY PLAN']).join('\n');
}
