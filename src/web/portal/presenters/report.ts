/** A public report's page: header facts, summary, recommendations, the text, and where it was considered. */
import type { findPublicReport, reportAgendaItems, reportDecisions } from '../../../db/queries/portal/reports.ts';
import { formatShortDate, paragraphs } from '../../meetings/presenters/meeting.ts';
import { agendaItemAnchor, decisionHref, meetingHref, minuteAnchor } from './links.ts';
import { linkTo } from '../../../http/routes.ts';
import { formatDatesInText } from '../../i18n/dates.ts';

type Report = NonNullable<Awaited<ReturnType<typeof findPublicReport>>>;
type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export function presentReport(report: Report, items: Rows<typeof reportAgendaItems>, decisions: Rows<typeof reportDecisions>) {
  const details: Array<{ key: string; value: string }> = [];
  if (report.report_date) details.push({ key: 'Date', value: formatShortDate(report.report_date) });
  if (report.by_text.length) details.push({ key: 'By', value: report.by_text.join(', ') });
  if (report.to_text.length) details.push({ key: 'To', value: report.to_text.map(formatDatesInText).join(', ') });
  if (report.classification) details.push({ key: 'Classification', value: report.classification });
  return {
    title: report.subject,
    details,
    original:
      report.original_file_sha256 && report.original_filename
        ? {
            href: linkTo('report.original', { id: report.id }),
            text: `Download the report as published (${report.original_media_type === 'application/pdf' ? 'PDF' : 'Word document'}): ${report.original_filename}`,
          }
        : undefined,
    summary: paragraphs(report.summary),
    recommendations: paragraphs(report.recommendations),
    text: paragraphs(report.full_text),
    considered: items.map((item) => {
      const meeting = { id: item.meeting_id, date: item.date, body_slug: item.body_slug };
      return {
        text: `${item.body_name}, ${formatShortDate(item.date)}: agenda item ${item.number}`,
        href: `${meetingHref(meeting)}#${agendaItemAnchor(item.number)}`,
        ...(item.minute_number
          ? { minute: { text: `Minute ${item.minute_number}`, href: `${meetingHref(meeting)}#${minuteAnchor(item.minute_number)}` } }
          : {}),
      };
    }),
    decisions: decisions.map((decision) => ({
      text: `${decision.subject} (${formatShortDate(decision.decision_date)})`,
      href: decisionHref(decision.id, decision.subject),
    })),
  };
}
