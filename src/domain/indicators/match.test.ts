import { describe, expect, it } from 'vitest';
import { matchIndicator, type IndicatorName } from './match.ts';

const dashboard: IndicatorName[] = [
  { id: 'unallocated', name: 'Number of Cases Unallocated for over 28 days', unit: 'count' },
  { id: 'ia', name: 'Initial Assessments in progress out of timescale', unit: 'count' },
  { id: 'ni59', name: 'Percentage of Initial Assessments carried out within 7 days of referral (NI 59)', unit: 'percent' },
  { id: 'ca', name: 'Core Assessments in progress out of timescale', unit: 'count' },
  { id: 'ni60', name: 'Percentage of Core Assessments carried out within 42 days of referral (NI 60)', unit: 'percent' },
  { id: 'filled', name: 'Percentage of caseholding posts filled', unit: 'percent' },
];

describe('matchIndicator', () => {
  it('matches report wording to dashboard indicators of the same unit', () => {
    expect(matchIndicator('unallocated cases', dashboard)).toEqual({ id: 'unallocated', complement: false });
    expect(matchIndicator('outstanding initial assessments', dashboard)).toEqual({ id: 'ia', complement: false });
    expect(matchIndicator('core assessments out of timescale', dashboard)).toEqual({ id: 'ca', complement: false });
    expect(matchIndicator('unallocated cases over 28 days', dashboard)?.id).toBe('unallocated');
  });

  it('reads a vacancy rate as the complement of posts filled', () => {
    expect(matchIndicator('vacancy rate of qualified social workers', dashboard)).toEqual({ id: 'filled', complement: true });
  });

  it('does not guess: no shared word, or a tie, is no match', () => {
    expect(matchIndicator('percentage of children adopted', dashboard)).toBeUndefined();
    expect(matchIndicator('assessments', dashboard)).toBeUndefined();
  });
});
