/** The home page: what is coming up, what happened lately, what was decided. */
import type { HomeMeetingRow } from '../../../db/queries/portal/home.ts';
import type { DecisionRegisterRow } from '../../../db/queries/portal/decisions.ts';
import { formatDate, formatTime } from '../../meetings/presenters/meeting.ts';
import { presentDecisionSummary, type DecisionSummaryView } from './decisions.ts';
import { meetingHref } from './links.ts';
import { t } from '../../i18n/index.ts';

export interface HomeMeetingView {
  href: string;
  bodyName: string;
  date: string;
  time?: string;
  status?: string;
}

export interface HomeView {
  upcoming: HomeMeetingView[];
  recent: HomeMeetingView[];
  decisions: DecisionSummaryView[];
}

function presentMeeting(row: HomeMeetingRow): HomeMeetingView {
  return {
    href: meetingHref(row),
    bodyName: row.body_name,
    date: formatDate(row.date),
    ...(row.start_time ? { time: formatTime(row.start_time) } : {}),
    ...(row.status === 'cancelled' || row.status === 'postponed' ? { status: t(`meetingStatus.${row.status}`) } : {}),
  };
}

export function presentHome(upcoming: HomeMeetingRow[], recent: HomeMeetingRow[], decisions: DecisionRegisterRow[]): HomeView {
  return { upcoming: upcoming.map(presentMeeting), recent: recent.map(presentMeeting), decisions: decisions.map(presentDecisionSummary) };
}
