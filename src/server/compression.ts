/**
 * gzip and brotli for every page, feed and JSON answer (@fastify/compress), negotiated on Accept-Encoding.
 *
 * Why it is registered before any route and works per route: @fastify/compress adds its onSend hook to each route's
 * own hooks, and Fastify runs a route's own onSend hooks after every instance hook. So the API's ETag and response
 * cache (src/api/http.ts) and the page cache (src/http/page-cache.ts) see, hash and keep the plain body, a cache
 * hit is compressed on the way out like a fresh answer, and a 304 (empty) is left alone.
 *
 * A compressed body is a different representation of the same resource, so a strong ETag taken from the plain body
 * becomes weak once the body is encoded (RFC 9110 section 8.8.3: a strong validator names one exact byte sequence).
 * Both caches compare If-None-Match weakly, so a client's copy, plain or compressed, still revalidates to a 304.
 */
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';

/** Below this a compressed body saves less than its headers and the work cost (@fastify/compress's own default). */
const THRESHOLD_BYTES = 1024;

export async function useCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: THRESHOLD_BYTES });
  // Registered after the plugin, so this hook is pushed onto each route after compress's own and sees its headers.
  app.addHook('onRoute', (route) => {
    route.onSend = [...asArray(route.onSend), weakenEncodedEtag];
  });
}

async function weakenEncodedEtag(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const etag = reply.getHeader('etag');
  const encoding = reply.getHeader('content-encoding');
  if (typeof etag === 'string' && etag.startsWith('"') && encoding && encoding !== 'identity') reply.header('etag', `W/${etag}`);
  return payload;
}

function asArray(hooks: onSendHookHandler | onSendHookHandler[] | undefined): onSendHookHandler[] {
  if (!hooks) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}
