/**
 * Pure functions from query rows to the view models the meeting templates render. Columns never reach a template
 * directly, so what the public sees is decided here, in one place that unit tests can reach without a database.
 */
import { formatName } from '../../../domain/person-name.ts';
import type { MeetingRecord, PersonNameRow } from '../../../db/queries/meetings.ts';
import type { AttendanceStatus, VoteOption } from '../../../db/schema.ts';
import type { CastVoteOption } from '../../../domain/vote-options.ts';
import { linkTo } from '../../../http/routes.ts';
import { personHref, reportHref } from '../../portal/presenters/links.ts';
import { meetingSlug } from '../../portal/slugs.ts';
import { formatDate, formatShortDate, formatTimeRange } from '../../i18n/dates.ts';
import { paragraphs } from '../../../domain/wording.ts';
import { exemptGroundText } from '../../i18n/wording.ts';
import { t } from '../../i18n/index.ts';
import { minuteLayout } from '../../../domain/meetings/minute-layout.ts';
import type { ResolutionList } from '../../../domain/meetings/resolution-parts.ts';
import { agendaFromMinutes } from '../../../domain/meetings/agenda-from-minutes.ts';
import type { MeetingRecommendationRow } from '../../../db/queries/meetings.ts';

// Re-exported for the portal's presenters, which format through this module.
export { formatDate, formatMonth, formatShortDate, formatTime, formatTimeRange } from '../../i18n/dates.ts';
export { exemptGround, joinList, paragraphs } from '../../../domain/wording.ts';

export interface ExemptView {
  /** "Exempt: Schedule 12A paragraphs 2 and 7" */
  label: string;
  ground: string;
}

function exemptView(paragraphs: number[]): ExemptView {
  const ground = exemptGroundText(paragraphs);
  return { label: `${t('meeting.exempt')}: ${ground}`, ground };
}

function pageRange(from: number | null, to: number | null): string | undefined {
  if (from === null) return undefined;
  if (to === null || to === from) return `Page ${from}`;
  return `Pages ${from} to ${to}`;
}

export function personName(row: PersonNameRow): string {
  return formatName({
    ...(row.honorific ? { honorific: row.honorific } : {}),
    ...(row.given_name ? { givenName: row.given_name } : {}),
    initials: row.initials,
    familyName: row.family_name,
    postNominals: row.post_nominals,
  });
}

