/**
 * View models of the import review: the list of papers with their outcome, and one paper's text beside its records,
 * each record with its lines, its "to check" reason and the natural key a correction of it is stored under.
 */
import type { PaperReview, ImportedPaperRow } from '../../../db/queries/import-review.ts';
import type { Correction } from '../../../domain/import-review/corrections.ts';
import { printedNameKey, voteKey } from '../../../domain/import-review/corrections.ts';
import { attendanceToCheck, minuteToCheck, voteToCheck } from '../../../domain/import-review/evidence.ts';
import { linkTo } from '../../../http/routes.ts';
import { longDate, stamp } from '../presenters.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Imported with counts, or partly understood when the importer reported problems. */
export function presentPaperRow(row: ImportedPaperRow) {
  const found = [
    row.meetings && plural(row.meetings, 'meeting'),
    row.attendance && `${row.attendance} attendance`,
    row.minutes && plural(row.minutes, 'minute'),
    row.declarations && plural(row.declarations, 'declaration'),
    row.vote_events && plural(row.vote_events, 'recorded vote'),
    row.reports && plural(row.reports, 'report'),
    row.decisions && plural(row.decisions, 'decision'),
  ].filter(Boolean);
  const partly = row.errors + row.warnings > 0;
  return {
    ...row,
    href: linkTo('admin.paper', { id: row.id }),
    importedAt: stamp(row.imported_at),
    outcome: partly ? 'Partly understood' : 'Imported',
    outcomeTag: partly ? 'govuk-tag--yellow' : 'govuk-tag--green',
    found: found.length ? found.join(', ') : 'no committee records (other records only)',
    problems: [row.errors && plural(row.errors, 'error'), row.warnings && plural(row.warnings, 'warning')].filter(Boolean).join(', '),
  };
}

type Span = { source_line_from: number | null; source_line_to: number | null };

const lines = (span: Span) =>
  span.source_line_from === null
    ? undefined
    : { from: span.source_line_from, to: span.source_line_to ?? span.source_line_from, href: `#L${span.source_line_from}` };

/** `names`: the names of the people that name-link corrections point to, by id. */
export function presentReview(review: PaperReview, corrections: Array<Correction & { id: string }>, names: ReadonlyMap<string, string>) {
  const sourceId = review.source.id;
  const issueLines = review.issues.flatMap((issue) => (issue.line === null ? [] : [issue.line]));
  const hasIssue = (span: Span) =>
    span.source_line_from !== null && issueLines.some((line) => line >= span.source_line_from! && line <= (span.source_line_to ?? span.source_line_from!));
  const correct = (query: Record<string, string>) => `${linkTo('admin.paper.correct', { id: sourceId })}?${new URLSearchParams(query).toString()}`;

  const meetings = review.meetings.map((meeting) => {
    const at = { body: meeting.body_name, date: meeting.date };
    const minutes = review.minutes.filter((minute) => minute.meeting_id === meeting.id);
    const ordinals = new Map<string, number>();
    return {
      ...meeting,
      title: `${meeting.body_name}, ${longDate(meeting.date)}`,
      anchor: `meeting-${meeting.id}`,
      lines: lines(meeting),
      addApology: correct({ kind: 'apology', ...at }),
      attendance: review.attendance
        .filter((entry) => entry.meeting_id === meeting.id)
        .map((entry) => ({
          ...entry,
          lines: lines(entry),
          toCheck: attendanceToCheck({ printed_name: entry.printed_name, issueOnLines: hasIssue(entry) }),
          correct: correct({ kind: 'person-link', ...at, key: printedNameKey(entry.printed_name), printed: entry.printed_name }),
        })),
      declarations: review.declarations.filter((entry) => entry.meeting_id === meeting.id).map((entry) => ({ ...entry, lines: lines(entry) })),
      minutes: minutes.map((minute, index) => ({
        ...minute,
        anchor: `minute-${minute.id}`,
        lines: lines(minute),
        excerpt: minute.text.length > 300 ? `${minute.text.slice(0, 297)}...` : minute.text,
        motions: review.motions.filter((motion) => motion.minute_id === minute.id),
        toCheck: minuteToCheck({
          text: minute.text,
          title: minute.title,
          lineFrom: minute.source_line_from,
          lineTo: minute.source_line_to,
          issueOnLines: hasIssue(minute),
        }),
        split: correct({ kind: 'minute-split', ...at, key: minute.number }),
        mergeInto: index > 0 ? minutes[index - 1]!.number : undefined,
        merge: { bodyName: meeting.body_name, meetingDate: meeting.date, recordKey: minute.number },
      })),
      voteEvents: review.voteEvents
        .filter((event) => event.meeting_id === meeting.id)
        .map((event) => {
          const ordinal = (ordinals.get(event.minute_number ?? '') ?? 0) + 1;
          ordinals.set(event.minute_number ?? '', ordinal);
          return {
            ...event,
            lines: lines(event),
            toCheck: voteToCheck(event),
            correct: correct({ kind: 'vote-count', ...at, key: voteKey(event.minute_number, ordinal) }),
          };
        }),
    };
  });
  return {
    source: { ...review.source, importedAt: stamp(review.source.imported_at) },
    lines: (review.lines ?? []).map((text, index) => ({ number: index + 1, text })),
    hasText: review.lines !== undefined,
    issues: review.issues,
    checked: review.checked ? { by: review.checked.checked_by, at: stamp(review.checked.created_at) } : undefined,
    meetings,
    corrections: corrections.map((correction) => ({
      ...correction,
      describe: describeCorrection(correction, names),
      remove: linkTo('admin.paper.correction.remove', { id: sourceId, correctionId: correction.id }),
    })),
  };
}

function describeCorrection(correction: Correction, names: ReadonlyMap<string, string>): string {
  const at = `${correction.bodyName}, ${longDate(correction.meetingDate)}`;
  const value = correction.value as Record<string, unknown>;
  switch (correction.kind) {
    case 'person-link':
      return `${at}: "${correction.recordKey}" is ${names.get(String(value.personId)) ?? String(value.personId)}`;
    case 'vote-count':
      return `${at}: recorded vote ${correction.recordKey.replace('#', ', vote ')} counted ${value.for} for, ${value.against} against, ${value.abstain} abstaining`;
    case 'apology':
      return `${at}: apologies from ${value.printed}`;
    case 'minute-merge':
      return `${at}: minute ${correction.recordKey} joined to the minute before it`;
    case 'minute-split':
      return `${at}: minute ${correction.recordKey} split at line ${value.line} into minute ${value.number}, "${value.title}"`;
  }
}
