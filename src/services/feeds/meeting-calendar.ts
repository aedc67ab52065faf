/**
 * The iCalendar (RFC 5545) feeds of meetings, made by ical-generator. Each event links to its meeting page; its UID
 * is the meeting's stable id, so a calendar that subscribed updates the same event when a meeting moves.
 */
import ical, { escape, ICalEventStatus } from 'ical-generator';
import type { CalendarFeedRow } from '../../db/queries/portal/feeds.ts';
import { londonWallTimeToInstant } from '../../domain/dates.ts';

export interface MeetingCalendarProps {
  /** The calendar's name, as a subscriber's calendar app shows it. */
  name: string;
  meetings: CalendarFeedRow[];
  /** The absolute URL of a meeting's page. */
  meetingUrl: (meeting: CalendarFeedRow) => string;
  /** The host part of each UID ("meeting-1a2b@council.example"), so UIDs are unique across publishers. */
  uidDomain: string;
}

/** Meetings without a recorded end are shown as two hours long: calendars draw a zero-length event as a line. */
const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

function stamp(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function meetingCalendar(props: MeetingCalendarProps): string {
  // ical-generator writes NAME and X-WR-CALNAME as given, so the name is escaped as RFC 5545 TEXT here ("Planning,
  // Licensing and Regulation" would otherwise end the value at its comma in strict parsers).
  const calendar = ical({ name: escape(props.name, false), prodId: { company: 'Quorum', product: 'Quorum', language: 'EN' } });
  for (const meeting of props.meetings) {
    const url = props.meetingUrl(meeting);
    // A withdrawn meeting (created in error) will not take place either: calendars holding it should drop it.
    const withdrawn = Boolean(meeting.withdrawn_at);
    const cancelled = withdrawn || meeting.status === 'cancelled';
    const common = {
      id: `${meeting.id}@${props.uidDomain}`,
      // The record's last change, not the request time: the same data gives the same bytes (and ETag).
      stamp: stamp(meeting.updated_at),
      // Calendars replace an event they hold only when its SEQUENCE grows (RFC 5545 section 3.8.7.4).
      sequence: meeting.sequence,
      summary: `${meeting.body_name}${withdrawn ? ' (withdrawn)' : cancelled ? ' (cancelled)' : meeting.status === 'postponed' ? ' (postponed)' : ''}`,
      description: `Agenda, papers and minutes: ${url}`,
      url,
      ...(meeting.location ? { location: meeting.location } : {}),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    };
    if (meeting.start_time) {
      const start = londonWallTimeToInstant(meeting.date, meeting.start_time);
      const end = meeting.end_time ? londonWallTimeToInstant(meeting.date, meeting.end_time) : new Date(start.getTime() + DEFAULT_LENGTH_MS);
      calendar.createEvent({ ...common, start, end: end > start ? end : new Date(start.getTime() + DEFAULT_LENGTH_MS) });
    } else {
      const [year, month, day] = meeting.date.split('-').map(Number) as [number, number, number];
      calendar.createEvent({ ...common, start: new Date(Date.UTC(year, month - 1, day)), allDay: true });
    }
  }
  const text = calendar.toString();
  // RFC 5545 ends every content line, the last included, with CRLF; ical-generator leaves the last one bare.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
