/**
 * Notice of key decisions and private meetings under the Local Authorities (Executive Arrangements) (Meetings and
 * Access to Information) (England) Regulations 2012:
 * - reg 9: a key decision may not be taken until a notice has been published at least 28 clear days before it;
 * - reg 5: the intention to hold a meeting (or part of one) in private needs the same 28 clear days' notice, and
 *   at least 5 clear days before the meeting a further notice with the reasons, any representations received and
 *   the response to them; reg 5(6): with less notice only if the chair of the relevant overview and scrutiny
 *   committee (or, failing one, the chair or vice-chair of the council) agrees the meeting is urgent and cannot
 *   reasonably be deferred;
 * - reg 10 (general exception): where 28 days' notice is impracticable, the decision may be taken once the chair of
 *   the relevant overview and scrutiny committee has been informed in writing and a notice with the reasons has
 *   been published for at least 5 clear days;
 * - reg 11 (special urgency): where even that is impracticable, only with the agreement of that chair that the
 *   decision is urgent and cannot reasonably be deferred, and a notice of the reasons published as soon as
 *   reasonably practicable after the agreement.
 * Dates are 'YYYY-MM-DD' strings; "today" is always passed in.
 */
import { addDays, clearDaysBetween, latestNoticeDate } from './clear-days.ts';

export const NOTICE_ROUTES = ['notice', 'general-exception', 'special-urgency'] as const;
export type NoticeRoute = (typeof NOTICE_ROUTES)[number];

/** Regulation 9(2) and 5(2): 28 clear days. */
export const FULL_NOTICE_CLEAR_DAYS = 28;
/** Regulation 10(2)(c) and 5(4): 5 clear days. */
export const SHORT_NOTICE_CLEAR_DAYS = 5;

export const NOTICE_ROUTE_LABELS: Record<NoticeRoute, string> = {
  notice: '28 clear days’ notice (regulation 9)',
  'general-exception': 'General exception (regulation 10)',
  'special-urgency': 'Special urgency (regulation 11)',
};

/** The least notice route a decision needs when its notice is published on one date and it is taken on another. */
export function routeFor(publishedOn: string, decisionOn: string): NoticeRoute {
  const days = clearDaysBetween(publishedOn, decisionOn);
  if (days >= FULL_NOTICE_CLEAR_DAYS) return 'notice';
  if (days >= SHORT_NOTICE_CLEAR_DAYS) return 'general-exception';
  return 'special-urgency';
}

const RANK: Record<NoticeRoute, number> = { notice: 0, 'general-exception': 1, 'special-urgency': 2 };

/** Whether a route gives at least the cover another needs (special urgency covers everything). */
export function routeCovers(recorded: NoticeRoute, needed: NoticeRoute): boolean {
  return RANK[recorded] >= RANK[needed];
}

/** What the regulations need for a notice to stand, beyond its publication date. */
export interface NoticeFacts {
  /** Key decision, or a private meeting: both need the notice (an ordinary non-key decision in public needs none). */
  keyDecision: boolean;
  privateMeeting: boolean;
  exemptParagraphs: readonly number[];
  privateReasons: string;
  route: NoticeRoute;
  urgencyReasons: string;
  scrutinyChairPersonId: string | null;
  scrutinyChairInformedOn: string | null;
  scrutinyChairAgreedOn: string | null;
}

export interface Problem {
  field: string;
  message: string;
}

/** Whether the regulations' notice rules apply at all. */
export function needsNotice(facts: Pick<NoticeFacts, 'keyDecision' | 'privateMeeting'>): boolean {
  return facts.keyDecision || facts.privateMeeting;
}

/**
 * The problems that stop a decision being taken on `decisionOn` under a notice published on `publishedOn` by the
 * recorded route: too little notice for the route, or the route's own conditions (reasons, the scrutiny chair
 * informed or agreeing) missing. An empty list means the regulations are met.
 */
export function noticeProblems(facts: NoticeFacts, publishedOn: string, decisionOn: string): Problem[] {
  const problems: Problem[] = [];
  if (facts.privateMeeting) {
    if (!facts.exemptParagraphs.length)
      problems.push({ field: 'exemptParagraphs', message: 'Choose the paragraphs of Schedule 12A that make the meeting private' });
    if (!facts.privateReasons.trim()) problems.push({ field: 'privateReasons', message: 'Say why the meeting is to be held in private (regulation 5(2))' });
  }
  if (!needsNotice(facts)) return problems;
  const days = clearDaysBetween(publishedOn, decisionOn);
  const needed = routeFor(publishedOn, decisionOn);
  if (decisionOn < publishedOn) {
    problems.push({ field: 'plannedDate', message: 'The decision date must not be before the notice is published' });
    return problems;
  }
  if (!routeCovers(facts.route, needed)) {
    problems.push({
      field: 'route',
      message:
        needed === 'general-exception'
          ? `Only ${days} clear days’ notice: a key decision or private meeting needs 28 (regulations 5 and 9). Use the general exception (regulation 10), or move the date to ${addDays(publishedOn, FULL_NOTICE_CLEAR_DAYS + 1)} or later`
          : `Only ${days} clear days’ notice: the general exception needs at least 5 (regulation 10). Use special urgency with the scrutiny chair’s agreement (regulation 11), or move the date to ${addDays(publishedOn, SHORT_NOTICE_CLEAR_DAYS + 1)} or later`,
    });
  }
  if (facts.route !== 'notice' && !facts.urgencyReasons.trim()) {
    problems.push({
      field: 'urgencyReasons',
      message:
        facts.route === 'general-exception'
          ? 'Say why 28 days’ notice is impracticable (regulation 10(2)(b))'
          : 'Say why the decision is urgent and cannot reasonably be deferred (regulation 11(2))',
    });
  }
  if (facts.route !== 'notice' && !facts.scrutinyChairPersonId) {
    problems.push({ field: 'scrutinyChairPersonId', message: 'Choose the chair of the relevant overview and scrutiny committee' });
  }
  if (facts.route === 'general-exception' && !facts.scrutinyChairInformedOn) {
    problems.push({ field: 'scrutinyChairInformedOn', message: 'Enter the date the scrutiny chair was informed in writing (regulation 10(2)(a))' });
  }
  if (facts.route === 'general-exception' && facts.scrutinyChairInformedOn && facts.scrutinyChairInformedOn > decisionOn) {
    problems.push({ field: 'scrutinyChairInformedOn', message: 'The scrutiny chair must be informed before the decision is taken' });
  }
  if (facts.route === 'special-urgency') {
    if (!facts.scrutinyChairAgreedOn)
      problems.push({ field: 'scrutinyChairAgreedOn', message: 'Enter the date the scrutiny chair agreed the decision is urgent (regulation 11)' });
    else if (facts.scrutinyChairAgreedOn > decisionOn)
      problems.push({ field: 'scrutinyChairAgreedOn', message: 'The scrutiny chair’s agreement must come before the decision' });
  }
  return problems;
}

/**
 * Regulation 5(4)-(5): the date by which the further notice of a private meeting (reasons, representations and the
 * response) must be published: 5 clear days before the meeting.
 */
export function furtherNoticeDue(meetingOn: string): string {
  return latestNoticeDate(meetingOn, SHORT_NOTICE_CLEAR_DAYS);
}
