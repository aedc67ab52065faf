import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearWorkingDaysBetween, isWorkingDay, JURISDICTIONS, latestPublicationDate } from '../working-days.ts';
import {
  awaitingOfficer,
  CLEARANCE_WORKING_DAYS,
  daysOverdue,
  deadlineProblems,
  defaultDeadline,
  nextState,
  REPORT_REQUEST_STATES,
  type ReportRequestAction,
  type ReportRequestState,
} from './report-requests.ts';

const ACTIONS: ReportRequestAction[] = ['submit', 'clear', 'return'];
const day = (from: string, offset: number) => {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};
const dates = fc.integer({ min: 0, max: 365 * 60 }).map((offset) => day('1990-01-01', offset));

describe('the report request state machine', () => {
  it('allows exactly the documented transitions', () => {
    const allowed = REPORT_REQUEST_STATES.flatMap((state) => ACTIONS.map((action) => [state, action, nextState(state, action)] as const)).filter(
      ([, , next]) => next,
    );
    expect(allowed).toEqual([
      ['requested', 'submit', 'submitted'],
      ['submitted', 'clear', 'cleared'],
      ['submitted', 'return', 'returned'],
      ['returned', 'submit', 'submitted'],
    ]);
  });

  it('reaches cleared only straight after a submission, and nothing follows it, whatever the officers try', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 40 }), (attempts) => {
        let state: ReportRequestState = 'requested';
        let previous: ReportRequestState = state;
        for (const action of attempts) {
          const next = nextState(state, action);
          if (!next) continue;
          if (state === 'cleared') throw new Error('a cleared request moved on');
          previous = state;
          state = next;
          if (state === 'cleared') expect(previous).toBe('submitted');
          if (state === 'submitted') expect(['requested', 'returned']).toContain(previous);
        }
        // Overdue only counts a request while the officer holds it.
        expect(awaitingOfficer(state)).toBe(state === 'requested' || state === 'returned');
      }),
    );
  });
});

describe('the default deadline', () => {
  it('is two working days before the last day to publish on time, in every jurisdiction', () => {
    fc.assert(
      fc.property(dates, fc.constantFrom(...JURISDICTIONS), (meetingDate, jurisdiction) => {
        const deadline = defaultDeadline(meetingDate, '1980-01-01', jurisdiction);
        const publication = latestPublicationDate(meetingDate, 5, jurisdiction);
        expect(isWorkingDay(deadline, jurisdiction)).toBe(true);
        expect(deadline < publication).toBe(true);
        // Working days from the deadline up to and including the publication day.
        expect(clearWorkingDaysBetween(deadline, publication, jurisdiction) + 1).toBe(CLEARANCE_WORKING_DAYS);
      }),
      { numRuns: 300 },
    );
  });

  it('is never in the past and passes its own checks whenever the meeting is not', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 60 }), (today, ahead) => {
        const meetingDate = day(today, ahead);
        const deadline = defaultDeadline(meetingDate, today, 'england-and-wales');
        expect(deadline >= today).toBe(true);
        expect(deadlineProblems(deadline, meetingDate, today)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('for a meeting on Tuesday 20 January 2026 is Thursday 8 January', () => {
    // Five clear working days: 13 to 19 January leave Monday 12 January to publish; two working days before: 8 January.
    expect(latestPublicationDate('2026-01-20', 5, 'england-and-wales')).toBe('2026-01-12');
    expect(defaultDeadline('2026-01-20', '2026-01-02', 'england-and-wales')).toBe('2026-01-08');
  });
});

describe('deadline checks and days overdue', () => {
  it('refuses a deadline in the past or after the meeting, and nothing else', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 60 }), (today, deadlineOffset, meetingOffset) => {
        const deadline = day(today, deadlineOffset);
        const meeting = day(today, meetingOffset);
        const problems = deadlineProblems(deadline, meeting, today);
        expect(problems.length > 0).toBe(deadline < today || deadline > meeting);
      }),
    );
    expect(deadlineProblems('2026-01-01', '2026-01-20', '2026-01-02')).toEqual(['The deadline must be today or later']);
    expect(deadlineProblems('2026-01-21', '2026-01-20', '2026-01-02')).toEqual(['The deadline must be on or before the day of the meeting']);
  });

  it('counts calendar days past the deadline, across clock changes', () => {
    expect(daysOverdue('2026-03-27', '2026-03-30')).toBe(3);
    expect(daysOverdue('2026-01-08', '2026-01-08')).toBe(0);
    expect(daysOverdue('2026-01-09', '2026-01-08')).toBe(0);
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 400 }), (deadline, late) => {
        expect(daysOverdue(deadline, day(deadline, late))).toBe(late);
      }),
    );
  });
});
