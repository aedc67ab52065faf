/** The session cookie's name and how it is set, and where a signed-in user may be sent back to. */
import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'quorum_session';

/** Gives the browser a new session (httpOnly, SameSite=Lax, Secure on https or when the public URL is https). */
export function setSessionCookie(reply: FastifyReply, session: { sessionToken: string; expiresAt: Date }, secureCookies: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.sessionToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies ? true : 'auto', expires: session.expiresAt });
}

/** Only a path on this site may be a place to return to after signing in (never //evil.example). */
export function safeNext(next: unknown): string | undefined {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  return next;
}
