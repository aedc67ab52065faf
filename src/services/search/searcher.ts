/**
 * searcher: runs a validated search for the public. The index holds no exempt information (see migration
 * 20261125_0400), so nothing here needs to filter it; this layer resolves the body and works out the page.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { searchDocuments, type SearchHitRow } from '../../db/queries/portal/search.ts';
import { findBodyBySlug } from '../../db/queries/portal/bodies.ts';
import { SEARCH_PAGE_SIZE, type SearchQuery } from './search-query.ts';

export interface SearchOutcome {
  query: SearchQuery;
  /** False when there were no words to search for: the page shows the form only. */
  searched: boolean;
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  hits: SearchHitRow[];
  /** Set when the body named in the filter does not exist. */
  unknownBody?: boolean;
}

export interface SearcherProps {
  db: Kysely<Database>;
  query: SearchQuery;
}

export async function searcher({ db, query }: SearcherProps): Promise<SearchOutcome> {
  const page = query.page ?? 1;
  const empty = { query, searched: false, total: 0, page, pageCount: 0, pageSize: SEARCH_PAGE_SIZE, hits: [] };
  if (!query.q) return empty;
  let bodyId: string | undefined;
  if (query.body) {
    const body = await findBodyBySlug(db, query.body);
    if (!body) return { ...empty, searched: true, unknownBody: true };
    bodyId = body.id;
  }
  const { total, hits } = await searchDocuments(db, {
    text: query.q,
    ...(query.kind.length ? { kinds: query.kind } : {}),
    ...(bodyId ? { bodyId } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    limit: SEARCH_PAGE_SIZE,
    offset: (page - 1) * SEARCH_PAGE_SIZE,
  });
  return { query, searched: true, total, page, pageCount: Math.ceil(total / SEARCH_PAGE_SIZE), pageSize: SEARCH_PAGE_SIZE, hits };
}
