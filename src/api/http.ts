/**
 * What every open data endpoint shares: JSON error bodies of one shape, CORS for reading from any web page,
 * and ETags so clients and caches can revalidate a response without downloading it again.
 * Applied per plugin scope, so the HTML pages keep their own error pages and headers.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../db/engine.ts';
import { asHttpError, HttpError, isQuorumError, NotFound } from '../http/errors.ts';
import { cacheVersionFor, isAnonymous, joinParts, pageCacheFor } from '../http/page-cache.ts';

/** The error body every API answer uses: `{ error: { id, status, message, problems? } }`. */
export interface ApiErrorBody {
  error: { id: string; status: number; message: string; problems?: Array<{ field: string; message: string }> };
}

export function errorBody(error: HttpError): ApiErrorBody {
  const problems = problemsOf(error);
  return { error: { id: error.id, status: error.statusCode, message: error.message, ...(problems ? { problems } : {}) } };
}

/** How an API writes an error: Quorum's shape by default; OParl writes its own Error object. */
export type ErrorWriter = (error: HttpError) => unknown;

const problemsOf = (error: HttpError) => (error as HttpError & { problems?: ApiErrorBody['error']['problems'] }).problems;

/**
 * OParl's error object (specification 1.1, "Fehlerbehandlung"): `type` .../Error, a `message` for people and `debug`
 * for developers (here the stable error id and each field problem), sent with the HTTP status of the error.
 */
export const oparlErrorBody: ErrorWriter = (error) => {
  const problems = problemsOf(error);
  return {
    type: 'https://schema.oparl.org/1.1/Error',
    message: error.message,
    debug: problems?.length ? `${error.id}: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}` : error.id,
  };
};

/** Where a request's answer goes in the response cache: the data version it was read at, and its URL. */
const cacheSlots = new WeakMap<FastifyRequest, { version: string; key: string }>();

/**
 * The conventions, and answers kept in memory per data version (the portal's page cache): a crawler or a dashboard
 * asking again for a page of meetings gets it without a query until a change to the records is committed.
 */
export function useApiConventions(app: FastifyInstance, database: DatabaseHandle, options: { errorBody?: ErrorWriter } = {}): void {
  const writeError = options.errorBody ?? errorBody;
  const sendError = (reply: FastifyReply, error: HttpError) => {
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.code(error.statusCode).type('application/json; charset=utf-8').send(writeError(error));
  };
  app.setNotFoundHandler(async (_request, reply) => sendError(reply, asHttpError(NotFound('No such resource'))));

  app.setErrorHandler(async (error, request, reply) => {
    if (isQuorumError(error)) return sendError(reply, asHttpError(error));
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) return sendError(reply, new HttpError(statusCode, 'bad_request', (error as Error).message));
    request.log.error({ err: error }, 'unhandled API error');
    return sendError(reply, new HttpError(500, 'internal_error', 'Sorry, there is a problem with the service'));
  });

  // Any web page may read the open data; If-None-Match makes revalidating requests "non-simple", hence the preflight.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'ETag, Content-Disposition');
  });
  app.options('/*', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('access-control-allow-methods', 'GET, HEAD, OPTIONS');
    reply.header('access-control-allow-headers', 'Accept, If-None-Match');
    reply.header('access-control-max-age', '86400');
    return reply.code(204).send();
  });

  const cache = pageCacheFor(database);
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !isAnonymous(request)) return;
    const slot = { version: await cacheVersionFor(database, request), key: `api ${request.url}` };
    const entry = cache.get(slot.version, slot.key);
    if (entry) return reply.header('x-quorum-cache', 'hit').type(entry.contentType).send(joinParts(entry.parts, undefined));
    cacheSlots.set(request, slot);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // helmet's same-origin default would stop other sites' pages from using the data they are allowed to read.
    reply.header('cross-origin-resource-policy', 'cross-origin');
    if (!isCacheable(request, reply) || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    const slot = cacheSlots.get(request);
    // The cache keeps a body and its type only, so an answer whose other headers matter (an attachment's
    // Content-Disposition) is not kept: a hit would send it without them.
    if (slot && typeof payload === 'string' && !reply.hasHeader('content-disposition')) {
      const bytes = Buffer.from(payload);
      cache.set({
        key: slot.key,
        version: slot.version,
        parts: [bytes],
        contentType: String(reply.getHeader('content-type') ?? 'application/json'),
        etag,
        bytes: bytes.length,
      });
    }
    reply.header('etag', etag);
    reply.header('cache-control', 'no-cache');
    if (matches(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}

function isCacheable(request: FastifyRequest, reply: FastifyReply): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode === 200;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