function nameOf(people: Map<string, PersonNameRow>, id: string | null, printed?: string): string | undefined {
  const person = id ? people.get(id) : undefined;
  return person ? personName(person) : printed;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// The meetings list

// ---------------------------------------------------------------------------------------------------------------
// One meeting

export interface AgendaItemView {
  id: string;
  number: string;
  title: string;
  description: string[];
  pages?: string;
  exempt?: ExemptView;
  reportSubject?: string;
  reportHref?: string;
  /** "Notice of motion", "Question", "Petition": an item's kind when it is not ordinary business. */
  kind?: string;
  /** Notices of motion given under the item, not yet debated (a minute records them once they are). */
  motions: Array<{ text?: string; mover?: string; seconder?: string; result?: string }>;
}

export interface AttendeeView {
  name: string;
  /** A member's page: councillors' names link to their record (issue 19); officers and others are plain text. */
  href?: string;
  role?: string;
  substituteFor?: string;
}

export interface AttendanceGroupView {
  status: AttendanceStatus;
  heading: string;
  count: number;
  people: AttendeeView[];
}

export interface DeclarationView {
  name: string;
  kind: string;
  reason: string;
  item?: { text: string; href?: string };
}

export interface MinuteView {
  anchor: string;
  number: string;
  title: string;
  agendaItem?: string;
  exempt?: ExemptView;
  applicationReference?: string;
  approves?: { text: string; href?: string };
  motions: Array<{ text?: string; mover?: string; seconder?: string }>;
  /** The minute's paragraphs, each resolution once among them (`minuteLayout`), motions before any resolution left over. */
  blocks: MinuteBlockView[];
}

export interface ResolutionListView {
  /** The `type` of an HTML ordered list: "a", "i", "1", ... */
  type: string;
  /** The stylesheet's modifier for the "(a)" markers (a class, as `type` selectors ignore case). */
  modifier: string;
  start: number;
  items: Array<{ value: number; text: string; list?: ResolutionListView }>;
}

export type MinuteBlockView =
  | { kind: 'paragraph'; text: string }
  /** `heading`: the minute's text does not say "Resolved" itself, so the page does. */
  | { kind: 'resolution'; heading: boolean; lead?: string; list?: ResolutionListView; unanimous: boolean };

export interface DerivedAgendaItemView {
  number: string;
  title: string;
  href: string;
}

export interface RecommendationGroupView {
  title: string;
  kind: string;
  recommendations: Array<{ number: number; text: string; href: string; status: string }>;
}

export interface VoteEventView {
  heading: string;
  minute?: { text: string; href: string };
  motion: string[];
  mover?: string;
  seconder?: string;
  result: string;
  resultColour: 'green' | 'red' | 'grey';
  counts: Array<{ option: VoteOption; label: string; count: number }>;
  options: Array<{ option: VoteOption; label: string; count: number; names: string[] }>;
  /** Named votes by political group on the day: how many of each group voted each way, and who. */
  byGroup: Array<{ group: string; counts: Record<VoteOption, number>; names: Array<{ name: string; label: string }> }>;
  namedVoteCount: number;
}

export interface QuestionView {
  number: number;
  askedBy: string;
  askedTo: string;
  toRole?: string;
  question: string[];
  answer: string[];
}

export interface MeetingView {
  id: string;
  title: string;
  authorityName: string;
  bodyName: string;
  date: string;
  details: Array<{ key: string; value: string }>;
  agendaItems: AgendaItemView[];
  /** No agenda published, but the minutes cite agenda items: those numbers and the minutes' titles. */
  agendaFromMinutes: DerivedAgendaItemView[];
  /** The single meeting as an iCalendar file. */
  calendarHref: string;
  /** Published scrutiny recommendations made at this meeting, by item considered. */
  recommendations: RecommendationGroupView[];
  attendance: { groups: AttendanceGroupView[]; summary: string };
  declarations: DeclarationView[];
  minutes: MinuteView[];
  /** Published draft minutes, not yet approved as a correct record. */
  minutesDraft: boolean;
  /** Why the meeting was withdrawn, when it was. */
  withdrawnReason?: string;
  voteEvents: VoteEventView[];
  questions: QuestionView[];
  contents: Array<{ href: string; text: string }>;
}

const ATTENDANCE_HEADINGS: Array<[AttendanceStatus, string]> = [
  ['present', 'Present'],
  ['substitute', 'Substitutes'],
  ['also-present', 'Also present'],
  ['in-attendance', 'In attendance'],
  ['apologies', 'Apologies'],
  ['absent', 'Absent'],
];

const NO_GROUP = 'No group recorded';

/** Groups in order of size (then name), members without a recorded group last. */
function votesByGroup<V extends { option: VoteOption; group_name: string | null }>(eventVotes: V[], nameOfVote: (vote: V) => string): VoteEventView['byGroup'] {
  const groups = new Map<string, VoteEventView['byGroup'][number]>();
  for (const vote of eventVotes) {
    const group = vote.group_name ?? t('meeting.noGroup', { defaultValue: NO_GROUP });
    if (!groups.has(group)) groups.set(group, { group, counts: { for: 0, against: 0, abstain: 0, absent: 0, not_voting: 0 }, names: [] });
    const entry = groups.get(group)!;
    entry.counts[vote.option] += 1;
    entry.names.push({ name: nameOfVote(vote), label: t(`meeting.${vote.option}`) });
  }
  const none = t('meeting.noGroup', { defaultValue: NO_GROUP });
  return [...groups.values()].sort(
    (a, b) => Number(a.group === none) - Number(b.group === none) || b.names.length - a.names.length || a.group.localeCompare(b.group),
  );
}

/** The votes cast, counted in the event's totals. */
const VOTE_OPTIONS: Array<[CastVoteOption, string]> = [
  ['for', 'For'],
  ['against', 'Against'],
  ['abstain', 'Abstain'],
];

/** Members a roll call names who cast no vote: listed by name when the paper names any, never counted. */
const NOT_CAST_OPTIONS: Array<[VoteOption, string]> = [
  ['absent', 'Absent'],
  ['not_voting', 'Not voting'],
];

export const MEETING_SECTIONS = [
  { id: 'details', text: 'Details' },
  { id: 'agenda', text: 'Agenda' },
  { id: 'attendance', text: 'Attendance' },
  { id: 'declarations', text: 'Declarations of interest' },
  { id: 'minutes', text: 'Minutes' },
  { id: 'recommendations', text: 'Recommendations made at this meeting' },
  { id: 'votes', text: 'Recorded votes' },
  { id: 'questions', text: 'Questions' },
] as const;

function listView(list: ResolutionList): ResolutionListView {
  return {
    type: list.style,
    modifier: { a: 'a', A: 'upper-a', i: 'i', I: 'upper-i', '1': '1' }[list.style],
    start: list.start,
    items: list.items.map((item) => ({ value: item.value, text: item.text, ...(item.parts ? { list: listView(item.parts) } : {}) })),
  };
}

const ITEM_KINDS: Record<string, string> = { 'call-in': 'Call-in', review: 'Review', 'posc-recommendation': 'Recommendation' };

function recommendationGroups(rows: MeetingRecommendationRow[]): RecommendationGroupView[] {
  const groups = new Map<string, RecommendationGroupView>();
  for (const row of rows) {
    if (!groups.has(row.item_id))
      groups.set(row.item_id, {
        title: row.item_title,
        kind: t(`scrutinyItemKind.${row.item_kind}`, { defaultValue: ITEM_KINDS[row.item_kind] ?? capitalise(row.item_kind) }),
        recommendations: [],
      });
    groups.get(row.item_id)!.recommendations.push({
      number: row.number,
      text: row.text ?? t('scrutinyPage.wordsInMinutes'),
      href: linkTo('scrutiny.recommendation', { id: row.id }),
      status: t(`scrutinyStatus.${row.status}`, { defaultValue: row.status }),
    });
  }
  return [...groups.values()];
}

function minuteAnchor(number: string): string {
  return `minute-${number.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export function presentMeeting(record: MeetingRecord): MeetingView {
  const { meeting, people } = record;
  const date = formatDate(meeting.date);

  const details: MeetingView['details'] = [
    { key: t('meeting.body'), value: meeting.body_name },
    { key: t('meetings.date'), value: date },
  ];
  const time = formatTimeRange(meeting.start_time, meeting.end_time);
  if (time) details.push({ key: t('meeting.time'), value: time });
  if (meeting.location) details.push({ key: t('meeting.location'), value: meeting.location });
  if (meeting.kind !== 'ordinary')
    details.push({ key: t('meeting.kind'), value: t(`meetingKind.${meeting.kind}`, { defaultValue: capitalise(meeting.kind) }) });
  const status = t(`meetingStatus.${meeting.status}`, { defaultValue: capitalise(meeting.status) });
  details.push({
    key: t('meeting.status'),
    value: meeting.status === 'cancelled' && meeting.cancelled_reason ? `${status}: ${meeting.cancelled_reason}` : status,
  });

  const agendaItems: AgendaItemView[] = record.agendaItems.map((item) => {
    const pages = pageRange(item.page_from, item.page_to);
    return {
      id: `agenda-item-${item.number.replace(/[^A-Za-z0-9]+/g, '-')}`,
      number: item.number,
      title: item.title,
      description: item.exempt ? [] : paragraphs(item.description),
      ...(pages ? { pages } : {}),
      ...(item.exempt ? { exempt: exemptView(item.exempt_paragraphs) } : {}),
      ...(item.report_subject && item.report_id && !item.exempt
        ? { reportSubject: item.report_subject, reportHref: reportHref(item.report_id, item.report_subject) }
        : {}),
      ...(item.kind !== 'item' ? { kind: t(`agendaItemKind.${item.kind}`) } : {}),
      motions: item.exempt
        ? []
        : record.motions
            .filter((motion) => motion.minute_id === null && motion.agenda_item_id === item.id)
            .map((motion) => {
              const mover = nameOf(people, motion.mover_id);
              const seconder = nameOf(people, motion.seconder_id);
              return {
                ...(motion.text ? { text: motion.text } : {}),
                ...(mover ? { mover } : {}),
                ...(seconder ? { seconder } : {}),
                ...(motion.result ? { result: capitalise(motion.result) } : {}),
              };
            }),
    };
  });

  const groups: AttendanceGroupView[] = [];
  for (const [status, heading] of ATTENDANCE_HEADINGS) {
    const rows = record.attendance.filter((row) => row.status === status);
    if (rows.length === 0) continue;
    const attendees = rows.map((row) => {
      const substituteFor = nameOf(people, row.substitute_for_person_id);
      const name = nameOf(people, row.person_id, row.printed_name) ?? row.printed_name;
      const member = people.get(row.person_id)?.kind === 'member';
      return {
        name,
        ...(member ? { href: personHref(row.person_id, name) } : {}),
        ...(row.role ? { role: row.role } : {}),
        ...(substituteFor ? { substituteFor } : {}),
        sortKey: people.get(row.person_id)?.family_name ?? row.printed_name,
      };
    });
    // Chairman and Vice-Chairman first, as the papers print them; then by family name.
    attendees.sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.sortKey.localeCompare(b.sortKey, 'en-GB'));
    groups.push({
      status,
      heading: t(`attendance.${status}`, { defaultValue: heading }),
      count: attendees.length,
      people: attendees.map(({ sortKey: _sortKey, ...rest }) => rest),
    });
  }
  const summary = groups.map((group) => `${group.heading}: ${group.count}`).join(', ');

  const declarations: DeclarationView[] = record.declarations.map((row) => {
    let item: DeclarationView['item'];
    if (row.minute_id && row.minute_number) {
      item = { text: `Minute ${row.minute_number}: ${row.minute_title ?? ''}`.replace(/: $/, ''), href: `#${minuteAnchor(row.minute_number)}` };
    } else if (row.agenda_item_linked_number || row.agenda_item_number) {
      const number = row.agenda_item_linked_number ?? row.agenda_item_number;
      item = { text: row.agenda_item_title ? `${t('meetingPage.agendaItem', { number })}: ${row.agenda_item_title}` : t('meetingPage.agendaItem', { number }) };
    }
    return {
      name: nameOf(people, row.person_id) ?? t('meetingPage.unknownMember'),
      kind: capitalise(row.kind),
      reason: row.reason,
      ...(item ? { item } : {}),
    };
  });

  const minutes: MinuteView[] = record.minutes.map((row) => {
    const agendaNumber = row.agenda_item_linked_number ?? row.agenda_item_number;
    let approves: MinuteView['approves'];
    if (row.approves_meeting_id && row.approved_meeting_date) {
      approves = {
        text: row.approved_body_name
          ? t('meetingPage.minutesOfBody', { body: row.approved_body_name, date: formatDate(row.approved_meeting_date) })
          : t('meetingPage.minutesOfMeeting', { date: formatDate(row.approved_meeting_date) }),
        href: linkTo('meeting.show', { id: row.approves_meeting_id }),
      };
    } else if (row.approves_meeting_date) {
      approves = { text: t('meetingPage.minutesOfMeeting', { date: formatDate(row.approves_meeting_date) }) };
    }
    return {
      anchor: minuteAnchor(row.number),
      number: row.number,
      title: row.title,
      ...(agendaNumber
        ? {
            agendaItem: row.agenda_item_title
              ? `${t('meetingPage.agendaItem', { number: agendaNumber })}: ${row.agenda_item_title}`
              : t('meetingPage.agendaItem', { number: agendaNumber }),
          }
        : {}),
      ...(row.exempt ? { exempt: exemptView(row.exempt_paragraphs) } : {}),
      ...(row.application_reference ? { applicationReference: row.application_reference } : {}),
      ...(approves ? { approves } : {}),
      motions: row.exempt
        ? []
        : record.motions
            .filter((motion) => motion.minute_id === row.id)
            .map((motion) => {
              const mover = nameOf(people, motion.mover_id);
              const seconder = nameOf(people, motion.seconder_id);
              return {
                ...(motion.text ? { text: motion.text } : {}),
                ...(mover ? { mover } : {}),
                ...(seconder ? { seconder } : {}),
              };
            }),
      // The query already blanks exempt text and leaves out exempt resolutions; this keeps the guarantee if it changes.
      blocks: row.exempt
        ? []
        : minuteBlocks(
            row.text,
            record.resolutions.filter((resolution) => resolution.minute_id === row.id),
          ),
    };
  });

  const voteEvents: VoteEventView[] = record.voteEvents.map((event, index) => {
    const eventVotes = record.votes.filter((vote) => vote.vote_event_id === event.id);
    const counts = { for: event.for_count, against: event.against_count, abstain: event.abstain_count };
    const namesVoting = (option: VoteOption) =>
      eventVotes.filter((vote) => vote.option === option).map((vote) => nameOf(people, vote.person_id, vote.printed_name) ?? vote.printed_name);
    const mover = nameOf(people, event.mover_id);
    const seconder = nameOf(people, event.seconder_id);
    const result = capitalise(event.result);
    return {
      heading: event.minute_title ? `${t('meeting.minute')} ${event.minute_number}: ${event.minute_title}` : `${t('meeting.recordedVote')} ${index + 1}`,
      ...(event.minute_number ? { minute: { text: `Minute ${event.minute_number}`, href: `#${minuteAnchor(event.minute_number)}` } } : {}),
      motion: paragraphs(event.motion_text),
      ...(mover ? { mover } : {}),
      ...(seconder ? { seconder } : {}),
      result,
      resultColour: /carried|agreed|passed|approved/i.test(event.result) ? 'green' : /lost|fell|defeated|rejected/i.test(event.result) ? 'red' : 'grey',
      counts: VOTE_OPTIONS.map(([option]) => ({ option, label: t(`meeting.${option}`), count: counts[option] })),
      options: [
        ...VOTE_OPTIONS.map(([option]) => {
          const names = namesVoting(option);
          return { option, label: t(`meeting.${option}`), count: counts[option], names };
        }),
        ...NOT_CAST_OPTIONS.map(([option]) => ({
          option,
          label: t(`meeting.${option}`),
          count: namesVoting(option).length,
          names: namesVoting(option),
        })).filter((entry) => entry.count > 0),
      ],
      byGroup: votesByGroup(eventVotes, (vote) => nameOf(people, vote.person_id, vote.printed_name) ?? vote.printed_name),
      namedVoteCount: eventVotes.length,
    };
  });

  const questions: QuestionView[] = record.questions.map((row, index) => ({
    number: index + 1,
    askedBy: nameOf(people, row.asked_by_id) ?? t('meetingPage.unknownMember'),
    askedTo: row.asked_to_id === null ? t('meetingPage.notNamed') : (nameOf(people, row.asked_to_id) ?? t('meetingPage.unknownMember')),
    ...(row.to_role ? { toRole: row.to_role } : {}),
    question: paragraphs(row.question_text),
    answer: paragraphs(row.answer_text),
  }));

  return {
    id: meeting.id,
    title: `${meeting.body_name}, ${formatShortDate(meeting.date)}`,
    authorityName: meeting.authority_name,
    bodyName: meeting.body_name,
    date,
    details,
    agendaItems,
    agendaFromMinutes:
      agendaItems.length > 0
        ? []
        : agendaFromMinutes(
            record.minutes
              .filter((row) => row.agenda_item_number)
              .map((row) => ({ agendaItem: row.agenda_item_number!, number: row.number, title: row.title })),
          ).map((item) => ({
            number: item.agendaItem,
            title: item.title,
            href: `#${minuteAnchor(item.number)}`,
          })),
    calendarHref: linkTo('meeting.ics', { id: meetingSlug(meeting.date, meeting.body_slug) }),
    recommendations: recommendationGroups(record.recommendations),
    attendance: { groups, summary },
    declarations,
    minutes,
    minutesDraft: Boolean(meeting.minutes_draft),
    ...(meeting.withdrawn_reason ? { withdrawnReason: meeting.withdrawn_reason } : {}),
    voteEvents,
    questions,
    contents: MEETING_SECTIONS.filter((section) => section.id !== 'recommendations' || record.recommendations.length > 0).map((section) => ({
      href: `#${section.id}`,
      text: t(`meetingSections.${section.id}`),
    })),
  };
}

function roleRank(role: string | undefined): number {
  if (!role) return 2;
  if (/^(chair|chairman|chairwoman|chairperson)$/i.test(role)) return 0;
  if (/^vice[- ]chair/i.test(role)) return 1;
  return 2;
}

function minuteBlocks(text: string, resolutions: Array<{ text: string; unanimous: boolean }>): MinuteBlockView[] {
  return minuteLayout(
    text,
    resolutions.map((resolution) => resolution.text),
  ).map((block) => {
    if (block.kind === 'paragraph') return block;
    const { lead, list } = block.layout;
    return {
      kind: 'resolution',
      heading: !block.printed,
      ...(lead ? { lead } : {}),
      ...(list ? { list: listView(list) } : {}),
      unanimous: resolutions[block.resolution]!.unanimous,
    };
  });
}
