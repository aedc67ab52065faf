/**
 * The scrutiny officer's tracker: every recommendation, published or not, filtered by committee, portfolio, owner,
 * status and age, with the overdue ones first (oldest deadline first) so the chasing starts at the top.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as store from '../../db/repositories/scrutiny.ts';
import { addMonths } from '../../domain/scrutiny/deadline.ts';
import { AWAITING_RESPONSE, type ScrutinyStatus } from '../../domain/scrutiny/status.ts';

/** How old a recommendation is: made at least this many months before the as-at date. */
export const AGES = { any: 0, '2m': 2, '6m': 6, '1y': 12, '2y': 24 } as const;
export type Age = keyof typeof AGES;

export interface TrackerQuery {
  asAt: string;
  bodyId?: string;
  portfolioHolderId?: string;
  ownerId?: string;
  status?: ScrutinyStatus;
  age?: Age;
}

export type TrackerRow = store.RecommendationListRow & {
  overdue: boolean;
  owners: Awaited<ReturnType<typeof store.ownersOf>>;
};

export function isOverdue(row: { status: ScrutinyStatus; due_date: string }, asAt: string): boolean {
  return AWAITING_RESPONSE.includes(row.status) && asAt > row.due_date;
}

export async function trackerRows(db: Kysely<Database>, query: TrackerQuery): Promise<TrackerRow[]> {
  const months = AGES[query.age ?? 'any'];
  const rows = await store.listRecommendations(db, {
    ...(query.bodyId ? { bodyId: query.bodyId } : {}),
    ...(query.portfolioHolderId ? { portfolioHolderId: query.portfolioHolderId } : {}),
    ...(query.ownerId ? { ownerId: query.ownerId } : {}),
    ...(query.status ? { statuses: [query.status] } : {}),
    meetingOnOrBefore: months ? addMonths(query.asAt, -months) : query.asAt,
  });
  const owners = await store.ownersOf(
    db,
    rows.map((row) => row.id),
  );
  const withFlags = rows.map((row) => ({ ...row, overdue: isOverdue(row, query.asAt), owners: owners.filter((owner) => owner.recommendation_id === row.id) }));
  // Overdue first, longest overdue at the top; then the newest meetings first, as officers work through them.
  return withFlags.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.overdue ? a.due_date.localeCompare(b.due_date) : b.meeting_date.localeCompare(a.meeting_date)) ||
      a.item_title.localeCompare(b.item_title) ||
      a.number - b.number,
  );
}
