/**
 * What each request may cost the database, and a log line for those that took long (issue 23).
 *
 * Every request runs in a query context (src/db/query-context.ts): its statements are cut off after
 * statementTimeoutMs, and once its client has gone (the connection closed before the answer was sent) its queries not
 * yet started are dropped instead of run for nobody. A request slower than slowRequestMs is logged at warn with its
 * method, URL, status and time, so an operator can see which pages need work.
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_STATEMENT_TIMEOUT_MS, runForRequest } from '../db/query-context.ts';

export interface RequestLimits {
  statementTimeoutMs: number;
  slowRequestMs: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = { statementTimeoutMs: DEFAULT_STATEMENT_TIMEOUT_MS, slowRequestMs: 1_000 };

export function useRequestLimits(app: FastifyInstance, limits: RequestLimits): void {
  app.addHook('onRequest', (request, reply, done) => {
    const controller = new AbortController();
    // 'close' comes after the answer too; only a close before the answer finished means the client left. (Work a
    // route leaves running after its answer, such as a reset email, keeps this context and must not be dropped.)
    let answered = false;
    reply.raw.once('finish', () => {
      answered = true;
    });
    reply.raw.once('close', () => {
      if (!answered) controller.abort();
    });
    runForRequest({ signal: controller.signal, statementTimeoutMs: limits.statementTimeoutMs }, done);
  });

  app.addHook('onResponse', async (request, reply) => {
    const milliseconds = reply.elapsedTime;
    if (milliseconds >= limits.slowRequestMs) {
      request.log.warn({ method: request.method, url: request.url, statusCode: reply.statusCode, milliseconds: Math.round(milliseconds) }, 'slow request');
    }
  });
}
