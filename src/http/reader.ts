/**
 * Which database a request reads from. With a read replica (DATABASE_REPLICA_URL), an anonymous GET of a public page
 * or of the open data reads from the replica; everything else (anyone signed in, any request with credentials, every
 * write) uses the primary, so an officer always sees what they just saved.
 *
 * The rendered-page cache keys an anonymous page on the data version read from the same replica, before the page's
 * own queries: a replica replays commits in order, and the version commits with the data, so the page's queries see
 * that version or a newer one. A lagging replica therefore only delays a change; it can never put old data under a
 * new version. (Keying on the primary's version would: a page rendered from a replica behind it would be cached
 * under the newer version and served until the next change.) This holds for a replica URL naming one server: behind
 * an address that spreads connections over replicas with different lag, the version and the page could come from
 * different servers (docs/scaling.md).
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/engine.ts';
import type { Database } from '../db/schema.ts';
import { dataVersionOf, meetingPageVersionOf } from '../db/data-version-watch.ts';
import { currentDataVersion, currentMeetingPageVersion, type MeetingRef } from '../db/queries/portal/data-version.ts';

export type { MeetingRef };

/** The session cookie's name (src/web/auth/session-cookie.ts sets it): the one cookie that makes a visitor someone. */
export const SESSION_COOKIE = 'quorum_session';

/** Whether a Cookie header holds the session cookie (with any value: an expired one is checked by the auth plugin). */
export function holdsSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((part) => part.trimStart().startsWith(`${SESSION_COOKIE}=`));
}

/**
 * Someone signed in (or a script with credentials) may see more than the public: never share their pages. Only the
 * session cookie and an Authorization header make a request someone's; other cookies (the CSRF secret a sign-in
 * form leaves, anything a browser extension or analytics sets) change nothing a public page shows, so a visitor
 * holding them is served the public's pages, from the cache (issue 23).
 */
export function isAnonymous(request: FastifyRequest): boolean {
  return !holdsSessionCookie(request.headers.cookie) && !request.headers.authorization;
}

/** Whether this request is served from the replica: there is one, and it is an anonymous read. */
export function readsFromReplica(database: DatabaseHandle, request: FastifyRequest): boolean {
  return database.reader !== undefined && (request.method === 'GET' || request.method === 'HEAD') && isAnonymous(request);
}

/** The database a public route reads from for this request: the replica for an anonymous read, else the primary. */
export function readerFor(database: DatabaseHandle, request: FastifyRequest): Kysely<Database> {
  return readsFromReplica(database, request) ? database.reader! : database.db;
}

/**
 * The data version of the database this request reads from: what its cached page is keyed on. A meeting's own page
 * (meeting given) depends on fewer changes than any other page (migration 20261207_2801).
 */
export function dataVersionFor(database: DatabaseHandle, request: FastifyRequest, meeting?: MeetingRef): Promise<string> {
  if (readsFromReplica(database, request)) return meeting ? currentMeetingPageVersion(database.reader!, meeting) : currentDataVersion(database.reader!);
  return meeting ? meetingPageVersionOf(database, meeting) : dataVersionOf(database);
}
