/**
 * The language a public page is shown in (issue 19, item 8): English or Welsh. The interface is translated; the
 * records stay in the language they were written in.
 *
 * Chosen by `?lang=cy` (a shareable URL, and the GOV.UK language switch's links), remembered in the `quorum_lang`
 * cookie, English otherwise. Resolved once per request, before the page cache looks (src/http/page-cache.ts), so
 * the cache key names the language and an English page is never served to a Welsh request or the reverse. The
 * language is also held for the request's asynchronous work (currentLanguage), so presenters format dates and
 * words in it without every function passing it on.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../domain/language.ts';

export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../domain/language.ts';

/** The query parameter that chooses a language, and the cookie that remembers it. */
export const LANGUAGE_PARAMETER = 'lang';
export const LANGUAGE_COOKIE = 'quorum_lang';
/** A year: a visitor who chose Welsh keeps it. */
const COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

declare module 'fastify' {
  interface FastifyRequest {
    /** The interface language of this request's page (src/http/language.ts). */
    language: Language;
  }
}

/** The value of the language cookie in a Cookie header, if it names a language. */
export function languageCookieOf(cookieHeader: string | undefined): Language | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LANGUAGE_COOKIE && isLanguage(value)) return value;
  }
  return undefined;
}

/** The language a URL's query asks for (`?lang=cy`), if it names one; an unknown value is ignored. */
export function languageParameterOf(url: string): Language | undefined {
  const question = url.indexOf('?');
  if (question < 0) return undefined;
  const value = new URLSearchParams(url.slice(question + 1)).get(LANGUAGE_PARAMETER);
  return isLanguage(value) ? value : undefined;
}

const storage = new AsyncLocalStorage<Language>();

/** The language of the request being served (English outside one: the command line, exports, feeds' tests). */
export function currentLanguage(): Language {
  return storage.getStore() ?? DEFAULT_LANGUAGE;
}

/** Runs fn with language as the current one (tests, and anything rendering outside a request). */
export function withLanguage<T>(language: Language, fn: () => T): T {
  return storage.run(language, fn);
}

/** `Set-Cookie` value remembering a language. */
function languageCookie(language: Language): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
}

/**
 * Resolves every request's language before any other hook (register on the root instance before the features).
 * A `?lang=` that differs from the cookie sets the cookie: that one answer is the visitor's own and is not cached
 * (the page cache keeps no page that sets a cookie); every later one is.
 */
export function useLanguage(app: FastifyInstance): void {
  app.decorateRequest('language', DEFAULT_LANGUAGE);
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const chosen = languageParameterOf(request.url);
    const remembered = languageCookieOf(request.headers.cookie);
    const language = chosen ?? remembered ?? DEFAULT_LANGUAGE;
    request.language = language;
    reply.header('content-language', language);
    if (chosen && chosen !== remembered) reply.header('set-cookie', languageCookie(chosen));
    // The rest of the request (hooks, handler, presenters) runs inside this call, so it sees the language.
    storage.run(language, done);
  });
}
