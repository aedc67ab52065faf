/**
 * Figures about how the executive answers scrutiny: counts by status, median days from meeting to first response,
 * the oldest recommendations still open, and the acceptance rate by portfolio. Pure: rows in, figures out.
 */
import { daysBetween } from './deadline.ts';
import { AWAITING_RESPONSE, SCRUTINY_STATUSES, type ScrutinyStatus } from './status.ts';

export interface InsightRow {
  id: string;
  status: ScrutinyStatus;
  meetingDate: string;
  dueDate: string;
  firstResponseDate: string | null;
  portfolio: string | null;
  label: string;
}

export interface Insight {
  byStatus: Array<{ status: ScrutinyStatus; count: number }>;
  medianDaysToResponse: number | null;
  responded: number;
  oldestOpen: Array<{ id: string; label: string; meetingDate: string; ageDays: number; overdue: boolean; status: ScrutinyStatus }>;
  acceptanceByPortfolio: Array<{ portfolio: string; accepted: number; rejected: number; rate: number }>;
}

const ACCEPTED: readonly ScrutinyStatus[] = ['ACCEPTED', 'PARTIALLY ACCEPTED', 'IMPLEMENTED'];

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function scrutinyInsight(rows: InsightRow[], asAt: string, oldest = 10): Insight {
  const byStatus = SCRUTINY_STATUSES.map((status) => ({ status, count: rows.filter((row) => row.status === status).length }));
  const delays = rows.filter((row) => row.firstResponseDate).map((row) => daysBetween(row.meetingDate, row.firstResponseDate!));
  const oldestOpen = rows
    .filter((row) => AWAITING_RESPONSE.includes(row.status))
    .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate))
    .slice(0, oldest)
    .map((row) => ({
      id: row.id,
      label: row.label,
      meetingDate: row.meetingDate,
      ageDays: daysBetween(row.meetingDate, asAt),
      overdue: asAt > row.dueDate,
      status: row.status,
    }));
  const portfolios = new Map<string, { accepted: number; rejected: number }>();
  for (const row of rows) {
    const accepted = ACCEPTED.includes(row.status);
    if (!accepted && row.status !== 'REJECTED') continue;
    const key = row.portfolio ?? 'No portfolio recorded';
    const entry = portfolios.get(key) ?? { accepted: 0, rejected: 0 };
    if (accepted) entry.accepted++;
    else entry.rejected++;
    portfolios.set(key, entry);
  }
  return {
    byStatus,
    medianDaysToResponse: median(delays),
    responded: delays.length,
    oldestOpen,
    acceptanceByPortfolio: [...portfolios]
      .map(([portfolio, counts]) => ({ portfolio, ...counts, rate: counts.accepted / (counts.accepted + counts.rejected) }))
      .sort((a, b) => a.portfolio.localeCompare(b.portfolio)),
  };
}
