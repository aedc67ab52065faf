import { describe, expect, it } from 'vitest';
import { decodeDecisionCursor, encodeDecisionCursor } from './decision-cursor.ts';

describe("the decisions register's page cursors", () => {
  it('carry any entry key through a link unchanged', () => {
    const cursor = { date: '2011-04-12', bodyName: 'Planning & Regulation: “Area” Committee', minuteNumber: '12(b)', position: 3, id: 'resolution-1a' };
    const text = encodeDecisionCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeDecisionCursor(text)).toEqual(cursor);
    const decision = { date: '1999-12-31', bodyName: null, minuteNumber: null, position: 0, id: 'decision-7' };
    expect(decodeDecisionCursor(encodeDecisionCursor(decision))).toEqual(decision);
  });

  it('name no page when they do not decode to a key', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const text of [
      '',
      'not base64 at all!',
      encode('2011-04-12'),
      encode(['2011-13-40', null, null, 0, 'x']),
      encode(['2011-04-12', null, null, 1.5, 'x']),
      encode(['2011-04-12', null, null, 0, '']),
      encode(['2011-04-12', 3, null, 0, 'x']),
      'A'.repeat(3000),
    ]) {
      expect(decodeDecisionCursor(text), text).toBeUndefined();
    }
  });
});
