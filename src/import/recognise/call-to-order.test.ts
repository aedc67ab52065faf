import { describe, expect, it } from 'vitest';
import { callToOrder } from './call-to-order.ts';

describe('callToOrder', () => {
  it('reads body, kind, presiding officer, time and the date printed above', () => {
    expect(
      callToOrder('HARBOR CITY COUNCIL MARCH 3, 2027 The regular meeting of the Harbor City Council was called to order by Mayor Ash at 7:02 p.m.'),
    ).toMatchObject({
      bodyName: 'Harbor City Council',
      kind: 'regular',
      chair: { familyName: 'Ash' },
      chairRole: 'Mayor',
      startTime: '19:02',
      date: '2027-03-03',
    });
  });

  it('reads the time before the officer, a time without "at", and no body', () => {
    expect(callToOrder('June 1, 2026. The meeting was called to order at 6:30 pm by Chair Birch.')).toMatchObject({
      chair: { familyName: 'Birch' },
      chairRole: 'Chair',
      startTime: '18:30',
      date: '2026-06-01',
    });
    expect(callToOrder('The special meeting of the Parks Board was called to order by President Cedar 5:15 p.m.')).toMatchObject({
      bodyName: 'Parks Board',
      kind: 'special',
      chairRole: 'President',
      startTime: '17:15',
    });
  });

  it('reads "Mayor X called the meeting to order", with the date printed after', () => {
    expect(callToOrder('Mayor Pro Tem Dunn called the regular meeting to order at 7 p.m. on April 4, 2025.')).toMatchObject({
      chair: { familyName: 'Dunn' },
      chairRole: 'Mayor Pro Tem',
      startTime: '19:00',
      date: '2025-04-04',
    });
  });

  it('finds nothing in a sentence about order of business', () => {
    expect(callToOrder('The Chair called for order and the item was deferred.')).toBeUndefined();
  });
});
