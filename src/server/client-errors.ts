/**
 * Errors answered before any route runs, in the same shape as every other error (a GOV.UK page, or
 * `{ error: { id, status, message } }` for clients that ask for JSON) instead of the framework's own JSON:
 *
 * - Fastify's router refusing a URL (a path parameter over its length limit: 414; a malformed URL: 400);
 * - Node's HTTP parser refusing a request before Fastify sees it (headers too large: 431; a request that cannot be
 *   parsed: 400; a request that took too long to arrive: 408). There is no request object then, so whether the
 *   client asked for JSON is read from the bytes of the request that did arrive.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { HttpError } from '../http/errors.ts';

/** JSON for API clients and scripts that ask for it; browsers send text/html first and get a page. */
export function wantsJsonFor(accept: string | undefined): boolean {
  const value = accept ?? '';
  return /application\/(?:[\w.+-]*\+)?json/.test(value) && !/text\/html/.test(value);
}

/** The standard error for one of Fastify's router errors. */
export function frameworkError(error: { code?: string }): HttpError {
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new HttpError(414, 'uri_too_long', 'The address is too long: a part of it is longer than any record’s address');
    case 'FST_ERR_BAD_URL':
      return new HttpError(400, 'bad_request', 'The address is not valid: it has a broken %-encoding');
    default:
      return new HttpError(500, 'internal_error', 'Sorry, there is a problem with the service');
  }
}

function clientError(code: string | undefined): HttpError {
  if (code === 'HPE_HEADER_OVERFLOW')
    return new HttpError(431, 'headers_too_large', 'The request headers are too large (cookies included): clear this site’s cookies and try again');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new HttpError(408, 'request_timeout', 'The request took too long to arrive');
  return new HttpError(400, 'bad_request', 'The request could not be read: it is not well-formed HTTP');
}

/** The Accept header among the bytes of a request the parser gave up on (the head, or as much of it as came). */
function acceptOf(rawPacket: unknown): string | undefined {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  return /(?:^|\r\n)accept:[ \t]*([^\r\n]*)/i.exec(rawPacket.toString('latin1'))?.[1];
}

/**
 * Node's 'clientError' handler: writes the standard error and closes the connection (the request cannot be read, so
 * the connection cannot be reused). `page` renders the HTML error page.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket, page: (error: HttpError) => string): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const httpError = clientError(error.code);
  let body: string;
  let type: string;
  if (wantsJsonFor(acceptOf(error.rawPacket))) {
    body = JSON.stringify({ error: { id: httpError.id, status: httpError.statusCode, message: httpError.message } });
    type = 'application/json; charset=utf-8';
  } else {
    try {
      body = page(httpError);
      type = 'text/html; charset=utf-8';
    } catch {
      body = httpError.message;
      type = 'text/plain; charset=utf-8';
    }
  }
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${httpError.statusCode} ${STATUS_CODES[httpError.statusCode]}`,
        `Content-Type: ${type}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        // The page's own inline script has no nonce here, and needs none: the page works without JavaScript.
        "Content-Security-Policy: default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  }
  socket.destroy();
}
