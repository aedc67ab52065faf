/** The search page's view model: the form's values, the hits with safe highlighted HTML, and pagination. */
import type { SearchHitRow } from '../../../db/queries/portal/search.ts';
import type { SearchOutcome } from '../../../services/search/searcher.ts';
import { SEARCH_KINDS, type SearchQuery } from '../../../services/search/search-query.ts';
import { formatShortDate } from '../../meetings/presenters/meeting.ts';
import { linkTo } from '../../../http/routes.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { highlightHeadline, plainHeadline } from './highlight.ts';
import { agendaItemAnchor, committeeHref, decisionHref, meetingHref, minuteAnchor, personHref, reportHref } from './links.ts';

const KIND_LABELS: Record<SearchHitRow['kind'], string> = {
  meeting: 'Meeting',
  'agenda-item': 'Agenda item',
  report: 'Report',
  minute: 'Minute',
  decision: 'Decision',
  person: 'Person',
  body: 'Committee',
  recommendation: 'Scrutiny recommendation',
  response: 'Response to a recommendation',
  'plan-action': 'Improvement plan action',
  indicator: 'Indicator',
};

export interface SearchHitView {
  kind: string;
  href: string;
  titleHtml: string;
  snippetHtml: string;
  meta: string[];
}

export interface SearchPageView {
  values: { q: string; kind: string[]; body: string; from: string; to: string };
  kinds: Array<{ value: string; text: string; checked: boolean }>;
  bodies: Array<{ value: string; text: string; selected: boolean }>;
  searched: boolean;
  summary?: string;
  /** When the words as typed found nothing and a nearer spelling did: what was searched instead, and a link to it. */
  corrected?: { text: string; href: string; original: string };
  hits: SearchHitView[];
  pagination?: { previous?: { href: string }; next?: { href: string }; items: Array<{ number: number; href: string; current: boolean } | { ellipsis: true }> };
}

function hitHref(hit: SearchHitRow): string {
  const meeting = hit.meeting_id && hit.meeting_date ? { id: hit.meeting_id, date: hit.meeting_date, body_slug: hit.body_slug } : undefined;
  switch (hit.kind) {
    case 'meeting':
      return meetingHref({ id: hit.record_id, date: hit.date ?? '', body_slug: hit.body_slug });
    case 'agenda-item':
      return meeting ? `${meetingHref(meeting)}#${agendaItemAnchor(hit.agenda_item_number ?? '')}` : linkTo('search');
    case 'minute':
      return meeting ? `${meetingHref(meeting)}#${minuteAnchor(hit.minute_number ?? '')}` : linkTo('search');
    case 'report':
      return reportHref(hit.record_id, hit.title);
    case 'decision':
      return decisionHref(hit.record_id, hit.title);
    case 'person':
      return personHref(hit.record_id, hit.title);
    case 'body':
      return committeeHref(hit.link_id ?? '');
    case 'recommendation':
    case 'response':
      return linkTo('scrutiny.recommendation', { id: hit.link_id ?? hit.record_id });
    case 'plan-action':
      return linkTo('plan.action', { plan: hit.link_id ?? '', ref: hit.link_ref ?? '' });
    case 'indicator':
      return linkTo('indicator.show', { indicator: hit.link_id ?? '' });
  }
}

export function searchPageHref(query: SearchQuery, page: number): string {
  const params = new URLSearchParams();
  params.set('q', query.q);
  appendFilters(params, query, page);
  return `${linkTo('search')}?${params.toString()}`;
}

function appendFilters(params: URLSearchParams, query: SearchQuery, page: number): void {
  for (const kind of query.kind) params.append('kind', kind);
  if (query.body) params.set('body', query.body);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (page > 1) params.set('page', String(page));
}

/** The same search (filters kept, first page) for other words: the "Did you mean" link. */
function searchForHref(query: SearchQuery, text: string): string {
  const params = new URLSearchParams();
  params.set('q', text);
  appendFilters(params, query, 1);
  return `${linkTo('search')}?${params.toString()}`;
}

