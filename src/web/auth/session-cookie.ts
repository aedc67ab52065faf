/** The session cookie's name, and where a signed-in user may be sent back to. */
export const SESSION_COOKIE = 'quorum_session';

/** Only a path on this site may be a place to return to after signing in (never //evil.example). */
export function safeNext(next: unknown): string | undefined {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  return next;
}
