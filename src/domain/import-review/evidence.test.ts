import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceToCheck, minuteToCheck, voteToCheck } from './evidence.ts';

describe('to check', () => {
  it('flags a name printed with a family name only, not one with initials', () => {
    expect(attendanceToCheck({ printed_name: 'Mr Cope', issueOnLines: false })).toMatch(/family name/);
    expect(attendanceToCheck({ printed_name: 'Mr B R Cope', issueOnLines: false })).toBeUndefined();
    expect(attendanceToCheck({ printed_name: 'Mr B R Cope', issueOnLines: true })).toMatch(/problem/);
  });

  it('flags a vote exactly when counts and listed names disagree, or nothing was counted', () => {
    const count = fc.nat({ max: 80 });
    fc.assert(
      fc.property(count, count, count, count, count, count, (f, a, b, nf, na, nb) => {
        const reason = voteToCheck({ for_count: f, against_count: a, abstain_count: b, named_for: nf, named_against: na, named_abstain: nb });
        const expected = f + a + b === 0 || (nf + na + nb > 0 && (f !== nf || a !== na || b !== nb));
        expect(reason !== undefined).toBe(expected);
      }),
    );
  });

  it('flags a minute with no text, no title or a very long span', () => {
    const base = { text: 'RESOLVED that the report be noted.', title: 'Budget', lineFrom: 10, lineTo: 20, issueOnLines: false };
    expect(minuteToCheck(base)).toBeUndefined();
    expect(minuteToCheck({ ...base, text: ' ' })).toMatch(/No text/);
    expect(minuteToCheck({ ...base, title: '' })).toMatch(/No title/);
    expect(minuteToCheck({ ...base, lineTo: 400 })).toMatch(/run together/);
  });
});
