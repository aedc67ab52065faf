/**
 * RSS 2.0 and Atom 1.0 feeds of new decisions and of published minutes, made by the `feed` library. Items carry the
 * public summary only: resolutions of exempt minutes never reach the register's rows, and a minutes item lists
 * titles, never an exempt minute's text.
 *
 * Titles and descriptions are text from papers, and a paper may hold markup. The `feed` library writes them as HTML
 * (Atom type="html", RSS CDATA, which readers render as HTML), so each is written as HTML that shows the text and
 * nothing else: markup in a paper is shown to the reader, never run by the reader.
 */
import { Feed } from 'feed';
import type { PublishedMinutesRow } from '../../db/queries/portal/feeds.ts';

export interface FeedItemInput {
  /** A stable IRI naming the record ("urn:quorum:resolution-1a2b"): several resolutions share one page link. */
  id: string;
  title: string;
  /** Absolute URL of the record's page. */
  link: string;
  date: Date;
  description: string;
}

export interface NewsFeedProps {
  title: string;
  /** Who publishes the feed (the council): Atom requires an author for the feed or every entry (RFC 4287 4.1.1). */
  publisher: string;
  description: string;
  /** Absolute URL of the page the feed follows (the register, the meetings). */
  siteUrl: string;
  feedLinks: { rss: string; atom: string };
  items: FeedItemInput[];
  /** The language the feed's own words are in (BCP 47, "en-GB" or "cy-GB"); the records keep theirs. */
  language?: string;
}

export function newsFeed(props: NewsFeedProps): Feed {
  const newest = props.items.reduce<Date | undefined>((latest, item) => (!latest || item.date > latest ? item.date : latest), undefined);
  const feed = new Feed({
    id: props.siteUrl,
    title: feedText(props.title),
    description: feedText(props.description),
    link: props.siteUrl,
    language: props.language ?? 'en-GB',
    generator: 'Quorum',
    copyright: props.title,
    feedLinks: props.feedLinks,
    author: { name: feedText(props.publisher), link: props.siteUrl },
    // The newest item, not the clock: the same records give the same bytes (and ETag).
    updated: newest ?? new Date(0),
  });
  for (const item of props.items) {
    feed.addItem({ id: item.id, guid: item.id, title: feedText(item.title), link: item.link, date: item.date, description: feedText(item.description) });
  }
  return feed;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML that shows exactly that text: markup characters escaped, and the characters XML 1.0 cannot carry (C0
 * controls other than tab, line feed and carriage return; U+FFFE and U+FFFF) left out so the feed stays well-formed.
 */
export function feedText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** A council date as an instant: midnight UTC, so feed readers sort by the day of the meeting or decision. */
export function dayInstant(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

/** words: the feed's own words in the reader's language (the portal passes the catalogue's); English by default. */
export function minutesItemDescription(
  row: PublishedMinutesRow,
  words: { minutes: (titles: string) => string; published: string } = { minutes: (titles) => `Minutes: ${titles}`, published: 'Minutes published' },
): string {
  const titles = row.minutes.map((minute) => `${minute.number}. ${minute.title}`);
  return titles.length ? words.minutes(titles.join('; ')) : words.published;
}
