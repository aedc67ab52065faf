/**
 * The approval order as a property: whatever order officers approve, undo and move meetings in, an approving meeting
 * is never on or before the meeting whose minutes it approved, and approval never names a meeting yet to begin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalProblem, meetingStart, moveProblem, type MeetingWhen } from './approval-order.ts';

const NOW = new Date('2026-12-07T12:00:00Z');
const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

type Operation = { kind: 'approve'; approved: number; at: number } | { kind: 'undo'; approved: number } | { kind: 'move'; meeting: number; to: number };

const MEETINGS = 6;
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('approve' as const), approved: fc.nat(MEETINGS - 1), at: fc.nat(MEETINGS - 1) }),
  fc.record({ kind: fc.constant('undo' as const), approved: fc.nat(MEETINGS - 1) }),
  fc.record({ kind: fc.constant('move' as const), meeting: fc.nat(MEETINGS - 1), to: fc.integer({ min: 0, max: 400 }) }),
);

describe('approval order', () => {
  it('no sequence of approve, undo and move lets an approving meeting precede the approved one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: MEETINGS, maxLength: MEETINGS }),
        fc.array(operation, { maxLength: 40 }),
        (offsets, operations) => {
          const meetings: MeetingWhen[] = offsets.map((offset, index) => ({
            id: `meeting-${index}`,
            bodyId: 'body-1',
            date: day(offset),
            startTime: index % 2 ? '10:00' : null,
          }));
          /** approvedAt[i] = the meeting that approved meeting i's minutes. */
          const approvedAt = new Map<number, number>();
          for (const op of operations) {
            if (op.kind === 'approve' && !approvedAt.has(op.approved) && !approvalProblem(meetings[op.approved]!, meetings[op.at]!, NOW)) {
              approvedAt.set(op.approved, op.at);
            } else if (op.kind === 'undo') {
              approvedAt.delete(op.approved);
            } else if (op.kind === 'move') {
              const approvedDates = [...approvedAt].filter(([, at]) => at === op.meeting).map(([approved]) => meetings[approved]!.date);
              const at = approvedAt.get(op.meeting);
              const to = day(op.to);
              if (!moveProblem(to, { approvedDates, approvedAtDate: at === undefined ? undefined : meetings[at]!.date }))
                meetings[op.meeting] = { ...meetings[op.meeting]!, date: to };
            }
            for (const [approved, at] of approvedAt) expect(meetings[at]!.date > meetings[approved]!.date).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('approves at a later meeting only once it has begun, in London time', () => {
    const approved: MeetingWhen = { id: 'a', bodyId: 'b', date: '2026-06-02', startTime: '10:00' };
    const at: MeetingWhen = { id: 'c', bodyId: 'b', date: '2026-07-07', startTime: '14:00' };
    // 14:00 in London in July is 13:00 UTC (BST).
    expect(meetingStart(at).toISOString()).toBe('2026-07-07T13:00:00.000Z');
    expect(approvalProblem(approved, at, new Date('2026-07-07T12:59:00Z'))).toMatch(/already begun/);
    expect(approvalProblem(approved, at, new Date('2026-07-07T13:00:00Z'))).toBeUndefined();
    expect(approvalProblem(at, approved, NOW)).toMatch(/later meeting/);
    expect(approvalProblem(approved, { ...at, bodyId: 'other' }, NOW)).toMatch(/later meeting/);
  });
});
