/** The insight figures as at a date, from the published recommendations (or all, for officers). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as store from '../../db/repositories/scrutiny.ts';
import { scrutinyInsight, type Insight } from '../../domain/scrutiny/insight.ts';

export async function insightAsAt(db: Kysely<Database>, options: { asAt: string; publishedOnly: boolean }): Promise<Insight> {
  const rows = await store.listRecommendations(db, { meetingOnOrBefore: options.asAt, publishedOnly: options.publishedOnly });
  return scrutinyInsight(
    rows.map((row) => ({
      id: row.id,
      status: row.status,
      meetingDate: row.meeting_date,
      dueDate: row.due_date,
      firstResponseDate: row.first_response_date && String(row.first_response_date) <= options.asAt ? String(row.first_response_date) : null,
      portfolio: row.portfolio_printed,
      label: `${row.item_title.length > 40 ? `${row.item_title.slice(0, 39)}…` : row.item_title} – ${row.number}`,
    })),
    options.asAt,
  );
}
