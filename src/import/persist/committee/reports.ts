/** Reports a paper holds, each linked to the agenda item it was written for when that item is known. */
import { stableId } from '../../../domain/stable-id.ts';
import type { ReportRecord } from '../../types.ts';
import { sourceOf } from '../context.ts';
import { meetingKey } from './known.ts';
import type { FileScope } from './scope.ts';

export function recordReport(scope: FileScope, report: ReportRecord, bodyId: (printed: string) => string): void {
  const { ctx, batch, known } = scope;
  const firstTo = report.to[0];
  const id = stableId('report', ctx.authorityName, report.subject, firstTo?.bodyName, firstTo?.date ?? report.date);
  batch.add('report', {
    id,
    authority_id: ctx.authorityId,
    subject: report.subject,
    by_text: report.by,
    to_text: report.to.map((to) => [to.bodyName, to.date].filter(Boolean).join(' – ')),
    report_date: report.date ?? firstTo?.date ?? null,
    classification: report.classification ?? null,
    exempt: report.exempt,
    summary: report.summary ?? null,
    recommendations: report.recommendations ?? null,
    contact: report.contact ?? null,
    background_documents: report.backgroundDocuments ?? null,
    full_text: report.fullText,
    ...sourceOf(ctx, report),
  });
  for (const to of report.to) {
    if (!to.date) continue;
    const meeting = known.meetings.get(meetingKey(bodyId(to.bodyName), to.date));
    if (!meeting) continue;
    const item = (known.agendaItems.get(meeting.id) ?? []).find((candidate) => titlesMatch(candidate.title, report.subject));
    if (!item || item.report_id) continue;
    item.report_id = id;
    if (item.row) item.row.report_id = id;
    else batch.linkReport(item.id, id);
  }
}

function normaliseTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Titles are printed slightly differently in an agenda and on a report: compare their words. */
export function titlesMatch(a: string, b: string): boolean {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  if (!x || !y) return false;
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const wordsA = new Set(x.split(' ').filter((w) => w.length > 3));
  const wordsB = y.split(' ').filter((w) => w.length > 3);
  if (wordsA.size === 0 || wordsB.length === 0) return false;
  const shared = wordsB.filter((w) => wordsA.has(w)).length;
  return shared / Math.max(wordsA.size, wordsB.length) >= 0.7;
}
