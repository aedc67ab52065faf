/**
 * CSRF protection for browser forms (the synchronizer token pattern, OWASP CSRF Prevention Cheat Sheet), with tokens
 * made and checked by @fastify/csrf:
 *
 * - the secret lives in an httpOnly cookie, and each form carries a token derived from it;
 * - a token is bound to the session: it is derived from the session too ("anonymous" before signing in), so a token
 *   taken from one session, or from before signing in, is refused in another;
 * - the secret is replaced when a session starts or ends, so no token or secret from before signing in (one planted
 *   by someone else, say) outlives it.
 */
import Tokens from '@fastify/csrf';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret } from '../../services/accounts/credentials.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

export const CSRF_COOKIE = '_csrf';
export const CSRF_FIELD = '_csrf';

declare module 'fastify' {
  interface FastifyReply {
    /** A CSRF token for a form on the page this reply renders. */
    generateCsrf(): string;
  }
}

export interface CsrfGuard {
  /** Whether this token, sent with this request's cookies, was made for this browser and its session. */
  verify(request: FastifyRequest, token: unknown): boolean;
  /** Replaces the browser's secret: every token made before is refused from now on. */
  rotate(reply: FastifyReply, session: { sessionToken: string } | null): void;
  /** Adds reply.generateCsrf to an app. */
  decorate(app: { decorateReply: (name: 'generateCsrf', value: (this: FastifyReply) => string) => unknown }): void;
}

/** What a token is bound to: the session the browser holds, or nothing. */
function bindingOf(sessionToken: string | undefined): string {
  return sessionToken ? `session:${hashSecret(sessionToken)}` : 'anonymous';
}

export function csrfGuard(options: { secureCookies: boolean }): CsrfGuard {
  // The library's call signature does not carry its userInfo overload through; this is the shape it has with userInfo.
  const tokens = Tokens({ userInfo: true }) as unknown as {
    create(secret: string, userInfo: string): string;
    verify(secret: string, token: string, userInfo: string): boolean;
    secretSync(): string;
  };
  const cookieOptions = { path: '/', sameSite: 'lax' as const, httpOnly: true, secure: options.secureCookies ? true : ('auto' as const) };
  // A secret or session set on this reply (signing in or out) is what the rest of the reply must use.
  const replaced = new WeakMap<FastifyReply, { secret: string; sessionToken: string | undefined }>();

  function current(reply: FastifyReply): { secret: string | undefined; sessionToken: string | undefined } {
    return replaced.get(reply) ?? { secret: reply.request.cookies[CSRF_COOKIE], sessionToken: reply.request.cookies[SESSION_COOKIE] };
  }

  return {
    verify(request, token) {
      const secret = request.cookies[CSRF_COOKIE];
      if (typeof token !== 'string' || !secret) return false;
      return tokens.verify(secret, token, bindingOf(request.cookies[SESSION_COOKIE]));
    },
    rotate(reply, session) {
      const secret = tokens.secretSync();
      reply.setCookie(CSRF_COOKIE, secret, cookieOptions);
      replaced.set(reply, { secret, sessionToken: session?.sessionToken });
    },
    decorate(app) {
      const guard = this;
      app.decorateReply('generateCsrf', function (this: FastifyReply) {
        let { secret, sessionToken } = current(this);
        if (!secret) {
          guard.rotate(this, sessionToken ? { sessionToken } : null);
          secret = replaced.get(this)!.secret;
        }
        return tokens.create(secret, bindingOf(sessionToken));
      });
    },
  };
}
