/**
 * Which of a meeting's documents exist for an audience, for the links on the meeting pages: the agenda pack as
 * published, its supplementary packs, each item's papers, and the minutes with how far they have gone. Read from the
 * same audience-ruled queries as the documents, so a link is shown only for a document the audience can download.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { agendaWithReports, findDocumentMeeting, minutesStateOf, type DocumentAudience } from '../../db/queries/documents.ts';
import { supplementsOf, type Supplement } from '../../domain/meetings/supplements.ts';
import { londonDateOf } from '../../domain/dates.ts';

export interface MeetingDocumentsIndex {
  meetingId: string;
  /** The agenda pack has items for this audience. */
  pack: boolean;
  supplements: Supplement[];
  /** Items whose report the audience may read: each has its own PDF. */
  items: Array<{ number: string; title: string; exempt: boolean }>;
  /**
   * Null when there are no minutes the audience may read; the status when the records know it, and for approved
   * minutes when (the London day it was recorded) and at which meeting (its body and date) they were approved.
   */
  minutes: { status: 'Draft' | 'Approved' | null; approval?: MinutesApproval } | null;
}

export interface MinutesApproval {
  /** ISO date. */
  approvedOn: string;
  /** The approving meeting: its body's name and its ISO date. */
  meeting: { name: string; date: string } | null;
}

export async function meetingDocumentsIndex(
  db: Kysely<Database>,
  props: { meetingId: string; audience: DocumentAudience },
): Promise<MeetingDocumentsIndex | undefined> {
  const [meeting, items, minutes] = await Promise.all([
    findDocumentMeeting(db, props.meetingId),
    agendaWithReports(db, props.meetingId, props.audience),
    minutesStateOf(db, props.meetingId, props.audience),
  ]);
  if (!meeting || !minutes) return undefined;
  const supplements = supplementsOf(
    meeting.agenda_published_at,
    items.map((item) => ({ number: item.number, addedAt: item.item_created_at })),
  );
  const late = new Set(supplements.flatMap((supplement) => supplement.itemNumbers));
  const hasMinutes = Number(minutes.minutes) > 0;
  // A meeting recorded outside the workflow (imported papers) has no draft or approved state to show.
  const status = minutes.minutes_approved_at ? 'Approved' : minutes.workflow_id ? 'Draft' : null;
  return {
    meetingId: meeting.id,
    pack: items.some((item) => !late.has(item.number)),
    supplements,
    items: items
      .filter((item) => item.report_id && (item.report_full_text || item.report_original_sha256))
      .map((item) => ({ number: item.number, title: item.title, exempt: item.exempt || Boolean(item.report_exempt) })),
    minutes: hasMinutes ? { status, ...(minutes.minutes_approved_at ? { approval: approvalOf(minutes) } : {}) } : null,
  };
}

function approvalOf(state: { minutes_approved_at: Date | string | null; approving_date: string | null; approving_body_name: string | null }): MinutesApproval {
  return {
    approvedOn: londonDateOf(new Date(state.minutes_approved_at!)),
    meeting: state.approving_date && state.approving_body_name ? { name: state.approving_body_name, date: state.approving_date } : null,
  };
}
