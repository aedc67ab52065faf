/** iCalendar feeds of meetings (all, and per committee) and RSS/Atom feeds of new decisions and published minutes. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import { findBodyBySlug } from '../../db/queries/portal/bodies.ts';
import { listDecisions } from '../../db/queries/portal/decisions.ts';
import { calendarMeetings, publishedMinutes } from '../../db/queries/portal/feeds.ts';
import { meetingCalendar } from '../../services/feeds/meeting-calendar.ts';
import { dayInstant, minutesItemDescription, newsFeed } from '../../services/feeds/news-feeds.ts';
import type { Feed } from 'feed';
import { NotFound } from '../../http/errors.ts';
import { presentDecisionSummary } from './presenters/decisions.ts';
import { formatDate } from '../meetings/presenters/meeting.ts';
import { meetingHref } from './presenters/links.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { SlugParamSchema } from './params.ts';
import { readerFor } from '../../http/reader.ts';
import { currentLanguage, DEFAULT_LANGUAGE, LANGUAGE_PARAMETER, type Language } from '../../http/language.ts';
import { t } from '../i18n/index.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const FEED_LENGTH = 50;

/** The feed's language as RSS and Atom name it. */
export const FEED_LANGUAGE: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };

/**
 * A feed reader sends no language cookie, so a Welsh feed's address carries the language (`?lang=cy`): the feed
 * links on a Welsh page, and a Welsh feed's own links, keep the reader in Welsh. English addresses stay bare.
 */
export function inReaderLanguage(path: string): string {
  const language = currentLanguage();
  return language === DEFAULT_LANGUAGE ? path : `${path}${path.includes('?') ? '&' : '?'}${LANGUAGE_PARAMETER}=${language}`;
}

/**
 * Feeds are read by other programs, far from the request, so their links are absolute. They start with the
 * configured public URL, never the request's Host header (which a client chooses, and a cached feed would keep).
 */
export function publicBaseUrl(config: Config): string {
  return (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');
}

function sendFeed(reply: FastifyReply, feed: Feed, format: 'rss' | 'atom') {
  if (format === 'rss') return reply.type('application/rss+xml; charset=utf-8').send(feed.rss2());
  return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
}

export function registerFeedRoutes(app: FastifyInstance, config: Config, database: DatabaseHandle): void {
  const base = publicBaseUrl(config);
  const uidDomain = new URL(base).hostname;
  const absolute = (path: string) => `${base}${path}`;
  const sendCalendar = (reply: FastifyReply, text: string, filename: string) =>
    reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${filename}"`).send(text);

  app.get(ROUTES['feed.meetings.ics'], async (request, reply) => {
    const meetings = await calendarMeetings(readerFor(database, request));
    const text = meetingCalendar({ name: `${config.authorityName} meetings`, meetings, meetingUrl: (row) => absolute(meetingHref(row)), uidDomain });
    return sendCalendar(reply, text, 'meetings.ics');
  });

  app.get(ROUTES['feed.committee.ics'], async (request, reply) => {
    const params = SlugParamSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Committee not found');
    const db = readerFor(database, request);
    const body = await findBodyBySlug(db, params.data.slug);
    if (!body) throw NotFound('Committee not found');
    const meetings = await calendarMeetings(db, { bodyId: body.id });
    const text = meetingCalendar({ name: `${body.name} meetings`, meetings, meetingUrl: (row) => absolute(meetingHref(row)), uidDomain });
    return sendCalendar(reply, text, `${body.slug}.ics`);
  });

  async function decisionsFeed(db: Kysely<Database>): Promise<Feed> {
    const { rows } = await listDecisions(db, {}, { limit: FEED_LENGTH });
    return newsFeed({
      publisher: config.authorityName,
      title: t('feeds.decisionsTitle', { authority: config.authorityName }),
      description: t('feeds.decisionsDescription'),
      siteUrl: absolute(inReaderLanguage(linkTo('decision.list'))),
      feedLinks: { rss: absolute(inReaderLanguage(linkTo('feed.decisions.rss'))), atom: absolute(inReaderLanguage(linkTo('feed.decisions.atom'))) },
      language: FEED_LANGUAGE[currentLanguage()],
      items: rows.map((row) => {
        const view = presentDecisionSummary(row);
        return {
          id: `urn:quorum:${row.id}`,
          title: t(row.provisional ? 'feeds.provisionalDecision' : 'feeds.decision', { subject: view.subject, maker: view.maker }),
          link: absolute(view.href),
          date: dayInstant(row.date),
          description: view.text,
        };
      }),
    });
  }

  async function minutesFeed(db: Kysely<Database>): Promise<Feed> {
    const rows = await publishedMinutes(db, FEED_LENGTH);
    return newsFeed({
      publisher: config.authorityName,
      title: t('feeds.minutesTitle', { authority: config.authorityName }),
      description: t('feeds.minutesDescription'),
      siteUrl: absolute(inReaderLanguage(linkTo('meeting.list'))),
      feedLinks: { rss: absolute(inReaderLanguage(linkTo('feed.minutes.rss'))), atom: absolute(inReaderLanguage(linkTo('feed.minutes.atom'))) },
      language: FEED_LANGUAGE[currentLanguage()],
      items: rows.map((row) => ({
        id: `urn:quorum:minutes:${row.id}`,
        title: t('feeds.minutesItem', { body: row.body_name, date: formatDate(row.date) }),
        link: `${absolute(meetingHref(row))}#minutes`,
        date: dayInstant(row.date),
        description: minutesItemDescription(row, { minutes: (titles) => t('feeds.minutesOf', { titles }), published: t('feeds.minutesPublished') }),
      })),
    });
  }

  app.get(ROUTES['feed.decisions.rss'], async (request, reply) => sendFeed(reply, await decisionsFeed(readerFor(database, request)), 'rss'));
  app.get(ROUTES['feed.decisions.atom'], async (request, reply) => sendFeed(reply, await decisionsFeed(readerFor(database, request)), 'atom'));
  app.get(ROUTES['feed.minutes.rss'], async (request, reply) => sendFeed(reply, await minutesFeed(readerFor(database, request)), 'rss'));
  app.get(ROUTES['feed.minutes.atom'], async (request, reply) => sendFeed(reply, await minutesFeed(readerFor(database, request)), 'atom'));
}
