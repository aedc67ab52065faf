/**
 * RSS and Atom carry the text of papers, and a paper may hold markup (an imported paper, or a title typed with a tag in
 * it). A feed reader that renders the feed must show that markup as text, never run it: every title and description
 * is text, whatever the format says about HTML. Generated texts are checked on both formats, read with an XML parser
 * and then as HTML the way a reader would.
 */
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { parse as parseHtml, NodeType } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { newsFeed, type FeedItemInput } from '../../src/services/feeds/news-feeds.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'Winter service <b>review</b> & salt ]]> stocks',
  '<![CDATA[<script>alert(2)</script>]]>',
  '&lt;script&gt;alert(3)&lt;/script&gt;',
  'Fish &amp; chips',
];

/**
 * Text as an XML reader gets it back: the C0 controls other than tab, line feed and carriage return are not allowed,
 * and line ends are read as "\n" (XML 1.0 section 2.11: a parser turns "\r\n" and a lone "\r" into "\n").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
const xmlText = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/\r\n?/g, '\n');

function feedOf(items: Array<Pick<FeedItemInput, 'title' | 'description'>>) {
  return newsFeed({
    publisher: 'Kent County Council',
    title: 'Kent County Council: decisions',
    description: 'Decisions',
    siteUrl: 'https://quorum.example/decisions',
    feedLinks: { rss: 'https://quorum.example/decisions.rss', atom: 'https://quorum.example/decisions.atom' },
    items: items.map((item, index) => ({
      ...item,
      id: `urn:quorum:decision-${index}`,
      link: `https://quorum.example/decisions#${index}`,
      date: new Date(Date.UTC(2011, 3, 6 + index)),
    })),
  });
}

/** The elements of a tag, as an array (xmldom's lists are not iterable). */
function elements(parent: Document | Element, tag: string): Element[] {
  const list = parent.getElementsByTagName(tag);
  return Array.from({ length: list.length }, (_, index) => list.item(index)!);
}

function xml(text: string): Document {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level: string, message: string) => (level === 'warning' ? undefined : errors.push(message)),
  } as never).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return document as unknown as Document;
}

/** What a reader shows for an element: its text when the feed says text, else its content rendered as HTML. */
function shown(element: Element, isHtml: boolean): { text: string; elements: number } {
  const content = element.textContent ?? '';
  if (!isHtml) return { text: content, elements: 0 };
  const root = parseHtml(content, { comment: true });
  const elements = root.querySelectorAll('*').length + root.childNodes.filter((node) => node.nodeType === NodeType.COMMENT_NODE).length;
  return { text: root.textContent, elements };
}

function expectAsText(feedText: { rss: string; atom: string }, items: Array<{ title: string; description: string }>) {
  const rssItems = elements(xml(feedText.rss), 'item');
  expect(rssItems).toHaveLength(items.length);
  // RSS 2.0 says a description may hold HTML, and readers render titles as HTML too: both must render as the text.
  for (const [index, item] of rssItems.entries()) {
    for (const [tag, original] of [
      ['title', items[index]!.title],
      ['description', items[index]!.description],
    ] as const) {
      const view = shown(elements(item, tag)[0]!, true);
      expect(view.elements, `${tag}: ${original}`).toBe(0);
      expect(view.text).toBe(xmlText(original));
    }
  }
  const entries = elements(xml(feedText.atom), 'entry');
  expect(entries).toHaveLength(items.length);
  for (const [index, entry] of entries.entries()) {
    for (const [tag, original] of [
      ['title', items[index]!.title],
      ['summary', items[index]!.description],
    ] as const) {
      const element = elements(entry, tag)[0]!;
      const type = element.getAttribute('type') ?? 'text';
      expect(['text', 'html']).toContain(type);
      const view = shown(element, type === 'html');
      expect(view.elements, `${tag}: ${original}`).toBe(0);
      expect(view.text).toBe(xmlText(original));
    }
  }
}

describe('RSS and Atom feeds', () => {
  it('carry titles and descriptions with markup in them as text', () => {
    const items = HOSTILE.map((text, index) => ({ title: text, description: HOSTILE[(index + 1) % HOSTILE.length]! }));
    const feed = feedOf(items);
    expectAsText({ rss: feed.rss2(), atom: feed.atom1() }, items);
  });

  it('carry any text as text, and stay well-formed XML', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...HOSTILE),
      fc.array(fc.constantFrom('<', '>', '&', ']]>', 'amp;', '<b>', '"', "'", 'x', ' '), { maxLength: 12 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ title: text, description: text }), { minLength: 1, maxLength: 4 }), (items) => {
        // The feed library leaves out an empty description or title; those have nothing to show.
        const kept = items.map((item) => ({
          title: xmlText(item.title).trim() ? item.title : 'x',
          description: xmlText(item.description).trim() ? item.description : 'x',
        }));
        const feed = feedOf(kept);
        expectAsText({ rss: feed.rss2(), atom: feed.atom1() }, kept);
      }),
      { numRuns: 60 },
    );
  });
});
