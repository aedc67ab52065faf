/** The session cookie's name and how it is set, and where a signed-in user may be sent back to. */
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../../http/reader.ts';

// Named in the http layer, whose cache and reader decide by it who is anonymous.
export { SESSION_COOKIE } from '../../http/reader.ts';

/** Gives the browser a new session (httpOnly, SameSite=Lax, Secure on https or when the public URL is https). */
export function setSessionCookie(reply: FastifyReply, session: { sessionToken: string; expiresAt: Date }, secureCookies: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies ? true : 'auto',
    expires: session.expiresAt,
  });
}

const ONE_SLASH_PATH = /^\/(?![/\\])[\x21-\x7e]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
const OFF_SITE_OR_CONTROL = /^\/[/\\]|[\\\u0000-\u001f\u007f]/;
const LOCAL_BASE = 'http://quorum.invalid';

/**
 * Only a path on this site may be a place to return to after signing in. Browsers strip tabs and newlines from a
 * Location and read a backslash as a slash, so "/\t/evil.example" or "/\\evil.example" would leave the site: the value
 * must be printable ASCII starting with exactly one slash, and no %-decoding of it (up to three rounds, for values
 * encoded twice by a proxy or a copy and paste) may hold a control character, a backslash or a leading "//".
 * Anything else is undefined, and the caller falls back to its own page; a CR or LF can never reach a header.
 */
export function safeNext(next: unknown): string | undefined {
  if (typeof next !== 'string' || next.length > 2048 || !ONE_SLASH_PATH.test(next)) return undefined;
  let decoded = next;
  for (let round = 0; round < 3; round++) {
    decoded = decodedOnce(decoded);
    if (OFF_SITE_OR_CONTROL.test(decoded)) return undefined;
  }
  return new URL(next, LOCAL_BASE).origin === LOCAL_BASE ? next : undefined;
}

function decodedOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray "%" (a search for "50%") is not an encoding: the text stands as it is.
    return text;
  }
}
