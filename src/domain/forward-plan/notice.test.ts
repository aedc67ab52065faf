import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callInDates } from './call-in.ts';
import { addDays, clearDaysBetween, workingDaysAfter } from './clear-days.ts';
import { furtherNoticeDue, noticeProblems, routeCovers, routeFor, NOTICE_ROUTES, type NoticeFacts } from './notice.ts';

const day = fc.integer({ min: 0, max: 365 * 15 }).map((n) => addDays('2012-09-10', n));
const base: NoticeFacts = {
  keyDecision: true,
  privateMeeting: false,
  exemptParagraphs: [],
  privateReasons: '',
  route: 'notice',
  urgencyReasons: '',
  scrutinyChairPersonId: null,
  scrutinyChairInformedOn: null,
  scrutinyChairAgreedOn: null,
};

describe('clear days (2012 Regulations)', () => {
  it('leave out the day of notice and the day of decision, and count weekends and holidays', () => {
    expect(clearDaysBetween('2026-12-01', '2026-12-30')).toBe(28);
    expect(clearDaysBetween('2026-12-01', '2026-12-29')).toBe(27);
    expect(clearDaysBetween('2026-12-01', '2026-12-02')).toBe(0);
    expect(clearDaysBetween('2026-12-02', '2026-12-01')).toBe(0);
  });

  it('latest notice date gives exactly the clear days asked for, for any date', () => {
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 60 }), (date, n) => clearDaysBetween(addDays(date, -(n + 1)), date) === n));
  });
});

describe('notice route (regulations 9, 10 and 11)', () => {
  it('28 clear days or more is ordinary notice, 5 to 27 the general exception, fewer special urgency', () => {
    expect(routeFor('2026-12-01', '2026-12-30')).toBe('notice');
    expect(routeFor('2026-12-01', '2026-12-29')).toBe('general-exception');
    expect(routeFor('2026-12-01', '2026-12-07')).toBe('general-exception');
    expect(routeFor('2026-12-01', '2026-12-06')).toBe('special-urgency');
  });

  it('less notice never needs a weaker route, for any pair of dates', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (published, a, b) => {
        const [near, far] = a < b ? [a, b] : [b, a];
        return routeCovers(routeFor(published, addDays(published, near)), routeFor(published, addDays(published, far)));
      }),
    );
  });

  it('a key decision with full notice has no problems; with less it is told which route to take', () => {
    expect(noticeProblems(base, '2026-12-01', '2026-12-30')).toEqual([]);
    const short = noticeProblems(base, '2026-12-01', '2026-12-20');
    expect(short.map((p) => p.field)).toEqual(['route']);
    expect(short[0]!.message).toContain('Only 18 clear days');
    expect(short[0]!.message).toContain('general exception (regulation 10)');
    expect(short[0]!.message).toContain('2026-12-30');
  });

  it('the general exception needs reasons and the scrutiny chair informed in writing before the decision', () => {
    const facts: NoticeFacts = { ...base, route: 'general-exception' };
    expect(noticeProblems(facts, '2026-12-01', '2026-12-20').map((p) => p.field)).toEqual([
      'urgencyReasons',
      'scrutinyChairPersonId',
      'scrutinyChairInformedOn',
    ]);
    expect(
      noticeProblems(
        { ...facts, urgencyReasons: 'Grant deadline', scrutinyChairPersonId: 'p', scrutinyChairInformedOn: '2026-12-01' },
        '2026-12-01',
        '2026-12-20',
      ),
    ).toEqual([]);
    // Four clear days is too few even for the general exception.
    expect(
      noticeProblems({ ...facts, urgencyReasons: 'x', scrutinyChairPersonId: 'p', scrutinyChairInformedOn: '2026-12-01' }, '2026-12-01', '2026-12-06')[0]!
        .message,
    ).toContain('special urgency');
  });

  it('special urgency needs the scrutiny chair’s agreement on or before the day of decision', () => {
    const facts: NoticeFacts = { ...base, route: 'special-urgency', urgencyReasons: 'Backlog of assessments', scrutinyChairPersonId: 'p' };
    expect(noticeProblems(facts, '2026-12-01', '2026-12-02').map((p) => p.field)).toEqual(['scrutinyChairAgreedOn']);
    expect(noticeProblems({ ...facts, scrutinyChairAgreedOn: '2026-12-03' }, '2026-12-01', '2026-12-02').map((p) => p.field)).toEqual([
      'scrutinyChairAgreedOn',
    ]);
    expect(noticeProblems({ ...facts, scrutinyChairAgreedOn: '2026-12-01' }, '2026-12-01', '2026-12-01')).toEqual([]);
  });

  it('for any dates and any route, a decision passes only when the route covers the notice given and its conditions are met', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -3, max: 60 }), fc.constantFrom(...NOTICE_ROUTES), fc.boolean(), (published, gap, route, complete) => {
        const decision = addDays(published, gap);
        const facts: NoticeFacts = complete
          ? { ...base, route, urgencyReasons: 'Reasons', scrutinyChairPersonId: 'p', scrutinyChairInformedOn: published, scrutinyChairAgreedOn: published }
          : { ...base, route };
        const problems = noticeProblems(facts, published, decision);
        const allowed = gap >= 0 && routeCovers(route, routeFor(published, decision)) && (complete || route === 'notice');
        return (problems.length === 0) === allowed;
      }),
    );
  });

  it('a non-key decision in public needs no notice; a private meeting does, with its paragraphs and reasons', () => {
    expect(noticeProblems({ ...base, keyDecision: false }, '2026-12-01', '2026-12-02')).toEqual([]);
    const fields = noticeProblems({ ...base, keyDecision: false, privateMeeting: true }, '2026-12-01', '2026-12-02').map((p) => p.field);
    expect(fields).toEqual(['exemptParagraphs', 'privateReasons', 'route']);
  });

  it('the further notice of a private meeting is due 5 clear days before it (regulation 5(4))', () => {
    expect(furtherNoticeDue('2026-12-30')).toBe('2026-12-24');
    expect(clearDaysBetween(furtherNoticeDue('2026-12-30'), '2026-12-30')).toBe(5);
  });
});

describe('call-in', () => {
  it('runs 5 working days from publication and the decision may be implemented the next working day', () => {
    // Published Thursday 17 December 2026: Fri 18, Mon 21, Tue 22, Wed 23, Thu 24; Christmas and Boxing Day (28th) skipped.
    expect(callInDates({ workingDays: 5 }, 'notice', '2026-12-16', '2026-12-17')).toEqual({ callInEndsOn: '2026-12-24', implementationDate: '2026-12-29' });
  });

  it('does not apply to special urgency, or when the council has none', () => {
    expect(callInDates({ workingDays: 5 }, 'special-urgency', '2026-12-16', '2026-12-17')).toEqual({ callInEndsOn: null, implementationDate: '2026-12-17' });
    expect(callInDates({ workingDays: 0 }, 'notice', '2026-12-16', '2026-12-16')).toEqual({ callInEndsOn: null, implementationDate: '2026-12-16' });
  });

  it('for any publication date, implementation falls on a working day after the call-in period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 10 }), fc.integer({ min: 1, max: 10 }), (n, days) => {
        const published = addDays('2015-01-01', n);
        const dates = callInDates({ workingDays: days }, 'general-exception', published, published);
        return (
          dates.callInEndsOn! > published &&
          dates.implementationDate > dates.callInEndsOn! &&
          workingDaysAfter(dates.callInEndsOn!, 1) === dates.implementationDate
        );
      }),
    );
  });
});
