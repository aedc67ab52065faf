/** View models of the decisions register and of one decision. */
import type { DecisionRegisterRow, findDecision } from '../../../db/queries/portal/decisions.ts';
import { formatDate, formatShortDate, paragraphs } from '../../meetings/presenters/meeting.ts';
import { committeeHref, decisionHref, meetingHref, minuteAnchor, personHref, reportHref } from './links.ts';
import { displayName } from './names.ts';
import { t } from '../../i18n/index.ts';

export interface DecisionSummaryView {
  /** "Resolution" or "Decision", in the page's language. */
  kind: string;
  subject: string;
  href: string;
  date: string;
  maker: string;
  makerHref?: string;
  tags: string[];
  text: string;
}

function truncate(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length).replace(/\s+\S*$/, '')}…`;
}

/** A resolution in draft minutes: it stands only once a later meeting approves the minutes. */
export const PROVISIONAL = 'Provisional: draft minutes';

export function presentDecisionSummary(row: DecisionRegisterRow): DecisionSummaryView {
  const person = displayName(row);
  const tags = [
    ...(row.provisional ? [t('decisions.provisional', { defaultValue: PROVISIONAL })] : []),
    ...(row.is_key ? [t('decisions.keyDecision')] : []),
    ...(row.is_urgent ? [t('decisions.urgentTag')] : []),
  ];
  if (row.kind === 'resolution') {
    const meeting = { id: row.meeting_id ?? '', date: row.date, body_slug: row.body_slug };
    return {
      kind: t('decisions.resolution'),
      subject: row.subject,
      href: `${meetingHref(meeting)}#${minuteAnchor(row.minute_number ?? '')}`,
      date: formatShortDate(row.date),
      maker: row.body_name ?? t('person.notRecorded'),
      ...(row.body_slug ? { makerHref: committeeHref(row.body_slug) } : {}),
      tags,
      text: truncate(row.text, 240),
    };
  }
  const maker = [person, row.maker_role].filter(Boolean).join(', ') || row.body_name || t('person.notRecorded');
  const makerHref = person && row.maker_person_id ? personHref(row.maker_person_id, person) : row.body_slug ? committeeHref(row.body_slug) : undefined;
  return {
    kind: t('decisions.one'),
    subject: row.subject,
    href: decisionHref(row.id, row.subject),
    date: formatShortDate(row.date),
    maker,
    ...(makerHref ? { makerHref } : {}),
    tags,
    text: truncate(row.text, 240),
  };
}

type DecisionRecord = NonNullable<Awaited<ReturnType<typeof findDecision>>>;

export function presentDecision(row: DecisionRecord) {
  const person = displayName(row);
  const details: Array<{ key: string; value: string; href?: string }> = [{ key: t('meetings.date'), value: formatDate(row.decision_date) }];
  if (person && row.person_id)
    details.push({ key: t('decisions.maker'), value: [person, row.decision_maker_role].filter(Boolean).join(', '), href: personHref(row.person_id, person) });
  else if (row.decision_maker_role) details.push({ key: t('decisions.maker'), value: row.decision_maker_role });
  if (row.body_name && row.body_slug) details.push({ key: t('meeting.body'), value: row.body_name, href: committeeHref(row.body_slug) });
  details.push({ key: t('decisions.keyDecision'), value: row.is_key ? t('common.yes') : t('common.no') });
  details.push({ key: t('decisions.urgentTag'), value: row.is_urgent ? t('common.yes') : t('common.no') });
  if (row.record_number) details.push({ key: t('decisions.recordNumber'), value: row.record_number });
  if (row.report_id && row.report_subject)
    details.push({ key: t('report.caption'), value: row.report_subject, href: reportHref(row.report_id, row.report_subject) });
  return {
    title: row.subject,
    details,
    text: paragraphs(row.text),
    urgencyReason: paragraphs(row.urgency_reason),
  };
}
