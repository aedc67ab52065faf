/**
 * The public dataset: the Quorum export without exempt information (docs/export.md), made stricter where the open
 * data rule is stricter, then cut into one CSV table per record kind. Pure functions of the export document.
 *
 * The export's `includeExempt: false` leaves out exempt reports and exempt minutes' text; the open data rule also
 * withholds a report carried by an exempt agenda item (an exempt item never shows its report), the text of a
 * minute on an exempt item, and vote events taken on exempt minutes or items (the vote would disclose them).
 */
import { z } from 'zod';
import { publishedVoteOption } from '../../domain/vote-options.ts';
import {
  AgendaItemSchema,
  AttendanceSchema,
  BodyV2Schema,
  DecisionSchema,
  DeclarationSchema,
  GroupMembershipSchema,
  GroupSchema,
  MembershipSchema,
  MinuteSchema,
  QuestionSchema,
  ResolutionV2Schema,
  PersonV2Schema,
  MeetingV2Schema,
  ReportV2Schema,
  VoteEventSchema,
  VoteSchema,
  type ExportDocument,
} from '../export-schema.ts';
import { ACCOUNTABILITY_COLUMNS } from '../../db/queries/api/accountability.ts';

export function publicDataset(document: ExportDocument): ExportDocument {
  const exemptItems = new Set(document.meetings.flatMap((meeting) => meeting.agendaItems.filter((item) => item.exempt).map((item) => item.id)));
  const withheldReports = new Set(
    document.meetings.flatMap((meeting) => meeting.agendaItems.filter((item) => item.exempt && item.reportId !== null).map((item) => item.reportId!)),
  );
  const keptReport = (id: string | null) => (id !== null && withheldReports.has(id) ? null : id);
  const meetings = document.meetings.map((meeting) => {
    const privateMinutes = new Set(
      meeting.minutes.filter((minute) => minute.exempt || (minute.agendaItemId !== null && exemptItems.has(minute.agendaItemId))).map((minute) => minute.id),
    );
    return {
      ...meeting,
      agendaItems: meeting.agendaItems.map((item) =>
        item.exempt ? { ...item, description: null, reportId: null } : { ...item, reportId: keptReport(item.reportId) },
      ),
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
/** One table of the bulk download: its columns (named in the header even when there are no rows) and its rows. */
export interface CsvTable {
  kind: string;
  columns: string[];
  rows: CsvRow[];
}

const prefixed = (key: string, subKey: string) => `${key}${subKey[0]!.toUpperCase()}${subKey.slice(1)}`;

/** A record flattened for a spreadsheet: lists of values joined with "; ", the source reference spread into columns, child lists left to their own tables. */
function flat(record: Record<string, unknown>, extra: CsvRow = {}, children: readonly string[] = []): CsvRow {
  const row: CsvRow = { ...extra };
  for (const [key, value] of Object.entries(record)) {
    if (children.includes(key)) continue;
    if (Array.isArray(value)) {
      if (value.every((item) => item === null || typeof item !== 'object')) row[key] = value.join('; ');
    } else if (value !== null && typeof value === 'object') {
      for (const [subKey, subValue] of Object.entries(value)) row[prefixed(key, subKey)] = subValue as CsvValue;
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

/**
 * The columns `flat` makes of a record of this schema, in the schema's order: what a table's header names, with or
 * without rows. Lists of values are one column, objects one column per field, lists of records their own tables.
 */
function flatColumns(schema: z.ZodObject, extra: readonly string[] = [], children: readonly string[] = []): string[] {
  const columns = [...extra];
  for (const [key, field] of Object.entries(schema.shape)) {
    if (children.includes(key)) continue;
    const type = unwrapped(field);
    if (type instanceof z.ZodArray) {
      if (!(unwrapped(type.element) instanceof z.ZodObject)) columns.push(key);
    } else if (type instanceof z.ZodObject) {
      for (const subKey of Object.keys(type.shape)) columns.push(prefixed(key, subKey));
    } else {
      columns.push(key);
    }
  }
  return columns;
}

function unwrapped(type: unknown): unknown {
  return type instanceof z.ZodNullable || type instanceof z.ZodOptional ? unwrapped(type.unwrap()) : type;
}

/** The tables of the bulk download, by record kind, in a fixed order. */
export function csvTables(document: ExportDocument): CsvTable[] {
  // A field the export leaves out when it has no value (a vote event's castingVoterId) is an empty cell here: every
  // row names exactly the header's columns.
  return recordTables(document).map((table) => ({
    ...table,
    rows: table.rows.map((row) => Object.fromEntries(table.columns.map((column) => [column, row[column] ?? null]))),
  }));
}

function recordTables(document: ExportDocument): CsvTable[] {
  const meetings = document.meetings;
  const perMeeting = <T extends Record<string, unknown>>(pick: (meeting: ExportDocument['meetings'][number]) => T[], children: readonly string[] = []) =>
    meetings.flatMap((meeting) => pick(meeting).map((item) => flat(item, { meetingId: meeting.id }, children)));
  const meetingChildren = ['agendaItems', 'attendance', 'declarations', 'minutes', 'voteEvents', 'questions'];
  return [
    { kind: 'bodies', columns: flatColumns(BodyV2Schema), rows: document.bodies.map((body) => flat(body)) },
    { kind: 'people', columns: flatColumns(PersonV2Schema), rows: document.people.map((person) => flat(person)) },
    {
      kind: 'political-groups',
      columns: flatColumns(GroupSchema, [], ['memberships']),
      rows: document.groups.map((group) => flat(group, {}, ['memberships'])),
    },
    {
      kind: 'group-memberships',
      columns: flatColumns(GroupMembershipSchema, ['groupId']),
      rows: document.groups.flatMap((group) => group.memberships.map((membership) => flat(membership, { groupId: group.id }))),
    },
    { kind: 'memberships', columns: flatColumns(MembershipSchema), rows: document.memberships.map((membership) => flat(membership)) },
    { kind: 'meetings', columns: flatColumns(MeetingV2Schema, [], meetingChildren), rows: meetings.map((meeting) => flat(meeting, {}, meetingChildren)) },
    { kind: 'agenda-items', columns: flatColumns(AgendaItemSchema, ['meetingId']), rows: perMeeting((meeting) => meeting.agendaItems) },
    { kind: 'attendance', columns: flatColumns(AttendanceSchema, ['meetingId']), rows: perMeeting((meeting) => meeting.attendance) },
    { kind: 'declarations', columns: flatColumns(DeclarationSchema, ['meetingId']), rows: perMeeting((meeting) => meeting.declarations) },
    {
      kind: 'minutes',
      columns: flatColumns(MinuteSchema, ['meetingId'], ['resolutions', 'motions']),
      rows: perMeeting((meeting) => meeting.minutes, ['resolutions', 'motions']),
    },
    {
      kind: 'resolutions',
      columns: flatColumns(ResolutionV2Schema, ['meetingId', 'minuteId']),
      rows: meetings.flatMap((meeting) =>
        meeting.minutes.flatMap((minute) => minute.resolutions.map((resolution) => flat(resolution, { meetingId: meeting.id, minuteId: minute.id }))),
      ),
    },
    { kind: 'vote-events', columns: flatColumns(VoteEventSchema, ['meetingId'], ['votes']), rows: perMeeting((meeting) => meeting.voteEvents, ['votes']) },
    {
      kind: 'votes',
      columns: flatColumns(VoteSchema, ['meetingId', 'voteEventId']),
      rows: meetings.flatMap((meeting) =>
        meeting.voteEvents.flatMap((event) =>
          event.votes.map((vote) => flat({ ...vote, option: publishedVoteOption(vote.option) }, { meetingId: meeting.id, voteEventId: event.id })),
        ),
      ),
    },
    { kind: 'questions', columns: flatColumns(QuestionSchema, ['meetingId']), rows: perMeeting((meeting) => meeting.questions) },
    { kind: 'reports', columns: flatColumns(ReportV2Schema), rows: document.reports.map((report) => flat(report)) },
    { kind: 'decisions', columns: flatColumns(DecisionSchema), rows: document.decisions.map((decision) => flat(decision)) },
  ];
}

/** Database rows (snake_case) as CSV rows with the camelCase column names the other tables use. */
function camelRow(row: Record<string, unknown>): CsvRow {
  const out: CsvRow = {};
  for (const [key, value] of Object.entries(row)) {
    out[camel(key)] = Array.isArray(value) ? value.join('; ') : value instanceof Date ? value.toISOString() : (value as CsvValue);
  }
  return out;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The scrutiny, plan and indicator tables of the bulk download (published recommendations only). */
export function accountabilityCsvTables(tables: Record<keyof typeof ACCOUNTABILITY_COLUMNS, Array<Record<string, unknown>>>): CsvTable[] {
  const table = (kind: string, name: keyof typeof ACCOUNTABILITY_COLUMNS): CsvTable => ({
    kind,
    columns: ACCOUNTABILITY_COLUMNS[name].map(camel),
    rows: tables[name].map(camelRow),
  });
  return [
    table('scrutiny-recommendations', 'recommendations'),
    table('scrutiny-responses', 'responses'),
    table('plans', 'plans'),
    table('plan-priorities', 'planPriorities'),
    table('plan-outcomes', 'planOutcomes'),
    table('plan-actions', 'planActions'),
    table('plan-progress-updates', 'planProgressUpdates'),
    table('indicators', 'indicators'),
    table('indicator-observations', 'indicatorObservations'),
    table('indicator-targets', 'indicatorTargets'),
  ];
}
