import { describe, expect, it } from 'vitest';
import { auditEvents } from './events.ts';

describe('an undone approval in the audit trail', () => {
  it('names the event with the officer’s reason', () => {
    const before = { minutes_approved_at: '2011-09-21T10:00:00Z', minutes_approved_at_meeting_id: 'meeting-2', approval_undone_reason: null };
    const after = { minutes_approved_at: null, minutes_approved_at_meeting_id: null, approval_undone_reason: 'Approved at the wrong meeting' };
    expect(auditEvents({ table: 'meeting_workflow', action: 'update', before, after })).toEqual([
      'Undid the approval of the minutes: Approved at the wrong meeting',
    ]);
    expect(auditEvents({ table: 'meeting_workflow', action: 'update', before: after, after: before })).toEqual([
      'Approved the minutes as a correct record (locked)',
    ]);
  });
});
