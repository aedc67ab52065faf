/**
 * The portal's interface words, in one message catalogue per language (src/web/locales/<language>.json), through
 * i18next. Plurals use the language's CLDR rules (Intl.PluralRules): English has `_one`/`_other`, Welsh
 * `_zero`/`_one`/`_two`/`_few`/`_many`/`_other`. A key missing from a catalogue falls back to English, so a page
 * never shows a raw key; test src/web/i18n/catalogue.test.ts lists the Welsh ones missing.
 *
 * Templates get `t` bound to the request's language (src/server/app.ts); presenters call `t` here, which uses the
 * language of the request being served (src/http/language.ts).
 */
import { createRequire } from 'node:module';
import i18next, { type TOptions } from 'i18next';
import { currentLanguage, LANGUAGES, type Language } from '../../http/language.ts';

export { currentLanguage, type Language } from '../../http/language.ts';

const require = createRequire(import.meta.url);

/** Each language's catalogue as written: nested objects of strings. */
export const CATALOGUES: Readonly<Record<Language, Record<string, unknown>>> = Object.fromEntries(
  LANGUAGES.map((language) => [language, require(`../locales/${language}.json`) as Record<string, unknown>]),
) as Record<Language, Record<string, unknown>>;

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: CATALOGUES[language] }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // Synchronous: the catalogues are in memory, and the first request must not find them missing.
  initAsync: false,
  // Nunjucks escapes what a template prints, and presenters' words go through it too: escaping here would double it.
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
  // One namespace: a colon in a dynamic key (a role "Cabinet Member: Finance") must not be read as one.
  nsSeparator: false,
});

export type Translate = (key: string, options?: TOptions) => string;

const translators = new Map<Language, Translate>(LANGUAGES.map((language) => [language, i18n.getFixedT(language) as unknown as Translate]));

/** The translator for a language: `translatorFor('cy')('nav.meetings')` is "Cyfarfodydd". */
export function translatorFor(language: Language): Translate {
  return translators.get(language)!;
}

/** A word of the interface in the language of the request being served. */
export function t(key: string, options?: TOptions): string {
  return translatorFor(currentLanguage())(key, options);
}

/** Whether a catalogue itself holds key (no fallback): for the tests. */
export function catalogueHas(language: Language, key: string): boolean {
  return i18n.exists(key, { lng: language, fallbackLng: false });
}

interface PaginationLink {
  href: string;
  text?: string;
  labelText?: string;
}
interface Pagination {
  previous?: PaginationLink;
  next?: PaginationLink;
  landmarkLabel?: string;
  [other: string]: unknown;
}

/** GOV.UK pagination's own words ("Previous", "Next", its landmark) in the page's language. */
export function translatePagination(pagination: Pagination | undefined, translate: Translate): Pagination | undefined {
  if (!pagination) return pagination;
  return {
    ...pagination,
    landmarkLabel: pagination.landmarkLabel ?? translate('pagination.label'),
    ...(pagination.previous ? { previous: { text: translate('pagination.previous'), ...pagination.previous } } : {}),
    ...(pagination.next ? { next: { text: translate('pagination.next'), ...pagination.next } } : {}),
  };
}

const NUMBER_FORMATS: Record<Language, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB'),
  cy: new Intl.NumberFormat('cy-GB'),
};

/** A number as the language writes it ("1,234"). */
export function formatNumber(value: number, language: Language = currentLanguage()): string {
  return NUMBER_FORMATS[language].format(value);
}
