import ICAL from 'ical.js';
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
  withdrawn_at: null,
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

  it('reads back through a strict parser (ical.js) with the name, the summary and the place intact', () => {
    const text = meetingCalendar({
      name: 'Planning, Licensing and Regulation Committee meetings',
      meetings: [meeting({ location: 'Room 2, County Hall; Maidstone' })],
      meetingUrl: (row) => `https://quorum.example/meetings/${row.id}`,
      uidDomain: 'quorum.example',
    });
    // ical.js keeps properties it has no type for as raw text; NAME (RFC 7986 5.1) and X-WR-CALNAME (a non-standard
    // property, TEXT by default: RFC 5545 3.8.8.2) are TEXT, so the parser is told so and unescapes them.
    for (const name of ['name', 'x-wr-calname']) ICAL.design.icalendar.property[name] = { defaultType: 'text' };
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('name')).toBe('Planning, Licensing and Regulation Committee meetings');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Planning, Licensing and Regulation Committee meetings');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Planning, Licensing and Regulation Committee');
    expect(event.location).toBe('Room 2, County Hall; Maidstone');
    expect(event.uid).toBe('meeting-1a2b@quorum.example');
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
      items: [
        {
          id: 'urn:quorum:decision-1',
          title: 'A decision',
          link: 'https://quorum.example/decisions#1',
          date: new Date('2026-03-04T00:00:00Z'),
          description: 'Agreed',
        },
      ],
    }).atom1();
    expect(atom).toMatch(/<author>\s*<name>Kent County Council<\/name>/);
  });
});
