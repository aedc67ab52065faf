import { describe, expect, it } from 'vitest';
import { checkResponseAllowed, checkTransition, importedStatus, SCRUTINY_STATUSES, statusAfterResponse, TRANSITIONS, type ScrutinyStatus } from './status.ts';
import { addMonths, daysBetween, overdueStatus, responseDeadline, weekStarting } from './deadline.ts';

const ALLOWED: Array<[ScrutinyStatus, ScrutinyStatus]> = [
  ['PENDING', 'OUTSTANDING'],
  ['PENDING', 'RESPONSE RECEIVED'],
  ['PENDING', 'TO NOTE ONLY'],
  ['PENDING', 'CLOSED'],
  ['OUTSTANDING', 'RESPONSE RECEIVED'],
  ['OUTSTANDING', 'TO NOTE ONLY'],
  ['OUTSTANDING', 'CLOSED'],
  ['TO NOTE ONLY', 'CLOSED'],
  ['RESPONSE RECEIVED', 'ACCEPTED'],
  ['RESPONSE RECEIVED', 'PARTIALLY ACCEPTED'],
  ['RESPONSE RECEIVED', 'REJECTED'],
  ['RESPONSE RECEIVED', 'PENDING'],
  ['RESPONSE RECEIVED', 'CLOSED'],
  ['ACCEPTED', 'IMPLEMENTED'],
  ['ACCEPTED', 'CLOSED'],
  ['PARTIALLY ACCEPTED', 'IMPLEMENTED'],
  ['PARTIALLY ACCEPTED', 'CLOSED'],
  ['REJECTED', 'PENDING'],
  ['REJECTED', 'CLOSED'],
  ['IMPLEMENTED', 'CLOSED'],
];

describe('scrutiny status transitions', () => {
  const key = (from: string, to: string) => `${from} -> ${to}`;
  const allowed = new Set(ALLOWED.map(([from, to]) => key(from, to)));

  it('allows exactly the listed changes, checking every pair of the nine statuses', () => {
    let refused = 0;
    for (const from of SCRUTINY_STATUSES) {
      for (const to of SCRUTINY_STATUSES) {
        const check = checkTransition(from, to);
        expect(check.allowed, key(from, to)).toBe(allowed.has(key(from, to)));
        if (!check.allowed) {
          refused++;
          expect(check.reason).toContain(to);
        }
      }
    }
    expect(refused).toBe(81 - ALLOWED.length);
    expect(Object.values(TRANSITIONS).flat()).toHaveLength(ALLOWED.length);
  });

  it('explains a refusal: CLOSED is final, and IMPLEMENTED cannot go back to PENDING', () => {
    expect(checkTransition('CLOSED', 'PENDING')).toEqual({
      allowed: false,
      reason: 'A recommendation that is CLOSED cannot become PENDING: it is final and cannot change',
    });
    expect(checkTransition('IMPLEMENTED', 'PENDING')).toEqual({
      allowed: false,
      reason: 'A recommendation that is IMPLEMENTED cannot become PENDING: it can only become CLOSED',
    });
    expect(checkTransition('PENDING', 'PENDING')).toEqual({ allowed: false, reason: 'The recommendation is already PENDING' });
  });

  it('takes responses while open, refuses them once closed, implemented or to note only', () => {
    expect(checkResponseAllowed('OUTSTANDING').allowed).toBe(true);
    expect(checkResponseAllowed('CLOSED')).toEqual({ allowed: false, reason: 'The recommendation is CLOSED, so it takes no more responses' });
    expect(checkResponseAllowed('IMPLEMENTED').allowed).toBe(false);
    expect(checkResponseAllowed('TO NOTE ONLY').allowed).toBe(false);
    expect(statusAfterResponse('OUTSTANDING')).toBe('RESPONSE RECEIVED');
    expect(statusAfterResponse('ACCEPTED')).toBe('ACCEPTED');
  });

  it('reads imported statuses: the printed word first, then a response, then thanks as to note only', () => {
    expect(importedStatus({ printed: 'to note only', responses: 1 })).toBe('TO NOTE ONLY');
    expect(importedStatus({ responses: 1, text: 'Write to London Boroughs' })).toBe('RESPONSE RECEIVED');
    expect(importedStatus({ responses: 0, text: 'Thank Mrs Whittle for attending' })).toBe('TO NOTE ONLY');
    expect(importedStatus({ responses: 0, text: 'Make no comments on the proposal.' })).toBe('TO NOTE ONLY');
    expect(importedStatus({ responses: 0, text: 'Explore distance learning' })).toBe('PENDING');
  });
});

