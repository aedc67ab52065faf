/**
 * What a file's committee records are matched against: the records on record that it names, plus those it adds.
 * Loaded in one query per table for the whole file, instead of a lookup per record.
 */
import type { MeetingKind } from '../../../db/schema.ts';
import type { NewRow } from '../../../db/types.ts';
import * as store from '../../../db/repositories/paper-store.ts';
import { canonicalBodyName } from '../../../domain/body-name.ts';
import type { PaperExtract } from '../../types.ts';
import type { PersistContext } from '../context.ts';

/** A meeting this file names: on record already, or new in this file's batch (then `row` is the row to be written). */
export interface KnownMeeting {
  id: string;
  start_time: string | null;
  end_time: string | null;
  location: string | null;
  kind: MeetingKind;
  row?: NewRow<'meeting'>;
}

/** An agenda item of a known meeting, in the order they were recorded; `row` when it is new in this file. */
export interface KnownAgendaItem {
  id: string;
  number: string;
  title: string;
  report_id: string | null;
  row?: NewRow<'agenda_item'>;
}

export interface Known {
  meetings: Map<string, KnownMeeting>;
  agendaItems: Map<string, KnownAgendaItem[]>;
  /** Minute ids by meeting, then by minute number. */
  minutes: Map<string, Map<string, string>>;
}

export function meetingKey(bodyId: string, date: string): string {
  return `${bodyId}\n${date}`;
}

/**
 * One query each for the meetings the file names (to add to, to link reports to, to approve the minutes of) and for
 * the agenda items and minutes of those it adds to. Bodies new in this file have no meetings on record, so only
 * known bodies are asked about.
 */
export async function loadKnown(ctx: PersistContext, extract: PaperExtract): Promise<Known> {
  const { keys, withItems } = meetingsNamed(ctx, extract);
  const known: Known = { meetings: new Map(), agendaItems: new Map(), minutes: new Map() };
  if (keys.size === 0) return known;
  const meetingIds: string[] = [];
  for (const row of await store.findMeetings(ctx.trx, [...keys.values()])) {
    const key = meetingKey(row.body_id, row.date);
    known.meetings.set(key, { id: row.id, start_time: row.start_time, end_time: row.end_time, location: row.location, kind: row.kind });
    if (withItems.has(key)) meetingIds.push(row.id);
  }
  for (const item of await store.agendaItemRefsOfMeetings(ctx.trx, meetingIds)) {
    const list = known.agendaItems.get(item.meeting_id) ?? [];
    list.push({ id: item.id, number: item.number, title: item.title, report_id: item.report_id });
    known.agendaItems.set(item.meeting_id, list);
  }
  for (const minute of await store.minutesOfMeetings(ctx.trx, meetingIds)) {
    const byNumber = known.minutes.get(minute.meeting_id) ?? new Map<string, string>();
    byNumber.set(minute.number, minute.id);
    known.minutes.set(minute.meeting_id, byNumber);
  }
  return known;
}

/** The meetings of known bodies the file names, and which of them it adds agenda items or reports to. */
function meetingsNamed(ctx: PersistContext, extract: PaperExtract) {
  const keys = new Map<string, { bodyId: string; date: string }>();
  const withItems = new Set<string>();
  const knownBody = (printed: string) => ctx.bodies.get(canonicalBodyName(printed, ctx.authorityName).name);
  const ask = (printed: string, date: string, items: boolean) => {
    const bodyId = knownBody(printed);
    if (!bodyId) return;
    const key = meetingKey(bodyId, date);
    keys.set(key, { bodyId, date });
    if (items) withItems.add(key);
  };
  for (const meeting of extract.meetings) {
    ask(meeting.bodyName, meeting.date, true);
    for (const minute of meeting.minutes) if (minute.approvesMinutesOf) ask(meeting.bodyName, minute.approvesMinutesOf, false);
  }
  for (const report of extract.reports) for (const to of report.to) if (to.date) ask(to.bodyName, to.date, true);
  return { keys, withItems };
}
