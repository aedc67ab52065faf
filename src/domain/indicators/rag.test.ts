import { describe, expect, it } from 'vitest';
import { assessTarget, knownSeries, type Observation } from './rag.ts';

// IN 3: at most 200 initial assessments out of timescale by August 2011.
const target = { value: 200, comparison: 'at-most' as const, deadline: '2011-08-31' };
const reported: Observation[] = [
  { period: '2011-02', value: 1926, asAt: '2011-05-12' },
  { period: '2011-04', value: 856, asAt: '2011-05-12' },
  { period: '2011-05', value: 665, asAt: '2011-06-21' },
];

describe('assessTarget', () => {
  it('is amber while ahead of the trajectory to the target', () => {
    // Feb 1926 -> Aug 200: by the end of April the line is at about 1358; 856 is ahead of it.
    const result = assessTarget(target, reported, '2011-05-12');
    expect(result.rag).toBe('amber');
    expect(result.latest?.value).toBe(856);
    expect(result.expected).toBeGreaterThan(1300);
    expect(result.expected).toBeLessThan(1400);
  });

  it('uses only figures reported by the day', () => {
    expect(assessTarget(target, reported, '2011-06-20').latest?.value).toBe(856);
    expect(assessTarget(target, reported, '2011-06-21').latest?.value).toBe(665);
    expect(assessTarget(target, reported, '2011-05-01').rag).toBe('none');
  });

  it('is red when behind the trajectory', () => {
    const slow = [...reported.slice(0, 1), { period: '2011-05', value: 1500, asAt: '2011-06-21' }];
    expect(assessTarget(target, slow, '2011-06-21').rag).toBe('red');
  });

  it('is red once the deadline has passed unmet, green when met', () => {
    expect(assessTarget(target, reported, '2011-09-01')).toMatchObject({ rag: 'red', reason: 'missed' });
    expect(assessTarget(target, [...reported, { period: '2011-08', value: 190, asAt: '2011-09-10' }], '2011-09-10').rag).toBe('green');
  });

  it('reads "at least" targets the other way (posts filled at least 90%)', () => {
    const filled = { value: 90, comparison: 'at-least' as const, deadline: null };
    expect(assessTarget(filled, [{ period: '2011-03', value: 92, asAt: '2011-04-10' }], '2011-05-01').rag).toBe('green');
    expect(assessTarget(filled, [{ period: '2011-03', value: 85, asAt: '2011-04-10' }], '2011-05-01').rag).toBe('amber');
  });
});

describe('knownSeries', () => {
  it('keeps the later report of a period reported twice', () => {
    const twice = [
      { period: '2011-02', value: 2269, asAt: '2011-05-12' },
      { period: '2011-02', value: 2270, asAt: '2011-06-21' },
    ];
    expect(knownSeries(twice, '2011-07-01')).toEqual([twice[1]]);
    expect(knownSeries(twice, '2011-06-01')).toEqual([twice[0]]);
  });
});