describe('response deadlines and the automatic OUTSTANDING rule', () => {
  it('defaults to the two months beginning with the day of receipt, to the end of a shorter month', () => {
    expect(responseDeadline('2011-12-13')).toBe('2012-02-12');
    expect(responseDeadline('2011-12-31')).toBe('2012-02-29');
    expect(responseDeadline('2011-06-01', 3)).toBe('2011-08-31');
    expect(addMonths('2008-12-10', 2)).toBe('2009-02-10');
    expect(daysBetween('2011-06-01', '2011-06-15')).toBe(14);
  });

  it('a PENDING recommendation without a response becomes OUTSTANDING the day after its deadline, not before', () => {
    const recommendation = { status: 'PENDING' as const, dueDate: '2012-02-13', responses: 0 };
    expect(overdueStatus(recommendation, '2012-02-13')).toBeUndefined();
    expect(overdueStatus(recommendation, '2012-02-14')).toBe('OUTSTANDING');
    expect(overdueStatus({ ...recommendation, responses: 1 }, '2013-01-01')).toBeUndefined();
    expect(overdueStatus({ ...recommendation, status: 'TO NOTE ONLY' }, '2013-01-01')).toBeUndefined();
  });

  it('keys weekly digests by the Monday of the week', () => {
    expect(weekStarting('2012-02-15')).toBe('2012-02-13');
    expect(weekStarting('2012-02-13')).toBe('2012-02-13');
    expect(weekStarting('2012-02-19')).toBe('2012-02-13');
  });
});

describe('matching a tracking row to a call-in title', async () => {
  const { compareTitles } = await import('./titles.ts');
  it('exact despite case, ampersands and curly quotes; near for a one-character slip; different otherwise', () => {
    expect(compareTitles('Kent’s Plan & Strategy', "KENT'S PLAN AND STRATEGY")).toBe('exact');
    expect(compareTitles('Revenue & Capital Budget Monitoring Exception Report 2010-12', 'Revenue & Capital Budget Monitoring Exception Report 2010-11')).toBe(
      'near',
    );
    expect(compareTitles('Libraries', 'Librarian')).toBe('different');
    expect(compareTitles('Bold Steps for Kent - The Medium Term Plan to 2014', 'Highways Business Plan IMG - Gulley Emptying Schedules')).toBe('different');
  });
});

describe('insight figures', async () => {
  const { scrutinyInsight, median } = await import('./insight.ts');
  const row = (id: string, status: ScrutinyStatus, meetingDate: string, firstResponseDate: string | null, portfolio: string | null) => ({
    id,
    status,
    meetingDate,
    dueDate: addMonths(meetingDate, 2),
    firstResponseDate,
    portfolio,
    label: id,
  });
  it('counts by status, the median days to a first response, the oldest open first, acceptance by portfolio', () => {
    const insight = scrutinyInsight(
      [
        row('a', 'PENDING', '2008-12-10', null, null),
        row('b', 'OUTSTANDING', '2010-12-08', null, null),
        row('c', 'ACCEPTED', '2011-06-01', '2011-06-15', 'Mrs J Whittle'),
        row('d', 'REJECTED', '2011-06-01', '2011-06-21', 'Mrs J Whittle'),
        row('e', 'IMPLEMENTED', '2011-12-13', '2011-12-18', 'Mr PM Hill OBE'),
      ],
      '2011-06-17',
    );
    expect(insight.byStatus.find((entry) => entry.status === 'PENDING')?.count).toBe(1);
    expect(insight.byStatus.reduce((sum, entry) => sum + entry.count, 0)).toBe(5);
    expect(insight.medianDaysToResponse).toBe(14);
    expect(insight.oldestOpen.map((entry) => [entry.id, entry.ageDays, entry.overdue])).toEqual([
      ['a', 919, true],
      ['b', 191, true],
    ]);
    expect(insight.acceptanceByPortfolio).toEqual([
      { portfolio: 'Mr PM Hill OBE', accepted: 1, rejected: 0, rate: 1 },
      { portfolio: 'Mrs J Whittle', accepted: 1, rejected: 1, rate: 0.5 },
    ]);
    expect(median([])).toBeNull();
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
