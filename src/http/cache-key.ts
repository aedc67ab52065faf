/**
 * The page cache's key for a request: its path and only the query parameters its route reads, in a fixed order.
 * Anything else in the query string (`/meetings?x=1`, tracking tags, a cache-buster) cannot change the page, so it
 * must not make a new entry or a new render (issue 23): every such URL shares the entry of the plain one.
 *
 * A route that reads a parameter must list it here, else pages differing by it would share an entry; the test
 * test/web/page-cache-keys.test.ts fails for any cached route whose handler reads one that is not listed.
 */
import { ROUTES } from './routes.ts';

/** The query parameters each cached route reads; a route not named here reads none. */
export const CACHED_QUERY_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  [ROUTES['meeting.list']]: ['body', 'year', 'month'],
  [ROUTES['decision.list']]: ['body', 'maker', 'from', 'to', 'key', 'urgent', 'page'],
  [ROUTES.search]: ['q', 'kind', 'body', 'from', 'to', 'page'],
};

/**
 * The key of a request for route (its pattern, e.g. "/meetings") at url: the path as requested, then the route's
 * parameters that are present, each with its values in the order given (a repeated `kind` is several values).
 */
export function cacheKeyOf(route: string | undefined, url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const path = url.slice(0, question);
  const known = route ? CACHED_QUERY_PARAMETERS[route] : undefined;
  if (!known) return path;
  const given = new URLSearchParams(url.slice(question + 1));
  const kept = new URLSearchParams();
  for (const name of known) for (const value of given.getAll(name)) kept.append(name, value);
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}
