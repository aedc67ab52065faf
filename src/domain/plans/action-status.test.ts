import { describe, expect, it } from 'vitest';
import { actionStatusOf } from './action-status.ts';

describe('actionStatusOf', () => {
  it.each([
    ['Completed', 'completed'],
    ['complete.', 'completed'],
    ['Achieved', 'completed'],
    ['On track', 'in-progress'],
    ['In progress', 'in-progress'],
    ['Ongoing', 'in-progress'],
    ['Not complete', 'outstanding'],
    ['not yet completed', 'outstanding'],
    ['Outstanding', 'outstanding'],
    ['Delayed', 'outstanding'],
    ['Not started', 'not-started'],
    ['No longer required', 'cancelled'],
  ] as const)('reads "%s" as %s', (printed, status) => {
    expect(actionStatusOf(printed)).toBe(status);
  });

  it('names no status for other words (a RAG colour is not a status)', () => {
    expect(actionStatusOf('Green')).toBeUndefined();
    expect(actionStatusOf('see paragraph 3')).toBeUndefined();
    expect(actionStatusOf('')).toBeUndefined();
  });
});
