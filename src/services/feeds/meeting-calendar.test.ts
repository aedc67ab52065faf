import { describe, expect, it } from 'vitest';
import type { CalendarFeedRow } from '../../db/queries/portal/feeds.ts';
import { meetingCalendar } from './meeting-calendar.ts';
import { newsFeed } from './news-feeds.ts';

const meeting = (overrides: Partial<CalendarFeedRow> = {}): CalendarFeedRow => ({
  id: 'meeting-1a2b',
  date: '2026-03-04',
  start_time: '10:00',
  end_time: null,
  location: 'Council Chamber',
  status: 'scheduled',
  updated_at: new Date('2026-02-01T09:00:00Z'),
  sequence: 0,
  body_name: 'Planning, Licensing and Regulation Committee',
  body_slug: 'planning-licensing-and-regulation-committee',
  ...overrides,
});

const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');

const calendar = (rows: CalendarFeedRow[], name = 'Planning, Licensing and Regulation Committee meetings') =>
  unfolded(meetingCalendar({ name, meetings: rows, meetingUrl: (row) => `https://quorum.example/meetings/${row.id}`, uidDomain: 'quorum.example' }));

describe('the iCalendar feed (RFC 5545)', () => {
  it('escapes the calendar name as TEXT, so a comma in a committee name does not end the value', () => {
    const lines = calendar([meeting()]);
    expect(lines).toContain('X-WR-CALNAME:Planning\\, Licensing and Regulation Committee meetings');
    expect(lines).toContain('NAME:Planning\\, Licensing and Regulation Committee meetings');
    expect(lines).toContain('SUMMARY:Planning\\, Licensing and Regulation Committee');
  });

  it("carries each meeting's revision as SEQUENCE, so subscribed calendars take the change", () => {
    const lines = calendar([meeting({ sequence: 3, status: 'cancelled' })]);
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).toContain('STATUS:CANCELLED');
  });
});

describe('the Atom feed (RFC 4287)', () => {
  it('names the council as the feed author, as section 4.1.1 requires', () => {
    const atom = newsFeed({
      publisher: 'Kent County Council',
      title: 'Kent County Council: decisions',
      description: 'Decisions',
      siteUrl: 'https://quorum.example/decisions',
      feedLinks: { rss: 'https://quorum.example/decisions.rss', atom: 'https://quorum.example/decisions.atom' },
      items: [{ id: 'urn:quorum:decision-1', title: 'A decision', link: 'https://quorum.example/decisions#1', date: new Date('2026-03-04T00:00:00Z'), description: 'Agreed' }],
    }).atom1();
    expect(atom).toMatch(/<author>\s*<name>Kent County Council<\/name>/);
  });
});
