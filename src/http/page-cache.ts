/**
 * Rendered-page cache and conditional GETs for the public pages.
 *
 * Public pages are read far more often than the records change, and the embedded engine answers one query at a
 * time, so an anonymous GET is answered from memory while the data version it depends on and the UK date are what
 * they were when the page was rendered. Versions are bumped by triggers in the same commit as a change, so a change
 * shows at once. Invalidation follows what changed (migration 20261207_2801): a meeting's page depends on its own
 * meeting's parts and on everything that is not a meeting's part; every other page on every change. A write to one
 * meeting's minutes therefore leaves every other meeting's page cached, and a page whose version moved is rendered
 * afresh at its next request (its old entry is simply never served again, and ages out).
 *
 * Pages carry a per-response CSP nonce. The cache stores a page with its nonce replaced by a placeholder and fills
 * in the new response's nonce on the way out, so a cached page never reuses a nonce. ETags are weak for the same
 * reason (the bytes differ by the nonce) and a 304 carries no CSP header, so a browser keeps the policy that matches
 * the body it kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../db/engine.ts';
import { pageCacheKeyOf } from './cache-key.ts';
import { dataVersionFor, isAnonymous, type MeetingRef } from './reader.ts';
import { todayInLondon } from '../domain/dates.ts';

export { isAnonymous };

/** Revalidate every time (cheap: a 304 from memory), so nobody is shown a page older than the records. */
export const PAGE_CACHE_CONTROL = 'public, no-cache';
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const CACHEABLE_TYPES = /^(text\/html|text\/calendar|application\/(rss|atom)\+xml)/;
/** The hidden field of a form's CSRF token (src/web/shared/views/_csrf.njk). */
const CSRF_FIELD_MARK = 'name="_csrf"';

interface Entry {
  key: string;
  /** The data version (and date) it was rendered at: served only while a request's version is the same. */
  version: string;
  /** The response's bytes, already encoded, split where each response's own nonce goes (one part when it has none). */
  parts: Buffer[];
  contentType: string;
  etag: string;
  bytes: number;
}

/** Entries, least recently used first (a Map keeps insertion order), each valid for its own version. */
export class PageCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  /** Renders under way, by key and version: a second request for the key waits for the first's page. */
  private renders = new Map<string, Promise<void>>();
  readonly placeholder = `quorum-nonce-${randomBytes(12).toString('hex')}`;

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  /** The render of key under way at this version, if any. */
  rendering(version: string, key: string): Promise<void> | undefined {
    return this.renders.get(`${version} ${key}`);
  }

  /** Notes that this request renders key; returns what to call when it is done (once is enough, more is harmless). */
  startRender(version: string, key: string): () => void {
    const slot = `${version} ${key}`;
    let finish = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.renders.set(slot, done);
    return () => {
      finish();
      if (this.renders.get(slot) === done) this.renders.delete(slot);
    };
  }

  /** The entry of key rendered at this version; an entry of another version is dropped (it can never be served). */
  get(version: string, key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(entry: Entry): void {
    if (entry.bytes > this.maxBytes) return;
    const old = this.entries.get(entry.key);
    if (old) {
      this.entries.delete(entry.key);
      this.bytes -= old.bytes;
    }
    this.entries.set(entry.key, entry);
    this.bytes += entry.bytes;
    for (const [key, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= oldest.bytes;
    }
  }

  /** Forgets every page (tests compare with an uncached render this way). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<DatabaseHandle, PageCache>();

/** One cache per database, shared by every feature that serves public pages from it. */
export function pageCacheFor(database: DatabaseHandle): PageCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new PageCache();
    caches.set(database, cache);
  }
  return cache;
}

interface RequestState {
  version: string;
  key: string;
  /** Set when this request renders the page others may be waiting for. */
  finish?: () => void;
}
const states = new WeakMap<FastifyRequest, RequestState>();

function nonceOf(reply: FastifyReply): string | undefined {
  return (reply as FastifyReply & { cspNonce?: { script?: string } | null }).cspNonce?.script;
}

