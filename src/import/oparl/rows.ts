/**
 * OParl objects to Quorum's committee records, pure. Local ids are stable ids of the OParl id URL, so the same
 * server copied into two databases gives the same ids; what an OParl reference points at is looked up in the
 * mirror's map (a reference to something not copied is a problem of the object that holds it, reported with its URL).
 */
import { agendaItemKindOfKeywords } from '../../domain/agenda-item-kind.ts';
import { londonTimestamp, todayInLondon } from '../../domain/dates.ts';
import { slugify, stableId } from '../../domain/stable-id.ts';
import type { BodyKind, MeetingStatus, PersonKind } from '../../db/schema.ts';
import type { MirroredRecord } from '../../db/repositories/oparl-mirror.ts';
import type { OParlAgendaItem, OParlMeeting, OParlMembership, OParlOrganization, OParlPaper, OParlPerson } from './schema.ts';
import type { NewRow } from '../../db/types.ts';

export type Resolve = (oparlId: string) => MirroredRecord | undefined;

/** A reference the object makes to something not copied: the object is not written. */
export class UnresolvedReference extends Error {}

function need(resolve: Resolve, oparlId: string, field: string, tables: string[]): MirroredRecord {
  const found = resolve(oparlId);
  if (!found || !tables.includes(found.local_table)) throw new UnresolvedReference(`${field}: ${oparlId} is not a copied ${tables.join(' or ')}`);
  return found;
}

const BODY_KINDS: readonly BodyKind[] = ['council', 'cabinet', 'committee', 'sub-committee', 'panel', 'board', 'other'];
const GROUP_WORDS = /political group|political-group|fraktion|party group|partei/i;

/** Political groups (OParl "Fraktion") become political groups; everything else a body of the authority. */
export function isPoliticalGroup(organization: OParlOrganization): boolean {
  return GROUP_WORDS.test(organization.organizationType ?? '') || GROUP_WORDS.test(organization.classification ?? '');
}

export function bodyRow(organization: OParlOrganization, authorityId: string, slug: string): NewRow<'body'> & { id: string } {
  const classification = (organization.classification ?? '').toLowerCase();
  const kind: BodyKind = BODY_KINDS.includes(classification as BodyKind)
    ? (classification as BodyKind)
    : (organization.organizationType ?? '').toLowerCase() === 'council'
      ? 'council'
      : 'committee';
  return { id: localId('body', organization.id), authority_id: authorityId, name: organization.name.trim(), slug, kind };
}

export const bodySlug = (organization: OParlOrganization) => slugify(organization.name) || 'body';

export function groupRow(organization: OParlOrganization, authorityId: string): NewRow<'political_group'> & { id: string } {
  return { id: localId('group', organization.id), authority_id: authorityId, name: organization.name.trim(), abbreviation: organization.shortName ?? null };
}

const PERSON_KINDS: readonly PersonKind[] = ['member', 'officer', 'external'];

/**
 * OParl's `status` is free text. Quorum's own words (member, officer, external) map straight; any other status is
 * an officer's job title for someone with no memberships, and a member's role otherwise (an RIS lists councillors).
 */
export function personRow(person: OParlPerson, authorityId: string): NewRow<'person'> & { id: string } {
  const status = person.status?.[0]?.trim();
  const known = PERSON_KINDS.find((kind) => kind === status);
  const kind: PersonKind = known ?? (person.membership?.length ? 'member' : 'officer');
  const words = (person.name ?? '').trim().split(/\s+/);
  const familyName = person.familyName?.trim() || words[words.length - 1]!;
  const given = person.givenName?.trim() || null;
  // "J P" is two initials, as Quorum prints a member known only by initials.
  const initials = given && /^\p{Lu}( \p{Lu})*$/u.test(given) ? given.split(' ') : [];
  return {
    id: localId('person', person.id),
    authority_id: authorityId,
    kind,
    honorific: person.formOfAddress?.trim() || null,
    given_name: initials.length ? null : given,
    initials,
    family_name: familyName,
    post_nominals: person.title ?? [],
    job_title: !known && kind === 'officer' && status ? status : null,
  };
}

export type MembershipRows =
  | { table: 'membership'; row: NewRow<'membership'> & { id: string } }
  | { table: 'group_membership'; row: NewRow<'group_membership'> & { id: string } };

export function membershipRows(membership: OParlMembership, personId: string, resolve: Resolve): MembershipRows {
  const organization = need(resolve, membership.organization, 'organization', ['body', 'political_group']);
  const dates = { start_date: membership.startDate ?? null, end_date: membership.endDate ?? null };
  if (organization.local_table === 'political_group') {
    return {
      table: 'group_membership',
      row: { id: localId('group-membership', membership.id), person_id: personId, group_id: organization.local_id, role: membership.role ?? null, ...dates },
    };
  }
  return {
    table: 'membership',
    row: { id: localId('membership', membership.id), person_id: personId, body_id: organization.local_id, role: membership.role ?? '', ...dates },
  };
}

/** London's date and wall-clock time of an OParl date-time, whatever offset it was written with. */
function londonParts(dateTime: string): { date: string; time: string } {
  const stamp = londonTimestamp(new Date(dateTime));
  return { date: stamp.slice(0, 10), time: stamp.slice(11, 19) };
}

const MEETING_STATES: readonly MeetingStatus[] = ['scheduled', 'held', 'cancelled', 'postponed'];

