import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractProseActions, namedPlan } from './prose-actions.ts';

/** Made-up papers: no council's words. */
const lines = (text: string) => text.split('\n');

describe('extractProseActions', () => {
  it('reads actions named by ref in status sentences, each clause with its own status', () => {
    const found = extractProseActions(
      lines(`Progress on the Customer Improvement Plan

Three actions, 4.02, 4.1 and 7.3, have been completed since the report in May 2019. Two actions remain outstanding, 9.03 and 9.4; action 11.2 is on track.

The budget rose by 2.5 million and the meeting began at 6.30 pm.`),
      10,
    );
    expect(found.planTitle).toBe('Customer Improvement Plan');
    expect(found.actions.map((action) => [action.ref, action.status, action.lineFrom])).toEqual([
      ['4.02', 'completed', 12],
      ['4.1', 'completed', 12],
      ['7.3', 'completed', 12],
      ['9.03', 'outstanding', 12],
      ['9.4', 'outstanding', 12],
      ['11.2', 'in-progress', 12],
    ]);
  });

  it('leaves sums, times and dates in a status sentence alone', () => {
    const found = extractProseActions(lines('The Recovery Plan: actions costing £1.50 each at 6.30 pm on 14.03.2012 are complete.'), 1);
    expect(found.actions).toEqual([]);
  });

  it('reads labelled records on one line, and over several lines', () => {
    const found = extractProseActions(
      lines(`Waste Service Action Plan

Action 1: Renew the depot lease; Owner: Head of Environment; Status: Complete
Action 2: Replace the collection fleet; Owner: Sam Porter; Deadline: June 2015; Status: On track

Action: Publish a new round timetable
Lead: Head of Environment
Deadline: 31 March 2015
Status: Not yet started`),
      1,
    );
    expect(found.planTitle).toBe('Waste Service Action Plan');
    expect(found.actions).toMatchObject([
      { ref: '1', text: 'Renew the depot lease', status: 'completed', milestones: [{ leads: [{ kind: 'role', role: 'Head of Environment' }] }] },
      {
        ref: '2',
        text: 'Replace the collection fleet',
        status: 'in-progress',
        milestones: [{ timescale: { kind: 'date', end: '2015-06-30' }, leads: [{ kind: 'person', name: 'Sam Porter' }] }],
      },
      { ref: '3', text: 'Publish a new round timetable', status: 'not-started', lineFrom: 6, lineTo: 9 },
    ]);
  });

  it('reads lettered and bulleted commitments with a deadline and a lead', () => {
    const found = extractProseActions(
      lines(`To deliver the Housing Improvement Plan the Council will:

(a) review the allocations policy by March 2014 (lead: Head of Housing);
(b) open a second advice centre by 30 September 2014 (Owner - Ann Lake) (complete)
• The Council will publish a tenants' charter before the end of June 2014.
• Tenants said that the service had improved.`),
      1,
    );
    expect(found.planTitle).toBe('Housing Improvement Plan');
    expect(found.actions).toMatchObject([
      {
        ref: 'a',
        text: 'review the allocations policy by March 2014;',
        milestones: [{ timescale: { end: '2014-03-31' }, leads: [{ kind: 'role', role: 'Head of Housing' }] }],
      },
      { ref: 'b', status: 'completed', milestones: [{ leads: [{ kind: 'person', name: 'Ann Lake' }] }] },
      { ref: '3', text: "The Council will publish a tenants' charter before the end of June 2014.", milestones: [{ leads: [] }] },
    ]);
    expect(found.actions).toHaveLength(3);
  });

  it('reads a plain sentence of who will do what by when', () => {
    const found = extractProseActions(lines('The Parks Delivery Plan. The Council will replant the avenue by April 2016 (Head of Parks to lead).'), 1);
    expect(found.actions).toMatchObject([{ ref: '1', milestones: [{ leads: [{ kind: 'role', role: 'Head of Parks' }] }] }]);
  });

  it('imports no action, and says why, when the paper names no plan', () => {
    const found = extractProseActions(lines('Two actions, 1.1 and 1.2, have been completed.'), 4);
    expect(found.actions).toEqual([]);
    expect(found.issues[0]).toMatchObject({ line: 4, message: expect.stringMatching(/names no plan/) });
  });

  it('finds nothing in prose that states no action', () => {
    const found = extractProseActions(lines('The Improvement Plan was noted. Members will meet again in 2015.'), 1);
    expect(found).toEqual({ actions: [], issues: [] });
  });

  it('names the plan without its article', () => {
    expect(namedPlan(['progress on the Corporate Improvement Plan (CIP) be noted'])).toBe('Corporate Improvement Plan');
  });
});

describe('extractProseActions on any input', () => {
  const fragment = fc.constantFrom(
    'action',
    'Actions ',
    ' 19.01',
    '2.3.1, ',
    ' and ',
    ' have been completed',
    ' remains outstanding',
    '(lead: ',
    'Head of X)',
    ')',
    '(',
    ' by March 2013',
    ' will ',
    'Action 3: ',
    'Owner: ',
    'Status: ',
    '; ',
    '\t',
    '(a) ',
    '• ',
    '. ',
    '\n',
    ' Improvement Plan',
    '£1.5',
    ' ',
    'x',
  );
  const paper = fc.array(fc.oneof(fragment, fc.string({ maxLength: 20 })), { maxLength: 200 }).map((parts) => parts.join(''));

  it('never throws, and every action it gives has a ref and lines inside the paper', () => {
    fc.assert(
      fc.property(paper, (text) => {
        const given = lines(text);
        const found = extractProseActions(given, 1);
        for (const action of found.actions) {
          expect(action.ref).not.toBe('');
          expect(action.lineFrom).toBeGreaterThanOrEqual(1);
          expect(action.lineTo).toBeLessThanOrEqual(given.length);
        }
      }),
    );
  });

  it('reads a hostile long line without backtracking (a catastrophic pattern would take minutes)', () => {
    // Adversarial: one very long line of near-matches.
    const long = `${'(lead: Head of ('.repeat(2000)} ${'1.1 '.repeat(2000)} ${'Action 1: x; '.repeat(500)}`;
    const start = performance.now();
    extractProseActions([long, long], 1);
    // Linear reading takes milliseconds; the bound is wide so a loaded machine never fails it.
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