/** Whether an If-None-Match header names this ETag (weak or strong, or "*"). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
}

function notModified(reply: FastifyReply): void {
  reply.code(304);
  reply.removeHeader('content-security-policy');
  reply.removeHeader('content-type');
}

/**
 * A cached response's bytes with this response's nonce: stored encoded, so a hit is a copy, not a re-encoding of the
 * whole page (which cost as much as the rest of a large page's request).
 */
export function joinParts(parts: Buffer[], nonce: string | undefined): Buffer {
  if (parts.length === 1) return parts[0]!;
  const between = Buffer.from(nonce ?? '');
  return Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [between, part])));
}

/**
 * What a cached answer for this request is valid for: the data version (read before the handler's queries: a page
 * rendered from newer data than its version is harmless, the reverse cannot happen because the version commits with
 * the data; with a read replica it is the replica's, read from where the page will be rendered, src/http/reader.ts)
 * and the UK date.
 */
export async function cacheVersionFor(database: DatabaseHandle, request: FastifyRequest, meeting?: MeetingRef): Promise<string> {
  return `${await dataVersionFor(database, request, meeting)}:${todayInLondon()}`;
}

export interface PageCacheOptions {
  /** The meeting whose own page this request asks for, if it does: such a page depends on fewer changes. */
  meetingOf?: (request: FastifyRequest) => MeetingRef | undefined;
}

/**
 * Adds the cache to the routes of one feature (hooks are encapsulated: other features' routes are untouched).
 * Only anonymous GETs with a 200 of a page or feed are stored.
 */
export function usePageCache(app: FastifyInstance, database: DatabaseHandle, options: PageCacheOptions = {}): void {
  const cache = pageCacheFor(database);

  function serve(request: FastifyRequest, reply: FastifyReply, entry: Entry) {
    reply.header('etag', entry.etag).header('cache-control', PAGE_CACHE_CONTROL).header('x-quorum-cache', 'hit');
    if (etagMatches(request.headers['if-none-match'], entry.etag)) {
      notModified(reply);
      return reply.send();
    }
    return reply.type(entry.contentType).send(joinParts(entry.parts, nonceOf(reply)));
  }

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !isAnonymous(request)) return;
    const version = await cacheVersionFor(database, request, options.meetingOf?.(request));
    const key = pageCacheKeyOf(request.routeOptions.url, request.url, request.language);
    const state: RequestState = { version, key };
    states.set(request, state);
    let entry = cache.get(version, key);
    // One render per key at a time: a request arriving while another renders the same page waits for that page.
    // If it could not be kept (an error page, a page with a form), this request renders its own.
    const rendering = entry ? undefined : cache.rendering(version, key);
    if (rendering) {
      await rendering;
      entry = cache.get(version, key);
    }
    if (entry) return serve(request, reply, entry);
    if (!rendering) {
      state.finish = cache.startRender(version, key);
      // Whatever becomes of this request (answered, failed, abandoned), the others must not wait for ever.
      reply.raw.once('close', state.finish);
    }
  });

  app.addHook('onResponse', async (request) => {
    states.get(request)?.finish?.();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = states.get(request);
    if (!state) {
      // Someone's own page: a shared cache in front (docs/scaling.md) must neither keep nor share it.
      if (!isAnonymous(request) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
      return payload;
    }
    if (reply.getHeader('x-quorum-cache') === 'hit') return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (reply.statusCode !== 200 || typeof payload !== 'string' || !CACHEABLE_TYPES.test(contentType)) return payload;
    // A page that sets a cookie, or carries a form's CSRF token (made from this visitor's secret), is this visitor's.
    if (reply.hasHeader('set-cookie') || payload.includes(CSRF_FIELD_MARK)) {
      reply.header('cache-control', 'private, no-store');
      return payload;
    }
    const nonce = nonceOf(reply);
    const body = nonce ? payload.replaceAll(nonce, cache.placeholder) : payload;
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const parts = body.split(cache.placeholder).map((part) => Buffer.from(part));
    cache.set({ key: state.key, version: state.version, parts, contentType, etag, bytes: parts.reduce((sum, part) => sum + part.length, 0) });
    state.finish?.();
    reply.header('etag', etag).header('cache-control', PAGE_CACHE_CONTROL).header('x-quorum-cache', 'miss');
    if (etagMatches(request.headers['if-none-match'], etag)) {
      notModified(reply);
      return '';
    }
    return payload;
  });
}
