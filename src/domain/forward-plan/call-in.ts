/**
 * When an executive decision may be implemented. Overview and scrutiny committees may call in an executive decision
 * before it is implemented (Local Government Act 2000 s.9F(2)(a)); the council's constitution sets how long after
 * the decision record is published the call-in period runs, in working days, and which decisions are exempt. Quorum
 * follows the common rule: decisions taken under special urgency (regulation 11) are not subject to call-in, since
 * the scrutiny chair has already agreed they cannot wait; all others may be implemented on the first working day
 * after the call-in period ends.
 */
import type { NoticeRoute } from './notice.ts';
import { nextWorkingDay, workingDaysAfter } from './clear-days.ts';

export interface CallInRules {
  /** Working days after publication of the decision record during which the decision may be called in; 0: none. */
  workingDays: number;
}

export interface CallInDates {
  /** The last day of the call-in period, or null when the decision is not subject to call-in. */
  callInEndsOn: string | null;
  implementationDate: string;
}

export function callInDates(rules: CallInRules, route: NoticeRoute, decidedOn: string, publishedOn: string): CallInDates {
  if (route === 'special-urgency' || rules.workingDays === 0)
    return { callInEndsOn: null, implementationDate: publishedOn > decidedOn ? publishedOn : decidedOn };
  const callInEndsOn = workingDaysAfter(publishedOn, rules.workingDays);
  return { callInEndsOn, implementationDate: nextWorkingDay(callInEndsOn) };
}
