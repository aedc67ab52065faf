/**
 * Keyset pages for the JSON API: opaque cursors (base64url JSON of the last id) and the links of a page.
 * Cursors are opaque to clients so the ordering behind them can change without breaking their code.
 */
import { z } from 'zod';
import { ValidationError } from '../../http/errors.ts';
import type { RouteName } from '../../http/routes.ts';
import { withQuery, type AbsoluteLink } from '../links.ts';

const CursorSchema = z.object({ after: z.string().min(1).max(128) });

export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).after;
  } catch {
    throw ValidationError([{ field: 'cursor', message: 'is not a cursor this API issued' }]);
  }
}

/** The page's links: itself and the next page, keeping the client's filters. Only for routes without path parameters. */
export function pageLinksFor(link: AbsoluteLink) {
  return (name: RouteName, query: Record<string, string | number | undefined>, nextAfter: string | undefined) => {
    const base = link(name as 'api.bodies');
    return {
      self: withQuery(base, query),
      next: nextAfter === undefined ? null : withQuery(base, { ...query, cursor: encodeCursor(nextAfter) }),
    };
  };
}
