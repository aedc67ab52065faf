/** iCalendar feeds of meetings (all, and per committee) and RSS/Atom feeds of new decisions and published minutes. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const FEED_LENGTH = 50;

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

export function registerFeedRoutes(app: FastifyInstance, deps: { config: Config; database: DatabaseHandle }): void {
  app.get(ROUTES['feed.meetings.ics'], (request, reply) => getFeedMeetingsIcs(deps, request, reply));
  app.get(ROUTES['feed.committee.ics'], (request, reply) => getFeedCommitteeIcs(deps, request, reply));
  app.get(ROUTES['feed.decisions.rss'], (request, reply) => getFeedDecisionsRss(deps, request, reply));
  app.get(ROUTES['feed.decisions.atom'], (request, reply) => getFeedDecisionsAtom(deps, request, reply));
  app.get(ROUTES['feed.minutes.rss'], (request, reply) => getFeedMinutesRss(deps, request, reply));
  app.get(ROUTES['feed.minutes.atom'], (request, reply) => getFeedMinutesAtom(deps, request, reply));
}

async function decisionsFeed(deps: { config: Config; database: DatabaseHandle }, db: Kysely<Database>): Promise<Feed> {
  const { config, database } = deps;
  const { rows } = await listDecisions(db, { limit: FEED_LENGTH, offset: 0 });
  return newsFeed({
    publisher: config.authorityName,
    title: `${config.authorityName}: decisions`,
    description: 'Resolutions of the council and its committees, and decisions taken by the executive, newest first.',
    siteUrl: absolute(deps, linkTo('decision.list')),
    feedLinks: { rss: absolute(deps, linkTo('feed.decisions.rss')), atom: absolute(deps, linkTo('feed.decisions.atom')) },
    items: rows.map((row) => {
      const view = presentDecisionSummary(row);
      return {
        id: `urn:quorum:${row.id}`,
        title: `${row.provisional ? 'Provisional: ' : ''}${view.subject} (${view.maker})`,
        link: absolute(deps, view.href),
        date: dayInstant(row.date),
        description: view.text,
      };
    }),
  });
}

async function minutesFeed(deps: { config: Config; database: DatabaseHandle }, db: Kysely<Database>): Promise<Feed> {
  const { config, database } = deps;
  const rows = await publishedMinutes(db, FEED_LENGTH);
  return newsFeed({
    publisher: config.authorityName,
    title: `${config.authorityName}: published minutes`,
    description: 'Minutes of council and committee meetings, newest meeting first.',
    siteUrl: absolute(deps, linkTo('meeting.list')),
    feedLinks: { rss: absolute(deps, linkTo('feed.minutes.rss')), atom: absolute(deps, linkTo('feed.minutes.atom')) },
    items: rows.map((row) => ({
      id: `urn:quorum:minutes:${row.id}`,
      title: `Minutes: ${row.body_name}, ${formatDate(row.date)}`,
      link: `${absolute(deps, meetingHref(row))}#minutes`,
      date: dayInstant(row.date),
      description: minutesItemDescription(row),
    })),
  });
}

function absolute(deps: { config: Config; database: DatabaseHandle }, path: string) {
  const { config, database } = deps;
  const base = publicBaseUrl(config);
  return `${base}${path}`;
}

function sendCalendar(deps: { config: Config; database: DatabaseHandle }, reply: FastifyReply, text: string, filename: string) {
  const { config, database } = deps;
  return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${filename}"`).send(text);
}

async function getFeedMeetingsIcs(deps: { config: Config; database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const base = publicBaseUrl(config);
  const uidDomain = new URL(base).hostname;
  const meetings = await calendarMeetings(readerFor(database, request));
  const text = meetingCalendar({ name: `${config.authorityName} meetings`, meetings, meetingUrl: (row) => absolute(deps, meetingHref(row)), uidDomain });
  return sendCalendar(deps, reply, text, 'meetings.ics');
}

async function getFeedCommitteeIcs(deps: { config: Config; database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const base = publicBaseUrl(config);
  const uidDomain = new URL(base).hostname;
  const params = SlugParamSchema.safeParse(request.params);
  if (!params.success) throw NotFound('Committee not found');
  const db = readerFor(database, request);
  const body = await findBodyBySlug(db, params.data.slug);
  if (!body) throw NotFound('Committee not found');
  const meetings = await calendarMeetings(db, { bodyId: body.id });
  const text = meetingCalendar({ name: `${body.name} meetings`, meetings, meetingUrl: (row) => absolute(deps, meetingHref(row)), uidDomain });
  return sendCalendar(deps, reply, text, `${body.slug}.ics`);
}

async function getFeedDecisionsRss(deps: { config: Config; database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  return sendFeed(reply, await decisionsFeed(deps, readerFor(database, request)), 'rss');
}

async function getFeedDecisionsAtom(deps: { config: Config; database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  return sendFeed(reply, await decisionsFeed(deps, readerFor(database, request)), 'atom');
}

async function getFeedMinutesRss(deps: { config: Config; database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  return sendFeed(reply, await minutesFeed(deps, readerFor(database, request)), 'rss');
}

async function getFeedMinutesAtom(deps: { config: Config; database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  return sendFeed(reply, await minutesFeed(deps, readerFor(database, request)), 'atom');
}
