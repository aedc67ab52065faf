/**
 * What the two documents officers produce by hand contain, read from the records: the tracking sheet (one row per
 * recommendation still followed up) and the Cabinet report (per item: synopsis, reason for call-in, each
 * recommendation with its responses and their dates). Renderers (csv, xlsx, docx, pdf, html) only lay these out.
 */
import { formatNumericDate, formatShortDate } from '../../../domain/dates.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import * as store from '../../../db/repositories/scrutiny.ts';
import type { CallInPoint } from '../../../db/schema/scrutiny.ts';
import type { ScrutinyStatus } from '../../../domain/scrutiny/status.ts';

export const TRACKING_COLUMNS = ['Item', 'Date of meeting', 'Recommendation', 'Status', 'Notes'] as const;

export interface TrackingSheetRow {
  recommendationId: string;
  item: string;
  /** As the sheet prints it: "10/12/08". */
  meetingDate: string;
  meetingDateIso: string;
  recommendation: number;
  status: ScrutinyStatus;
  notes: string;
}

export interface TrackingSheet {
  title: string;
  committee: string;
  /** ISO date of the sheet (the as-at date). */
  date: string;
  dateLong: string;
  rows: TrackingSheetRow[];
}

/** Statuses the committee no longer follows up. */
const FINISHED: readonly ScrutinyStatus[] = ['CLOSED'];

export async function trackingSheetData(
  db: Kysely<Database>,
  options: { asAt: string; bodyId?: string; committeeName?: string; publishedOnly?: boolean },
): Promise<TrackingSheet> {
  const rows = await store.listRecommendations(db, {
    ...(options.bodyId ? { bodyId: options.bodyId } : {}),
    meetingOnOrBefore: options.asAt,
    publishedOnly: options.publishedOnly ?? false,
  });
  const followed = rows.filter((row) => !FINISHED.includes(row.status) && row.item_kind !== 'posc-recommendation');
  const committee = options.committeeName ?? followed[0]?.body_name ?? 'Cabinet Scrutiny Committee';
  // A row a paper sheet already tracked keeps the item's words as printed there, so the sheet reproduces the paper.
  const printed = await store.printedItemTitles(
    db,
    followed.map((row) => row.id),
    options.asAt,
  );
  return {
    title: `Follow-up items from ${committee} – Tracking sheet`,
    committee,
    date: options.asAt,
    dateLong: formatShortDate(options.asAt),
    rows: followed.map((row) => ({
      recommendationId: row.id,
      item: printed.get(row.id) ?? row.item_title,
      meetingDate: formatNumericDate(row.meeting_date),
      meetingDateIso: row.meeting_date,
      recommendation: row.number,
      status: row.status,
      notes:
        row.tracking_notes ??
        (row.first_response_date && row.status === 'RESPONSE RECEIVED' ? `Response received ${formatShortDate(String(row.first_response_date))}` : ''),
    })),
  };
}

export interface CabinetReportRecommendation {
  number: number;
  text: string;
  context: string | null;
  responses: Array<{ text: string; date: string | null }>;
}

export interface CabinetReportItem {
  title: string;
  meetingDate: string;
  portfolio: string | null;
  synopsis: string | null;
  reason: string | null;
  points: CallInPoint[];
  recommendations: CabinetReportRecommendation[];
  executiveResponse: string | null;
  executiveResponseDate: string | null;
}

export interface CabinetReport {
  to: string;
  cabinetDate: string | null;
  by: string[];
  committee: string;
  meetingDate: string;
  subject: string;
  summary: string;
  items: CabinetReportItem[];
}

/** The Cabinet report for one meeting of the scrutiny committee: its call-ins, their recommendations and responses. */
export async function cabinetReportData(
  db: Kysely<Database>,
  options: { meetingId: string; cabinetDate?: string; by?: string[]; publishedOnly?: boolean },
): Promise<CabinetReport | undefined> {
  const rows = await db
    .selectFrom('scrutiny_item as i')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('body as b', 'b.id', 'i.body_id')
    .select(['i.id'])
    .where('i.meeting_id', '=', options.meetingId)
    .where('i.kind', '!=', 'posc-recommendation')
    .execute();
  const items = await store.listItems(
    db,
    rows.map((row) => row.id),
  );
  const meeting = await db
    .selectFrom('meeting as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select(['m.date', 'b.name'])
    .where('m.id', '=', options.meetingId)
    .executeTakeFirst();
  if (!meeting) return undefined;
  const recommendations = await store.listRecommendations(db, { publishedOnly: options.publishedOnly ?? false });
  const mine = recommendations.filter((row) => items.some((item) => item.id === row.item_id));
  const responses = await store.responsesOf(
    db,
    mine.map((row) => row.id),
  );
  return {
    to: 'Cabinet',
    cabinetDate: options.cabinetDate ?? null,
    by: options.by ?? [],
    committee: meeting.name,
    meetingDate: meeting.date,
    subject: `Recommendations from ${meeting.name} – ${formatShortDate(meeting.date)}`,
    summary: `This report sets out the decisions from the ${meeting.name} of ${formatShortDate(meeting.date)}, with the response of the relevant Cabinet Member to each.`,
    items: items.map((item) => ({
      title: item.title,
      meetingDate: item.meeting_date,
      portfolio: item.portfolio_printed,
      synopsis: item.synopsis,
      reason: item.call_in_reason,
      points: item.call_in_points ?? [],
      executiveResponse: item.executive_response,
      executiveResponseDate: item.executive_response_date,
      recommendations: mine
        .filter((row) => row.item_id === item.id)
        .map((row) => ({
          number: row.number,
          text: row.text ?? '(the words are in the minutes of the meeting)',
          context: row.context,
          responses: responses
            .filter((response) => response.recommendation_id === row.id)
            .map((response) => ({ text: response.text, date: response.response_date })),
        })),
    })),
  };
}
