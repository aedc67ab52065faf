/**
 * The page cache's key for a request: its path and only the query parameters its route reads, in a fixed order.
 * Anything else in the query string (`/meetings?x=1`, tracking tags, a cache-buster) cannot change the page, so it
 * must not make a new entry or a new render (issue 23): every such URL shares the entry of the plain one.
 *
 * A listed route that reads a parameter must list it, else pages differing by it would share an entry; the test
 * test/portal/page-cache-traffic.test.ts fails for a portal route whose handler reads one that is not listed.
 */
import { LANGUAGE_PARAMETER, type Language } from './language.ts';
import { ROUTES } from './routes.ts';

/**
 * The query parameters of the routes whose parameters are known: the busiest pages, where stray parameters would
 * otherwise multiply entries. A route named with [] reads none. A route not named here keeps its whole query string
 * (tracking tags aside, in a fixed order): safe by default, so a page that reads a parameter nobody listed (an "as at"
 * date, a year, a period) never shares an entry with a page that differs by it.
 */
export const CACHED_QUERY_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  [ROUTES.home]: [],
  [ROUTES['meeting.list']]: ['body', 'year', 'month'],
  [ROUTES['meeting.show']]: [],
  [ROUTES['committee.list']]: [],
  [ROUTES['committee.show']]: ['before'],
  [ROUTES['person.list']]: ['group', 'ward'],
  [ROUTES['person.show']]: ['from', 'to', 'votes'],
  [ROUTES['decision.list']]: ['body', 'maker', 'from', 'to', 'key', 'urgent', 'page', 'before', 'after'],
  [ROUTES.search]: ['q', 'kind', 'body', 'from', 'to', 'page'],
};

/**
 * The page cache's key: the language first, named explicitly, then the page's key. The language comes from `?lang=`
 * or the language cookie (src/http/language.ts); the cookie is not in the URL, so leaving the language out of the
 * key would serve an English page to a Welsh visitor. `lang` itself is left out of cacheKeyOf's part: it chose the
 * language and changes nothing else.
 */
export function pageCacheKeyOf(route: string | undefined, url: string, language: Language): string {
  return `${language} ${cacheKeyOf(route, url)}`;
}

/** Parameters that only tell analytics where a visitor came from: never part of what a page shows. */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl)$/i;

/**
 * The key of a request for route (its pattern, e.g. "/meetings") at url: the path as requested, then the route's
 * parameters that are present, each with its values in the order given (a repeated `kind` is several values).
 * The language parameter is never part of it (pageCacheKeyOf puts the language first instead).
 */
export function cacheKeyOf(route: string | undefined, url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const path = url.slice(0, question);
  const given = new URLSearchParams(url.slice(question + 1));
  const known = route ? CACHED_QUERY_PARAMETERS[route] : undefined;
  const kept = new URLSearchParams();
  if (known) {
    for (const name of known) for (const value of given.getAll(name)) kept.append(name, value);
  } else {
    const names = [...new Set(given.keys())].filter((name) => !TRACKING.test(name) && name !== LANGUAGE_PARAMETER).sort();
    for (const name of names) for (const value of given.getAll(name)) kept.append(name, value);
  }
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}
