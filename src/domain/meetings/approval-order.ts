/**
 * When minutes may be approved, and where the meetings involved may then move.
 *
 * Minutes are "signed by the person presiding at the same or next suitable meeting" (Local Government Act 1972,
 * Schedule 12 paragraph 41(1)); the back office records approval at a later meeting of the same body. That meeting
 * must already have begun (its start time, in London, has passed): approval is something a meeting did, not a plan.
 * Once the link exists, neither meeting may move so that the approving one is on or before the approved one.
 * Pure: the services and a property test share these rules; a database trigger (migration 20261207_3001) repeats
 * the order rule for any other writer.
 */
import { formatShortDate, londonWallTimeToInstant } from '../dates.ts';

export interface MeetingWhen {
  id: string;
  bodyId: string;
  /** 'YYYY-MM-DD', the day in England. */
  date: string;
  /** 'HH:MM' or 'HH:MM:SS' wall-clock time in London, or null when unknown (the meeting then begins at midnight). */
  startTime: string | null;
}

/** The instant a meeting begins: its start time in London, or the start of its day when none is recorded. */
export function meetingStart(meeting: Pick<MeetingWhen, 'date' | 'startTime'>): Date {
  return londonWallTimeToInstant(meeting.date, (meeting.startTime ?? '00:00').slice(0, 5));
}

/** Why `approving` cannot approve the minutes of `approved` at `now`, or undefined when it can. */
export function approvalProblem(approved: MeetingWhen, approving: MeetingWhen, now: Date): string | undefined {
  if (approving.id === approved.id || approving.bodyId !== approved.bodyId || approving.date <= approved.date) {
    return 'Choose a later meeting of the same body';
  }
  if (meetingStart(approving).getTime() > now.getTime()) {
    return 'Choose a meeting that has already begun: minutes are approved at a meeting, not before it';
  }
  return undefined;
}

/**
 * Why a meeting cannot move to `newDate`, given the dates of the meetings whose minutes it approved and the date of
 * the meeting that approved its own minutes (if any); undefined when it can.
 */
export function moveProblem(newDate: string, links: { approvedDates: readonly string[]; approvedAtDate?: string | undefined }): string | undefined {
  const latestApproved = [...links.approvedDates].sort().at(-1);
  if (latestApproved !== undefined && newDate <= latestApproved) {
    return `This meeting approved the minutes of the meeting on ${formatShortDate(latestApproved)}: it must stay after that date`;
  }
  if (links.approvedAtDate !== undefined && newDate >= links.approvedAtDate) {
    return `The minutes of this meeting were approved at the meeting on ${formatShortDate(links.approvedAtDate)}: it must stay before that date`;
  }
  return undefined;
}