export interface MeetingRows {
  meeting: NewRow<'meeting'> & { id: string };
  agendaItems: Array<{ oparlId: string; modified: string | null; row: NewRow<'agenda_item'> & { id: string } }>;
  minutes: Array<NewRow<'minute'> & { id: string }>;
  resolutions: Array<NewRow<'resolution'> & { id: string }>;
  /** Agenda items without a resolution text: a resolution copied before is removed. */
  withoutResolution: string[];
  attendance: Array<NewRow<'attendance'> & { id: string }>;
  /** Participants not copied: reported, the meeting is still written. */
  unknownParticipants: string[];
}

/** Attendance rows carry `printed_name: ''` here; the writer fills in each person's name as on record. */
export function meetingRows(meeting: OParlMeeting, resolve: Resolve, today = todayInLondon()): MeetingRows {
  const organizationId = meeting.organization?.[0];
  if (!organizationId) throw new UnresolvedReference('organization: a meeting needs the body that met');
  const body = need(resolve, organizationId, 'organization', ['body']);
  const start = meeting.start ? londonParts(meeting.start) : undefined;
  const date = meeting['quorum:date'] ?? start!.date;
  const state = MEETING_STATES.find((candidate) => candidate === meeting.meetingState);
  const status: MeetingStatus = state ?? (meeting.cancelled ? 'cancelled' : date < today ? 'held' : 'scheduled');
  const id = localId('meeting', meeting.id);
  const rows: MeetingRows = {
    meeting: {
      id,
      body_id: body.local_id,
      date,
      start_time: start?.time ?? null,
      end_time: meeting.end ? londonParts(meeting.end).time : null,
      location: meeting.location?.description?.trim() || null,
      status,
    },
    agendaItems: [],
    minutes: [],
    resolutions: [],
    withoutResolution: [],
    attendance: [],
    unknownParticipants: [],
  };
  (meeting.agendaItem ?? []).forEach((item, index) => addAgendaItem(rows, id, item, index));
  for (const participant of new Set(meeting.participant ?? [])) {
    const person = resolve(participant);
    if (!person || person.local_table !== 'person') {
      rows.unknownParticipants.push(participant);
      continue;
    }
    rows.attendance.push({
      id: localId('attendance', meeting.id, participant),
      meeting_id: id,
      person_id: person.local_id,
      status: 'present',
      printed_name: '',
    });
  }
  return rows;
}

function addAgendaItem(rows: MeetingRows, meetingId: string, item: OParlAgendaItem, index: number): void {
  const id = localId('agenda-item', item.id);
  // OParl counts an item's place from 0 (its `order`); Quorum's positions count from 1.
  const position = (item.order ?? index) + 1;
  const number = item.number?.trim() || String(position);
  const exempt = item.public === false;
  rows.agendaItems.push({
    oparlId: item.id,
    modified: item.modified ?? null,
    row: {
      id,
      meeting_id: meetingId,
      number,
      position,
      title: item.name.trim(),
      description: null,
      page_from: null,
      page_to: null,
      exempt,
      exempt_paragraphs: exempt ? (item['quorum:exemptParagraphs'] ?? []) : [],
      kind: agendaItemKindOfKeywords(item.keyword),
    },
  });
  // The resolution OParl shows on the item is kept as the item's minute with that resolution, where Quorum keeps it.
  const minuteId = localId('minute', item.id);
  if (item.resolutionText?.trim()) {
    rows.minutes.push({
      id: minuteId,
      meeting_id: meetingId,
      number,
      position,
      title: item.name.trim(),
      agenda_item_id: id,
      agenda_item_number: number,
      approves_meeting_date: null,
      approves_meeting_id: null,
      application_reference: null,
    });
    rows.resolutions.push({ id: localId('resolution', item.id), minute_id: minuteId, position: 1, text: item.resolutionText });
  } else {
    rows.withoutResolution.push(item.id);
  }
}

export interface PaperFile {
  fullText: string;
  original?: { sha256: string; fileName: string | null; mediaType: string | null };
}

export function reportRow(paper: OParlPaper, authorityId: string, file: PaperFile): NewRow<'report'> & { id: string } {
  return {
    id: localId('report', paper.id),
    authority_id: authorityId,
    subject: paper.name.trim(),
    report_date: paper.date ?? null,
    classification: null,
    summary: null,
    recommendations: null,
    contact: null,
    background_documents: null,
    by_text: paper['quorum:by'] ?? [],
    to_text: paper['quorum:to'] ?? [],
    full_text: file.fullText,
    original_file_sha256: file.original?.sha256 ?? null,
    original_filename: file.original?.fileName ?? null,
    original_media_type: file.original?.mediaType ?? null,
  };
}

/** The agenda items a paper was considered at (its consultations), those copied; the others are reported. */
export function consultedItems(paper: OParlPaper, resolve: Resolve): { itemIds: string[]; unknown: string[] } {
  const itemIds: string[] = [];
  const unknown: string[] = [];
  for (const consultation of paper.consultation ?? []) {
    if (!consultation.agendaItem) continue;
    const item = resolve(consultation.agendaItem);
    if (item?.local_table === 'agenda_item') itemIds.push(item.local_id);
    else unknown.push(consultation.agendaItem);
  }
  return { itemIds, unknown };
}

/** The local id of an OParl object: a stable id of its URL (OParl ids are URLs, unique across servers). */
export function localId(kind: string, ...oparlIds: string[]): string {
  return stableId(kind, 'oparl', ...oparlIds);
}
