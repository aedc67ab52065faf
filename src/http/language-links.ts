/**
 * The links between a page's languages: the language switch in the header and the `hreflang` alternates in <head>.
 * Built from the page's cache key (its path and the parameters its route reads), never the raw URL, so a cached
 * page cannot carry one visitor's stray parameters (a tracking tag) to the next.
 */
import { cacheKeyOf } from './cache-key.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../domain/language.ts';
import { LANGUAGE_PARAMETER } from './language.ts';

export interface LanguageLink {
  language: Language;
  /** The language's name in itself: "Cymraeg". */
  name: string;
  /** This page in that language: "/meetings?year=2011&lang=cy". */
  href: string;
  /** Whether it is the language the page is in. */
  current: boolean;
}

/** This page in each language, the current one marked. */
export function languageLinksOf(route: string | undefined, url: string, current: Language): LanguageLink[] {
  const key = withoutReturnPath(cacheKeyOf(route, url));
  const separator = key.includes('?') ? '&' : '?';
  return LANGUAGES.map((language) => ({
    language,
    name: LANGUAGE_NAMES[language],
    href: `${key}${separator}${LANGUAGE_PARAMETER}=${language}`,
    current: language === current,
  }));
}

/**
 * The sign-in page's return path (`next`) is left out: it is whatever the visitor's link said, possibly another site's
 * address, and the page must not print it back; after switching language the visitor signs in to the home page.
 */
function withoutReturnPath(key: string): string {
  const [path, query] = key.split('?', 2) as [string, string | undefined];
  if (!query) return key;
  const params = new URLSearchParams(query);
  params.delete('next');
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}
