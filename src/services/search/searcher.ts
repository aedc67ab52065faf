/**
 * searcher: runs a validated search for the public. The index holds only public records (migrations
 * 20261125_0400, 20261207_1560 and 20261207_2701), so nothing here needs to filter them; this layer takes the
 * honorifics out of the words, resolves the body, works out the page, and when nothing matches tries the nearest
 * spelling of the words ("Did you mean").
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { searchDocuments, suggestWords, type SearchHitRow, type SearchPage } from '../../db/queries/portal/search.ts';
import { findBodyBySlug } from '../../db/queries/portal/bodies.ts';
import { spellableWords, withCorrections, withoutHonorifics } from '../../domain/search/query-words.ts';
import { SEARCH_PAGE_SIZE, type SearchQuery } from './search-query.ts';

export interface SearchOutcome {
  query: SearchQuery;
  /** False when there were no words to search for: the page shows the form only. */
  searched: boolean;
  /** Matches counted, at most the index's cap (see `capped`). */
  total: number;
  /** True when there are more matches than were counted. */
  capped: boolean;
  page: number;
  pageCount: number;
  pageSize: number;
  hits: SearchHitRow[];
  /**
   * Set when the words as typed matched nothing and the nearest spelling did: the words searched instead, whose
   * results these are.
   */
  correctedTo?: string;
  /** Set when the body named in the filter does not exist. */
  unknownBody?: boolean;
}

export interface SearcherProps {
  db: Kysely<Database>;
  query: SearchQuery;
}

export async function searcher({ db, query }: SearcherProps): Promise<SearchOutcome> {
  const page = query.page ?? 1;
  const empty = { query, searched: false, total: 0, capped: false, page, pageCount: 0, pageSize: SEARCH_PAGE_SIZE, hits: [] };
  if (!query.q) return empty;
  let bodyId: string | undefined;
  if (query.body) {
    const body = await findBodyBySlug(db, query.body);
    if (!body) return { ...empty, searched: true, unknownBody: true };
    bodyId = body.id;
  }
  const run = (text: string): Promise<SearchPage> =>
    searchDocuments(db, {
      text,
      ...(query.kind.length ? { kinds: query.kind } : {}),
      ...(bodyId ? { bodyId } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      limit: SEARCH_PAGE_SIZE,
      offset: (page - 1) * SEARCH_PAGE_SIZE,
    });
  const text = withoutHonorifics(query.q);
  let result = await run(text);
  let correctedTo: string | undefined;
  if (result.total === 0) {
    const corrections = await suggestWords(db, spellableWords(text));
    if (corrections.size > 0) {
      const corrected = withCorrections(text, corrections);
      const retried = await run(corrected);
      if (retried.total > 0) {
        result = retried;
        correctedTo = corrected;
      }
    }
  }
  return {
    query,
    searched: true,
    total: result.total,
    capped: result.capped,
    page,
    pageCount: Math.ceil(result.total / SEARCH_PAGE_SIZE),
    pageSize: SEARCH_PAGE_SIZE,
    hits: result.hits,
    ...(correctedTo ? { correctedTo } : {}),
  };
}
