/** View models for the scrutiny pages: rows in, plain objects with the wording and links the templates show. */
import type { RecommendationListRow } from '../../db/repositories/scrutiny.ts';
import { formatName } from '../../domain/person-name.ts';
import type { ScrutinyStatus } from '../../domain/scrutiny/status.ts';
import { formatShortDate } from '../i18n/dates.ts';
import { linkTo } from '../../http/routes.ts';
import { t } from '../i18n/index.ts';

const TAG_CLASSES: Record<ScrutinyStatus, string> = {
  PENDING: 'govuk-tag--yellow',
  OUTSTANDING: 'govuk-tag--red',
  'TO NOTE ONLY': 'govuk-tag--grey',
  'RESPONSE RECEIVED': 'govuk-tag--blue',
  ACCEPTED: 'govuk-tag--green',
  'PARTIALLY ACCEPTED': 'govuk-tag--turquoise',
  REJECTED: 'govuk-tag--pink',
  IMPLEMENTED: 'govuk-tag--green',
  CLOSED: 'govuk-tag--grey',
};

/** A status in the page's language: the council's own words in English, their Welsh otherwise. */
export function statusLabel(status: ScrutinyStatus): string {
  return t(`scrutinyStatus.${status}`);
}

export function statusTag(status: ScrutinyStatus) {
  return { text: statusLabel(status), classes: TAG_CLASSES[status] };
}

interface NameParts {
  honorific?: string | null;
  given_name?: string | null;
  initials?: string[] | null;
  family_name?: string | null;
  post_nominals?: string[] | null;
}

export function personName(row: NameParts, fallback = ''): string {
  if (!row.family_name) return fallback;
  return formatName({
    honorific: row.honorific ?? undefined,
    givenName: row.given_name ?? undefined,
    initials: row.initials ?? [],
    familyName: row.family_name,
    postNominals: row.post_nominals ?? [],
  });
}

export function presentListRow(row: RecommendationListRow, asAt: string, href: string) {
  const awaiting = row.status === 'PENDING' || row.status === 'OUTSTANDING';
  return {
    id: row.id,
    href,
    itemTitle: row.item_title,
    number: row.number,
    text: row.text ?? t('scrutinyPage.wordsInMinutes'),
    status: statusTag(row.status),
    bodyName: row.body_name,
    meetingDate: formatShortDate(row.meeting_date),
    meetingHref: linkTo('meeting.show', { id: row.meeting_id }),
    dueDate: formatShortDate(row.due_date),
    overdue: awaiting && asAt > row.due_date,
    portfolio:
      row.portfolio_printed ??
      personName({
        honorific: row.holder_honorific,
        given_name: row.holder_given_name,
        initials: row.holder_initials,
        family_name: row.holder_family_name,
        post_nominals: row.holder_post_nominals,
      }),
    responseCount: row.response_count ?? 0,
  };
}
export type RecommendationListItem = ReturnType<typeof presentListRow>;

/** Groups rows by the item they belong to, keeping order. */
export function groupByItem(rows: RecommendationListItem[]) {
  const groups: Array<{
    title: string;
    bodyName: string;
    meetingDate: string;
    meetingHref: string;
    portfolio: string;
    recommendations: RecommendationListItem[];
  }> = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.title === row.itemTitle && last.meetingDate === row.meetingDate) last.recommendations.push(row);
    else
      groups.push({
        title: row.itemTitle,
        bodyName: row.bodyName,
        meetingDate: row.meetingDate,
        meetingHref: row.meetingHref,
        portfolio: row.portfolio,
        recommendations: [row],
      });
  }
  return groups;
}
