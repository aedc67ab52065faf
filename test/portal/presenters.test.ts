import { describe, expect, it } from 'vitest';
import { highlightHeadline, plainHeadline } from '../../src/web/portal/presenters/highlight.ts';
import { groupMajority, percentage } from '../../src/web/portal/presenters/person.ts';
import { idFromSlug, meetingSlug, parseMeetingSlug, recordSlug } from '../../src/web/portal/slugs.ts';

describe('search highlights', () => {
  it('escapes the record text and turns only our markers into <mark>', () => {
    expect(highlightHeadline('a <script>alert(1)</script> \u0002foster\u0003 & \u0002carers\u0003')).toBe(
      'a &lt;script&gt;alert(1)&lt;/script&gt; <mark>foster</mark> &amp; <mark>carers</mark>',
    );
  });
  it('never leaves a tag open or closes one it did not open', () => {
    expect(highlightHeadline('\u0003x \u0002y')).toBe('x <mark>y</mark>');
    expect(highlightHeadline('\u0002\u0002a\u0003\u0003')).toBe('<mark>a</mark>');
    expect(plainHeadline('\u0002a\u0003  b')).toBe('a b');
  });
});

describe('councillor record arithmetic', () => {
  it('the group majority is the most chosen option, none on a tie or with no group', () => {
    expect(groupMajority({ for: 10, against: 2, abstain: 0 })).toBe('for');
    expect(groupMajority({ for: 3, against: 3, abstain: 1 })).toBeUndefined();
    expect(groupMajority({ for: 0, against: 0, abstain: 0 })).toBeUndefined();
  });
  it('attendance percentages round and say when nothing was expected', () => {
    expect(percentage(7, 8)).toBe('88%');
    expect(percentage(0, 1)).toBe('0%');
    expect(percentage(0, 0)).toBe('Not applicable');
  });
});

describe('friendly URLs', () => {
  it('round-trips record slugs and meeting slugs', () => {
    const slug = recordSlug('person-1a2b3c4d5e6f7a8b', 'Mr W A Hayton');
    expect(slug).toBe('mr-w-a-hayton-1a2b3c4d5e6f7a8b');
    expect(idFromSlug('person', slug)).toBe('person-1a2b3c4d5e6f7a8b');
    expect(idFromSlug('person', 'person-1a2b3c4d5e6f7a8b')).toBe('person-1a2b3c4d5e6f7a8b');
    expect(parseMeetingSlug(meetingSlug('2011-04-06', 'kent-county-council'))).toEqual({ date: '2011-04-06', bodySlug: 'kent-county-council' });
    expect(parseMeetingSlug('meeting-1a2b3c4d5e6f7a8b')).toBeUndefined();
  });
});
