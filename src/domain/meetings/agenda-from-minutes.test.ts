import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaFromMinutes } from './agenda-from-minutes.ts';

describe('the agenda as the minutes record it', () => {
  it('lists each cited item once, in the agenda’s order', () => {
    const listed = agendaFromMinutes([
      { agendaItem: '10', number: '7', title: 'Accounting policies' },
      { agendaItem: '4', number: '1', title: 'Minutes' },
      { agendaItem: '5b', number: '3', title: 'Second part' },
      { agendaItem: '5a', number: '2', title: 'First part' },
      { agendaItem: '4', number: '9', title: 'Minutes again' },
    ]);
    expect(listed.map((item) => [item.agendaItem, item.number])).toEqual([
      ['4', '1'],
      ['5a', '2'],
      ['5b', '3'],
      ['10', '7'],
    ]);
  });

  it('keeps one entry per distinct item number, ordered by number', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ agendaItem: fc.integer({ min: 1, max: 40 }).map(String), number: fc.integer({ min: 1, max: 99 }).map(String), title: fc.string() }),
        ),
        (minutes) => {
          const listed = agendaFromMinutes(minutes);
          expect(listed.map((item) => Number(item.agendaItem))).toEqual([...new Set(minutes.map((minute) => Number(minute.agendaItem)))].sort((a, b) => a - b));
          for (const item of listed) expect(minutes.find((minute) => minute.agendaItem === item.agendaItem)).toEqual(item);
        },
      ),
    );
  });
});
