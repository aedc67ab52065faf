import { describe, expect, it } from 'vitest';
import { actionStatus, coverage, measureProgress, type CoverageAction, type ProgressEvent } from './coverage.ts';

const action213: CoverageAction = {
  id: 'a213',
  ref: '2.1.3',
  requirementIds: ['in3', 'ct1'],
  milestones: [
    { timescaleKind: 'range', due: '2011-09-01', measures: [{ id: 'm1' }, { id: 'm2' }] },
    { timescaleKind: 'range', due: '2011-08-30', measures: [{ id: 'm3' }] },
  ],
};
const action211: CoverageAction = {
  id: 'a211',
  ref: '2.1.1',
  requirementIds: ['o1'],
  milestones: [{ timescaleKind: 'completed', due: null, measures: [{ id: 'c1' }] }],
};
const action216: CoverageAction = {
  id: 'a216',
  ref: '2.1.6',
  requirementIds: [],
  milestones: [{ timescaleKind: 'date', due: '2011-03-31', measures: [{ id: 'p1' }] }],
};
const requirements = [
  { id: 'in3', code: 'IN 3' },
  { id: 'ct1', code: 'CT 1' },
  { id: 'o1', code: 'O 1' },
  { id: 'o18', code: 'O 18' },
];

describe('coverage as at a day', () => {
  it('lists the actions behind each requirement and flags requirements no action addresses', () => {
    const result = coverage(requirements, [action213, action211, action216], [], '2011-06-21');
    expect(result.requirements.find((r) => r.code === 'IN 3')).toMatchObject({ actionIds: ['a213'], uncovered: false });
    expect(result.requirements.filter((r) => r.uncovered).map((r) => r.code)).toEqual(['O 18']);
  });

  it('flags actions past a milestone without its measures completed, as the plan stood on 21 June 2011', () => {
    const result = coverage(requirements, [action213, action211, action216], [], '2011-06-21');
    expect(result.actions.get('a216')).toMatchObject({ overdue: true, overdueSince: '2011-03-31' });
    expect(result.actions.get('a213')!.overdue).toBe(false);
    expect(result.actions.get('a211')).toMatchObject({ overdue: false, measuresCompleted: 1, measuresTotal: 1 });
    // By September, 2.1.3's August milestone is late too.
    expect(coverage(requirements, [action213], [], '2011-09-02').actions.get('a213')).toMatchObject({ overdue: true, overdueSince: '2011-08-30' });
  });

  it('counts a measure completed only from the day an update says so', () => {
    const events: ProgressEvent[] = [
      { actionId: 'a216', measureId: 'p1', date: '2011-07-01', rag: 'green', measureCompleted: true },
      { actionId: 'a216', measureId: null, date: '2011-05-01', rag: 'red', measureCompleted: false },
    ];
    expect(actionStatus(action216, events, '2011-06-21')).toMatchObject({ overdue: true, rag: 'red', lastUpdate: '2011-05-01', measuresCompleted: 0 });
    expect(actionStatus(action216, events, '2011-07-01')).toMatchObject({ overdue: false, rag: 'green', measuresCompleted: 1 });
  });

  it('adds up measures completed for a progress bar', () => {
    const result = coverage(requirements, [action213, action211, action216], [], '2011-06-21');
    expect(measureProgress(result.actions.values())).toEqual({ completed: 1, total: 5, percent: 20 });
  });
});