function pagination(outcome: SearchOutcome): SearchPageView['pagination'] {
  if (outcome.pageCount <= 1) return undefined;
  const { page, pageCount, query } = outcome;
  const items: NonNullable<SearchPageView['pagination']>['items'] = [];
  for (let number = 1; number <= pageCount; number++) {
    if (number === 1 || number === pageCount || Math.abs(number - page) <= 1)
      items.push({ number, href: searchPageHref(query, number), current: number === page });
    else if (!('ellipsis' in (items[items.length - 1] ?? {}))) items.push({ ellipsis: true });
  }
  return {
    ...(page > 1 ? { previous: { href: searchPageHref(query, page - 1) } } : {}),
    ...(page < pageCount ? { next: { href: searchPageHref(query, page + 1) } } : {}),
    items,
  };
}

/** The raw request values, so a form with errors shows what the user typed. */
export interface RawSearchValues {
  q: string;
  kind: string[];
  body: string;
  from: string;
  to: string;
}

export function presentSearchPage(outcome: SearchOutcome | undefined, raw: RawSearchValues, bodies: Array<{ slug: string; name: string }>): SearchPageView {
  const hits = (outcome?.hits ?? []).map((hit) => {
    const meta = [t(`searchKind.${hit.kind}`, { defaultValue: KIND_LABELS[hit.kind] })];
    if (hit.body_name && hit.kind !== 'meeting') meta.push(hit.body_name);
    if (hit.date) meta.push(formatShortDate(hit.date));
    const snippetHtml = highlightHeadline(hit.snippet);
    return {
      kind: hit.kind,
      href: hitHref(hit),
      titleHtml: highlightHeadline(hit.kind === 'meeting' && hit.date ? `${hit.title_snippet}, ${formatShortDate(hit.date)}` : hit.title_snippet),
      // A snippet that only repeats the title says nothing more.
      snippetHtml: plainHeadline(hit.snippet) === plainHeadline(hit.title_snippet) ? '' : snippetHtml,
      meta,
    };
  });
  let summary: string | undefined;
  if (outcome?.searched) {
    if (outcome.unknownBody) summary = t('search.unknownBody');
    else if (outcome.total === 0) summary = t('search.noResults', { q: outcome.query.q });
    else {
      const first = (outcome.page - 1) * outcome.pageSize + 1;
      const last = first + outcome.hits.length - 1;
      const words = outcome.correctedTo ?? outcome.query.q;
      const howMany = outcome.capped
        ? t('search.moreThan', { formatted: formatNumber(outcome.total) })
        : t('search.count', { count: outcome.total, formatted: formatNumber(outcome.total) });
      const shown =
        outcome.hits.length === 0
          ? ''
          : outcome.pageCount > 1 || outcome.capped
            ? t('search.showing', { first: formatNumber(first), last: formatNumber(last) })
            : '';
      summary = t('search.summary', { howMany, words, shown });
    }
  }
  const pages = outcome ? pagination(outcome) : undefined;
  return {
    values: raw,
    kinds: SEARCH_KINDS.map((kind) => ({
      value: kind.value,
      text: t(`searchKinds.${kind.value}`, { defaultValue: kind.label }),
      checked: raw.kind.includes(kind.value),
    })),
    bodies: [
      { value: '', text: t('search.allCommittees'), selected: !raw.body },
      ...bodies.map((body) => ({ value: body.slug, text: body.name, selected: raw.body === body.slug })),
    ],
    searched: Boolean(outcome?.searched),
    ...(summary ? { summary } : {}),
    ...(outcome?.correctedTo
      ? { corrected: { text: outcome.correctedTo, href: searchForHref(outcome.query, outcome.correctedTo), original: outcome.query.q } }
      : {}),
    hits,
    ...(pages ? { pagination: pages } : {}),
  };
}
