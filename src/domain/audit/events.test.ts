import { describe, expect, it } from 'vitest';
import { auditEvents, idsIn } from './events.ts';

describe('audit events', () => {
  const workflow = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
    auditEvents({ table: 'meeting_workflow', action: before ? 'update' : 'insert', before, after });

  it('names the milestones of a meeting’s papers, both ways', () => {
    const none = { agenda_published_at: null, minutes_published_at: null, minutes_approved_at: null };
    expect(workflow(null, { ...none, agenda_published_at: '2030-07-01T09:00:00Z' })).toEqual(['Published the agenda']);
    expect(workflow({ ...none, agenda_published_at: 'x' }, none)).toEqual(['Withdrew the agenda']);
    expect(workflow({ ...none, agenda_published_at: 'x' }, { ...none, agenda_published_at: 'x', minutes_published_at: 'y' })).toEqual([
      'Published the minutes',
    ]);
    expect(workflow({ ...none, minutes_published_at: 'y' }, { ...none, minutes_published_at: 'y', minutes_approved_at: 'z' })).toEqual([
      'Approved the minutes as a correct record (locked)',
    ]);
    expect(workflow({ ...none, minutes_approved_at: 'z' }, none)).toEqual(['Undid the approval of the minutes']);
    expect(workflow(none, { ...none })).toEqual(['Changed meeting papers']);
  });

  it('names other changes by action and kind of record', () => {
    expect(auditEvents({ table: 'agenda_item', action: 'insert', before: null, after: {} })).toEqual(['Created agenda item']);
    expect(auditEvents({ table: 'some_new_table', action: 'delete', before: {}, after: null })).toEqual(['Deleted some new table']);
  });

  it('finds the ids worth naming in a row, once each', () => {
    expect(
      idsIn([
        { person_id: 'person-1a2b3c4d', body_id: 'body-9f8e7d6c', role: 'Chairman', note: 'person-? not an id' },
        { person_id: 'person-1a2b3c4d' },
        null,
      ]).sort(),
    ).toEqual(['body-9f8e7d6c', 'person-1a2b3c4d']);
  });
});
