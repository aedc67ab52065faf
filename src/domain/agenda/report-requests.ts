/**
 * Report requests: democratic services ask an officer for a report on an agenda item by a deadline; the officer
 * submits it; democratic services clear it for publication, or return it with a reason and the officer submits again.
 *
 *   requested --submit--> submitted --clear--> cleared
 *                             |  ^
 *                        return  submit
 *                             v  |
 *                           returned
 *
 * Cleared is final: the report is then the agenda item's, and changes to it are changes to the agenda item.
 */
import { latestPublicationDate, type Jurisdiction, AGENDA_NOTICE_CLEAR_WORKING_DAYS, isWorkingDay } from '../working-days.ts';

export const REPORT_REQUEST_STATES = ['requested', 'submitted', 'returned', 'cleared'] as const;
export type ReportRequestState = (typeof REPORT_REQUEST_STATES)[number];
export type ReportRequestAction = 'submit' | 'clear' | 'return';

export const REPORT_REQUEST_STATE_LABELS: Record<ReportRequestState, string> = {
  requested: 'Requested',
  submitted: 'Submitted, awaiting clearance',
  returned: 'Returned to the officer',
  cleared: 'Cleared for publication',
};

const TRANSITIONS: Record<ReportRequestState, Partial<Record<ReportRequestAction, ReportRequestState>>> = {
  requested: { submit: 'submitted' },
  submitted: { clear: 'cleared', return: 'returned' },
  returned: { submit: 'submitted' },
  cleared: {},
};

/** The state an action leads to, or undefined when the action is not open in this state. */
export function nextState(state: ReportRequestState, action: ReportRequestAction): ReportRequestState | undefined {
  return TRANSITIONS[state][action];
}

/** Why an action is refused in a state, in words for the officer. */
export function refusal(state: ReportRequestState, action: ReportRequestAction): string {
  if (state === 'cleared') return 'This report has been cleared for publication, so the request is closed.';
  if (action === 'submit') return 'This report has been submitted and is waiting for democratic services to clear it.';
  return state === 'returned'
    ? 'This report was returned to the officer: it can be cleared once they submit it again.'
    : 'The officer has not submitted this report yet.';
}

/** Still waiting for the officer: a request past its deadline in these states is overdue. */
export function awaitingOfficer(state: ReportRequestState): boolean {
  return state === 'requested' || state === 'returned';
}

/**
 * Working days democratic services keep between a report's deadline and the last day the agenda can go out on time:
 * time to read, clear or return it, and to put the agenda pack together.
 */
export const CLEARANCE_WORKING_DAYS = 2;

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * The deadline a request is given unless the officer chooses another: two working days before the last day the
 * agenda can be published with five clear working days' notice (s.100B(3)), so it is always a working day. When
 * that day has passed, today (the request is then late from the start, and the form says so).
 */
export function defaultDeadline(meetingDate: string, today: string, jurisdiction: Jurisdiction): string {
  let day = latestPublicationDate(meetingDate, AGENDA_NOTICE_CLEAR_WORKING_DAYS, jurisdiction);
  for (let counted = 0; counted < CLEARANCE_WORKING_DAYS; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, jurisdiction)) counted += 1;
  }
  return day < today ? today : day;
}

/** A deadline set today for a meeting: not in the past and not after the meeting. Field problems, or none. */
export function deadlineProblems(deadline: string, meetingDate: string, today: string): string[] {
  if (deadline < today) return ['The deadline must be today or later'];
  if (deadline > meetingDate) return ['The deadline must be on or before the day of the meeting'];
  return [];
}

/** Whole days a deadline has passed by (0 on the day itself and before it). */
export function daysOverdue(deadline: string, today: string): number {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

/** The default standing items offered for a body with none: what almost every committee agenda opens with. */
export const USUAL_STANDING_ITEMS = ['Apologies for absence', 'Declarations of interest', 'Minutes of the previous meeting'] as const;
