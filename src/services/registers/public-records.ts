/**
 * What of the registers may leave the council: the one presenter behind the public pages, feeds, the JSON API and
 * `quorum export --public`. The repositories' public reads already leave out unpublished and withdrawn entries,
 * unpublished registers and gifts; these functions leave out the columns that are never public (an entry's officer
 * note; whose an interest is; a sensitive interest's details).
 */
import type { DecisionRecordRow, ForwardPlanEntryRow } from '../../db/repositories/registers/forward-plan.ts';
import type { InterestEntryRow, GiftRow, RegisterRow } from '../../db/repositories/registers/interests.ts';
import { furtherNoticeDue, NOTICE_ROUTE_LABELS, type NoticeRoute } from '../../domain/forward-plan/notice.ts';
import { isLate } from '../../domain/interests/gifts.ts';
import { publicEntry, type PublicInterestEntry } from '../../domain/interests/public-register.ts';
import type { Row } from '../../db/types.ts';

export function decisionMakerText(entry: Pick<ForwardPlanEntryRow, 'body_name' | 'person_name' | 'decision_maker_title'>): string {
  if (entry.body_name) return entry.body_name;
  if (entry.person_name) return entry.decision_maker_title ? `${entry.person_name}, ${entry.decision_maker_title}` : entry.person_name;
  return entry.decision_maker_title;
}

export interface PublicForwardPlanEntry {
  id: string;
  reference: string;
  subject: string;
  summary: string;
  decisionMaker: { text: string; bodyId: string | null; personId: string | null; title: string };
  plannedDate: string;
  wards: string[];
  documents: string;
  consultees: string;
  contact: string;
  keyDecision: boolean;
  noticeRoute: NoticeRoute;
  noticeRouteLabel: string;
  /** Why 28 days' notice was impracticable, or why the decision was urgent; empty for ordinary notice. */
  urgencyReasons: string;
  scrutinyChair: { personId: string; name: string | null; informedOn: string | null; agreedOn: string | null } | null;
  /** Empty only on the officers' view of a draft: public reads return published entries alone. */
  publishedOn: string;
  privateMeeting: {
    exemptParagraphs: number[];
    reasons: string;
    /** Regulation 5(4): the further notice, with representations and responses, is due by this date. */
    furtherNoticeDue: string;
    representations: Array<{ receivedOn: string; text: string; response: string; respondedOn: string | null }>;
  } | null;
  decision: {
    decidedOn: string;
    decision: string;
    reasons: string;
    alternativesRejected: string;
    conflicts: string;
    meetingId: string | null;
    minuteId: string | null;
    officerRecord: string;
    publishedOn: string;
    callInEndsOn: string | null;
    implementationDate: string;
    decisionId: string | null;
  } | null;
}

export function publicForwardPlanEntry(
  entry: ForwardPlanEntryRow,
  representations: ReadonlyArray<Row<'forward_plan_representation'>>,
  record: DecisionRecordRow | undefined,
): PublicForwardPlanEntry {
  return {
    id: entry.id,
    reference: entry.reference,
    subject: entry.subject,
    summary: entry.summary,
    decisionMaker: {
      text: decisionMakerText(entry),
      bodyId: entry.decision_maker_body_id,
      personId: entry.decision_maker_person_id,
      title: entry.decision_maker_title,
    },
    plannedDate: entry.planned_date,
    wards: entry.wards,
    documents: entry.documents,
    consultees: entry.consultees,
    contact: entry.contact,
    keyDecision: entry.key_decision,
    noticeRoute: entry.notice_route,
    noticeRouteLabel: NOTICE_ROUTE_LABELS[entry.notice_route],
    urgencyReasons: entry.notice_route === 'notice' ? '' : entry.urgency_reasons,
    scrutinyChair:
      entry.notice_route !== 'notice' && entry.scrutiny_chair_person_id
        ? {
            personId: entry.scrutiny_chair_person_id,
            name: entry.chair_name,
            informedOn: entry.scrutiny_chair_informed_on,
            agreedOn: entry.scrutiny_chair_agreed_on,
          }
        : null,
    publishedOn: entry.published_on ?? '',
    privateMeeting: entry.private_meeting
      ? {
          exemptParagraphs: entry.exempt_paragraphs,
          reasons: entry.private_reasons,
          furtherNoticeDue: furtherNoticeDue(entry.planned_date),
          representations: representations
            .filter((row) => row.entry_id === entry.id)
            .map((row) => ({ receivedOn: row.received_on, text: row.text, response: row.response, respondedOn: row.responded_on })),
        }
      : null,
    decision: record
      ? {
          decidedOn: record.decided_on,
          decision: record.decision,
          reasons: record.reasons,
          alternativesRejected: record.alternatives_rejected,
          conflicts: record.conflicts,
          meetingId: record.meeting_id,
          minuteId: record.minute_id,
          officerRecord: record.officer_record,
          publishedOn: record.published_on,
          callInEndsOn: record.call_in_ends_on,
          implementationDate: record.implementation_date,
          decisionId: record.decision_id,
        }
      : null,
  };
}

export interface PublicGift {
  id: string;
  kind: 'gift' | 'hospitality';
  description: string;
  donor: string;
  valuePence: number;
  receivedOn: string;
  registeredOn: string;
  late: boolean;
}

export function publicGift(gift: GiftRow): PublicGift {
  return {
    id: gift.id,
    kind: gift.kind,
    description: gift.description,
    donor: gift.donor,
    valuePence: gift.value_pence,
    receivedOn: gift.received_on,
    registeredOn: gift.registered_on,
    late: isLate(gift.received_on, gift.registered_on),
  };
}

export interface PublicRegister {
  personId: string;
  version: number;
  publishedOn: string;
  entries: PublicInterestEntry[];
}

export function publicRegister(register: RegisterRow, entries: readonly InterestEntryRow[]): PublicRegister {
  return {
    personId: register.person_id,
    version: register.version,
    publishedOn: register.published_on!,
    entries: entries
      .filter((entry) => entry.register_id === register.id)
      .map((entry) =>
        publicEntry({
          entryKey: entry.entry_key,
          category: entry.category,
          description: entry.description,
          spousePartner: entry.spouse_partner,
          sensitive: entry.sensitive,
          registeredOn: entry.registered_on,
        }),
      ),
  };
}
