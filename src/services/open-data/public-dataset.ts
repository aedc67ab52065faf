/**
 * The public dataset: the Quorum export without exempt information (docs/export.md), made stricter where the open
 * data rule is stricter, then cut into one CSV table per record kind. Pure functions of the export document.
 *
 * The export's `includeExempt: false` leaves out exempt reports and exempt minutes' text; the open data rule also
 * withholds a report carried by an exempt agenda item (an exempt item never shows its report), the text of a
 * minute on an exempt item, and vote events taken on exempt minutes or items (the vote would disclose them).
 */
import type { ExportDocument } from '../export-schema.ts';

export function publicDataset(document: ExportDocument): ExportDocument {
  const exemptItems = new Set(document.meetings.flatMap((meeting) => meeting.agendaItems.filter((item) => item.exempt).map((item) => item.id)));
  const withheldReports = new Set(
    document.meetings.flatMap((meeting) => meeting.agendaItems.filter((item) => item.exempt && item.reportId !== null).map((item) => item.reportId!)),
  );
  const keptReport = (id: string | null) => (id !== null && withheldReports.has(id) ? null : id);
  const meetings = document.meetings.map((meeting) => {
    const privateMinutes = new Set(meeting.minutes.filter((minute) => minute.exempt || (minute.agendaItemId !== null && exemptItems.has(minute.agendaItemId))).map((minute) => minute.id));
    return {
      ...meeting,
      agendaItems: meeting.agendaItems.map((item) => (item.exempt ? { ...item, description: null, reportId: null } : { ...item, reportId: keptReport(item.reportId) })),
      minutes: meeting.minutes.map((minute) => (privateMinutes.has(minute.id) ? { ...minute, text: '', resolutions: [], motions: [] } : minute)),
      voteEvents: meeting.voteEvents.filter((event) => event.minuteId === null || !privateMinutes.has(event.minuteId)),
    };
  });
  return {
    ...document,
    includesExempt: false,
    meetings,
    reports: document.reports.filter((report) => !report.exempt && !withheldReports.has(report.id)),
    decisions: document.decisions.map((decision) => ({ ...decision, reportId: keptReport(decision.reportId) })),
  };
}

export type CsvValue = string | number | boolean | null;
export type CsvRow = Record<string, CsvValue>;

/** A record flattened for a spreadsheet: lists of values joined with "; ", the source reference spread into columns, child lists left to their own tables. */
function flat(record: Record<string, unknown>, extra: CsvRow = {}, children: readonly string[] = []): CsvRow {
  const row: CsvRow = { ...extra };
  for (const [key, value] of Object.entries(record)) {
    if (children.includes(key)) continue;
    if (Array.isArray(value)) {
      if (value.every((item) => item === null || typeof item !== 'object')) row[key] = value.join('; ');
    } else if (value !== null && typeof value === 'object') {
      for (const [subKey, subValue] of Object.entries(value)) row[`${key}${subKey[0]!.toUpperCase()}${subKey.slice(1)}`] = subValue as CsvValue;
    } else if (key === 'source') {
      row.sourceDocumentId = null;
      row.sourceLineFrom = null;
      row.sourceLineTo = null;
    } else {
      row[key] = value as CsvValue;
    }
  }
  return row;
}

/** The tables of the bulk download, by record kind, in a fixed order. */
export function csvTables(document: ExportDocument): Array<{ kind: string; rows: CsvRow[] }> {
  const meetings = document.meetings;
  const perMeeting = <T extends Record<string, unknown>>(pick: (meeting: ExportDocument['meetings'][number]) => T[], children: readonly string[] = []) =>
    meetings.flatMap((meeting) => pick(meeting).map((item) => flat(item, { meetingId: meeting.id }, children)));
  return [
    { kind: 'bodies', rows: document.bodies.map((body) => flat(body)) },
    { kind: 'people', rows: document.people.map((person) => flat(person)) },
    { kind: 'political-groups', rows: document.groups.map((group) => flat(group, {}, ['memberships'])) },
    { kind: 'group-memberships', rows: document.groups.flatMap((group) => group.memberships.map((membership) => flat(membership, { groupId: group.id }))) },
    { kind: 'memberships', rows: document.memberships.map((membership) => flat(membership)) },
    { kind: 'meetings', rows: meetings.map((meeting) => flat(meeting, {}, ['agendaItems', 'attendance', 'declarations', 'minutes', 'voteEvents', 'questions'])) },
    { kind: 'agenda-items', rows: perMeeting((meeting) => meeting.agendaItems) },
    { kind: 'attendance', rows: perMeeting((meeting) => meeting.attendance) },
    { kind: 'declarations', rows: perMeeting((meeting) => meeting.declarations) },
    { kind: 'minutes', rows: perMeeting((meeting) => meeting.minutes, ['resolutions', 'motions']) },
    {
      kind: 'resolutions',
      rows: meetings.flatMap((meeting) => meeting.minutes.flatMap((minute) => minute.resolutions.map((resolution) => flat(resolution, { meetingId: meeting.id, minuteId: minute.id })))),
    },
    { kind: 'vote-events', rows: perMeeting((meeting) => meeting.voteEvents, ['votes']) },
    {
      kind: 'votes',
      rows: meetings.flatMap((meeting) => meeting.voteEvents.flatMap((event) => event.votes.map((vote) => flat(vote, { meetingId: meeting.id, voteEventId: event.id })))),
    },
    { kind: 'questions', rows: perMeeting((meeting) => meeting.questions) },
    { kind: 'reports', rows: document.reports.map((report) => flat(report)) },
    { kind: 'decisions', rows: document.decisions.map((decision) => flat(decision)) },
  ];
}

/** Database rows (snake_case) as CSV rows with the camelCase column names the other tables use. */
function camelRow(row: Record<string, unknown>): CsvRow {
  const out: CsvRow = {};
  for (const [key, value] of Object.entries(row)) {
    const name = key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    out[name] = Array.isArray(value) ? value.join('; ') : value instanceof Date ? value.toISOString() : (value as CsvValue);
  }
  return out;
}

/** The scrutiny, plan and indicator tables of the bulk download (published recommendations only). */
export function accountabilityCsvTables(tables: Record<
  'recommendations' | 'responses' | 'plans' | 'planPriorities' | 'planOutcomes' | 'planActions' | 'planProgressUpdates' | 'indicators' | 'indicatorObservations' | 'indicatorTargets',
  Array<Record<string, unknown>>
>): Array<{ kind: string; rows: CsvRow[] }> {
  return [
    { kind: 'scrutiny-recommendations', rows: tables.recommendations.map(camelRow) },
    { kind: 'scrutiny-responses', rows: tables.responses.map(camelRow) },
    { kind: 'plans', rows: tables.plans.map(camelRow) },
    { kind: 'plan-priorities', rows: tables.planPriorities.map(camelRow) },
    { kind: 'plan-outcomes', rows: tables.planOutcomes.map(camelRow) },
    { kind: 'plan-actions', rows: tables.planActions.map(camelRow) },
    { kind: 'plan-progress-updates', rows: tables.planProgressUpdates.map(camelRow) },
    { kind: 'indicators', rows: tables.indicators.map(camelRow) },
    { kind: 'indicator-observations', rows: tables.indicatorObservations.map(camelRow) },
    { kind: 'indicator-targets', rows: tables.indicatorTargets.map(camelRow) },
  ];
}
