/**
 * The decisions register's page cursors (`?before=` and `?after=`): the order key of an entry (its date, body name,
 * minute number, position and id; src/db/queries/portal/decisions.ts) as JSON in base64url, so a body name with any
 * characters travels in a link unchanged. A cursor that does not decode names no page: the route shows the newest.
 */
import { z } from 'zod';
import type { DecisionCursor } from '../../db/queries/portal/decisions.ts';

const CursorSchema = z.tuple([
  z.iso.date(),
  z.string().max(1000).nullable(),
  z.string().max(200).nullable(),
  z.number().int().min(-2_147_483_648).max(2_147_483_647),
  z.string().min(1).max(200),
]);

export function encodeDecisionCursor(cursor: DecisionCursor): string {
  return Buffer.from(JSON.stringify([cursor.date, cursor.bodyName, cursor.minuteNumber, cursor.position, cursor.id]), 'utf8').toString('base64url');
}

export function decodeDecisionCursor(text: string): DecisionCursor | undefined {
  if (!text || text.length > 2000) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = CursorSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const [date, bodyName, minuteNumber, position, id] = parsed.data;
  return { date, bodyName, minuteNumber, position, id };
}
