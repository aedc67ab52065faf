/**
 * The meeting calendar's view models: a month as weeks (Monday first, as UK calendars print them) and a year as a
 * list by month. Pure, so the grid arithmetic is tested without a database.
 */
import type { CalendarMeetingRow } from '../../../db/queries/portal/calendar.ts';
import { formatDate, formatTime } from '../../meetings/presenters/meeting.ts';
import { monthName } from '../../i18n/dates.ts';
import { t } from '../../i18n/index.ts';
import { meetingHref } from './links.ts';
import { linkTo } from '../../../http/routes.ts';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export interface CalendarMeetingView {
  href: string;
  bodyName: string;
  date: string;
  time?: string;
  location?: string;
  status?: string;
  agendaItemCount: number;
  minuteCount: number;
}

export interface CalendarDayView {
  day: number;
  /** "Wednesday 6 April 2011", for screen readers and the cell's title. */
  date: string;
  meetings: CalendarMeetingView[];
}

export interface MonthView {
  title: string;
  weeks: Array<Array<CalendarDayView | null>>;
  meetingCount: number;
}

export interface YearListView {
  title: string;
  meetingCount: number;
  months: Array<{ month: string; meetings: CalendarMeetingView[] }>;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 for Monday ... 6 for Sunday. */
function mondayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function presentCalendarMeeting(row: CalendarMeetingRow): CalendarMeetingView {
  return {
    href: meetingHref(row),
    bodyName: row.body_name,
    date: formatDate(row.date),
    ...(row.start_time ? { time: formatTime(row.start_time) } : {}),
    ...(row.location ? { location: row.location } : {}),
    ...(row.status === 'cancelled' || row.status === 'postponed' ? { status: t(`meetingStatus.${row.status}`) } : {}),
    agendaItemCount: Number(row.agenda_item_count ?? 0),
    minuteCount: Number(row.minute_count ?? 0),
  };
}

export function presentMonth(year: number, month: number, rows: CalendarMeetingRow[]): MonthView {
  const byDay = new Map<number, CalendarMeetingView[]>();
  for (const row of rows) {
    const day = Number(row.date.slice(8, 10));
    byDay.set(day, [...(byDay.get(day) ?? []), presentCalendarMeeting(row)]);
  }
  const weeks: MonthView['weeks'] = [];
  let week: Array<CalendarDayView | null> = Array.from({ length: mondayIndex(year, month, 1) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day += 1) {
    week.push({ day, date: formatDate(isoDay(year, month, day)), meetings: byDay.get(day) ?? [] });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return { title: `${monthName(month)} ${year}`, weeks, meetingCount: rows.length };
}

export function presentYearList(year: number, rows: CalendarMeetingRow[]): YearListView {
  const months: YearListView['months'] = [];
  for (const row of rows) {
    const month = `${monthName(Number(row.date.slice(5, 7)))} ${row.date.slice(0, 4)}`;
    let group = months[months.length - 1];
    if (!group || group.month !== month) {
      group = { month, meetings: [] };
      months.push(group);
    }
    group.meetings.push(presentCalendarMeeting(row));
  }
  return { title: String(year), meetingCount: rows.length, months };
}

/** A calendar link keeping the committee filter: month view when a month is given, else the year's list. */
export function calendarHref(options: { body?: string; year?: number; month?: number }): string {
  const params = new URLSearchParams();
  if (options.body) params.set('body', options.body);
  if (options.year !== undefined) params.set('year', String(options.year));
  if (options.month !== undefined) params.set('month', String(options.month));
  const text = params.toString();
  return text ? `${linkTo('meeting.list')}?${text}` : linkTo('meeting.list');
}
