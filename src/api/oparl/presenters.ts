/**
 * Rows to OParl 1.1 objects: pure functions, so columns never leak and every object gets absolute URLs.
 * Quorum's additions carry the "quorum:" prefix, as OParl asks of vendor extensions (documented in docs/api.md).
 */
import { AGENDA_ITEM_KIND_KEYWORD } from '../../domain/agenda-item-kind.ts';
import { formatName } from '../../domain/person-name.ts';
import type {
  AgendaItemRow,
  AuthorityRow,
  ConsultationRow,
  LocationRow,
  MeetingRow,
  MembershipRow,
  OrganizationRow,
  PaperRow,
  PersonRow,
  WithdrawalRow,
} from '../../db/queries/api/oparl.ts';
import type { AbsoluteLink } from '../links.ts';
import type { RouteName } from '../../http/routes.ts';
import { formatShortDate, londonDateTime, londonTimestamp } from '../../domain/dates.ts';
import type { LegislativeTerm } from './legislative-terms.ts';

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';
const type = (name: string) => `${OPARL_VERSION}${name}`;

export type OParlObject = Record<string, unknown> & { id: string; type: string };

/** `modified_at` is the object's modified: the latest change to anything it shows (src/db/queries/api/oparl.ts). */
const stamps = (row: { created_at: Date | string; modified_at: Date | string }) => ({
  created: londonTimestamp(row.created_at),
  modified: londonTimestamp(row.modified_at),
});

/** Who publishes the data, on the System and each Body (configuration: QUORUM_DATA_LICENSE, QUORUM_CONTACT_EMAIL). */
export interface Publisher {
  license?: string | undefined;
  contactEmail?: string | undefined;
}

const publisherFields = (publisher: Publisher) => ({
  ...(publisher.license ? { license: publisher.license } : {}),
  ...(publisher.contactEmail ? { contactEmail: publisher.contactEmail } : {}),
});

export interface SystemFacts extends Publisher {
  name: string;
  /** The newest change to any record, for the system's `modified`. */
  modified?: string;
}

export function presentSystem(link: AbsoluteLink, facts: SystemFacts): OParlObject {
  return {
    id: link('oparl.system'),
    type: type('System'),
    oparlVersion: OPARL_VERSION,
    name: facts.name,
    body: link('oparl.bodies'),
    web: link('home'),
    ...publisherFields(facts),
    ...(facts.modified ? { modified: facts.modified } : {}),
  };
}

/**
 * A Body embeds its legislative terms, so it is modified when one appears: its modified is the latest of its row's
 * and its terms'. The routes filter Bodies on the same value (bodyModified).
 */
export function bodyModified(row: AuthorityRow, terms: StampedTerm[]): Date {
  return new Date(Math.max(new Date(row.modified_at).getTime(), ...terms.map((term) => new Date(term.modified_at).getTime())));
}

export function presentBody(link: AbsoluteLink, row: AuthorityRow, terms: StampedTerm[], publisher: Publisher): OParlObject {
  const id = row.id;
  return {
    id: link('oparl.body', { id }),
    type: type('Body'),
    system: link('oparl.system'),
    name: row.name,
    organization: link('oparl.body.organizations', { id }),
    person: link('oparl.body.people', { id }),
    meeting: link('oparl.body.meetings', { id }),
    paper: link('oparl.body.papers', { id }),
    agendaItem: link('oparl.body.agendaItems', { id }),
    consultation: link('oparl.body.consultations', { id }),
    file: link('oparl.body.files', { id }),
    locationList: link('oparl.body.locations', { id }),
    legislativeTermList: link('oparl.body.legislativeTerms', { id }),
    membership: link('oparl.body.memberships', { id }),
    legislativeTerm: terms.map((term) => presentLegislativeTerm(link, row, term)),
    web: link('home'),
    ...publisherFields(publisher),
    ...stamps({ created_at: row.created_at, modified_at: bodyModified(row, terms) }),
  };
}

/** A derived term with the times of its meetings (q.meetingTimesBetween says why they are its created and modified). */
export type StampedTerm = LegislativeTerm & { created_at: Date | string; modified_at: Date | string };

export function presentLegislativeTerm(link: AbsoluteLink, body: AuthorityRow, term: StampedTerm): OParlObject {
  return {
    id: link('oparl.legislativeTerm', { id: term.id }),
    type: type('LegislativeTerm'),
    body: link('oparl.body', { id: body.id }),
    name: term.name,
    startDate: term.startDate,
    endDate: term.endDate,
    ...stamps(term),
  };
}

export function presentOrganization(link: AbsoluteLink, row: OrganizationRow, membershipIds: string[]): OParlObject {
  const isGroup = row.kind === 'political-group';
  return {
    id: link('oparl.organization', { id: row.id }),
    type: type('Organization'),
    body: link('oparl.body', { id: row.authority_id }),
    name: row.name,
    ...(row.abbreviation ? { shortName: row.abbreviation } : {}),
    organizationType: isGroup ? 'political group' : row.kind === 'council' ? 'council' : 'committee',
    classification: row.kind,
    membership: membershipIds.map((id) => link('oparl.membership', { id })),
    ...(isGroup ? {} : { meeting: link('oparl.organization.meetings', { id: row.id }) }),
    ...(row.parent_id ? { subOrganizationOf: link('oparl.organization', { id: row.parent_id }) } : {}),
    ...stamps(row),
  };
}

export function presentMembership(link: AbsoluteLink, row: MembershipRow, options: { withPerson: boolean }): OParlObject {
  return {
    id: link('oparl.membership', { id: row.id }),
    type: type('Membership'),
    ...(options.withPerson ? { person: link('oparl.person', { id: row.person_id }) } : {}),
    organization: link('oparl.organization', { id: row.organization_id }),
    ...(row.role ? { role: row.role } : {}),
    ...(row.start_date ? { startDate: row.start_date } : {}),
    ...(row.end_date ? { endDate: row.end_date } : {}),
    ...stamps(row),
  };
}

export function presentPerson(link: AbsoluteLink, row: PersonRow, memberships: MembershipRow[]): OParlObject {
  return {
    id: link('oparl.person', { id: row.id }),
    type: type('Person'),
    body: link('oparl.body', { id: row.authority_id }),
    name: formatName({
      honorific: row.honorific ?? undefined,
      givenName: row.given_name ?? undefined,
      initials: row.initials,
      familyName: row.family_name,
      postNominals: row.post_nominals,
    }),
    familyName: row.family_name,
    ...(row.given_name ? { givenName: row.given_name } : row.initials.length ? { givenName: row.initials.join(' ') } : {}),
    ...(row.honorific ? { formOfAddress: row.honorific } : {}),
    ...(row.post_nominals.length ? { title: row.post_nominals } : {}),
    status: row.kind === 'officer' && row.job_title ? [row.job_title] : [row.kind],
    // Embedded memberships leave out `person`: OParl omits the back link inside its own parent.
    membership: memberships.map((membership) => presentMembership(link, membership, { withPerson: false })),
    // OParl has no object for the register of interests (Localism Act 2011 ss.29-34): a member links to it in the
    // JSON API, an extension field as OParl asks of vendor additions.
    ...(row.kind === 'member' ? { 'quorum:interests': link('api.memberInterests', { id: row.id }) } : {}),
    ...stamps(row),
  };
}

export function presentLocation(link: AbsoluteLink, row: LocationRow, meetingIds: string[]): OParlObject {
  return {
    id: link('oparl.location', { id: row.id }),
    type: type('Location'),
    description: row.description,
    meetings: meetingIds.map((id) => link('oparl.meeting', { id })),
    ...stamps(row),
  };
}

/**
 * The Location a Meeting embeds: its place, without the Location's own times, which change with every meeting held
 * there (OParl lets an embedded object leave out optional fields; the Location itself, by its id, has them all).
 */
function presentMeetingPlace(link: AbsoluteLink, id: string, description: string): OParlObject {
  return { id: link('oparl.location', { id }), type: type('Location'), description };
}

export interface AgendaItemExtras {
  resolutions: string[];
  voteEventIds: string[];
  /** Notices of motion given under the item, not yet minuted. */
  notices: Array<{ text: string | null; moverId: string | null; seconderId: string | null }>;
}

/**
 * An exempt item shows its number, title and the Schedule 12A paragraphs it was exempt under, and nothing of its
 * report or resolutions (the queries already withhold them; the presenter does not ask).
 */
export function presentAgendaItem(link: AbsoluteLink, row: AgendaItemRow, extras: AgendaItemExtras, options: { withMeeting: boolean }): OParlObject {
  return {
    id: link('oparl.agendaItem', { id: row.id }),
    type: type('AgendaItem'),
    ...(options.withMeeting ? { meeting: link('oparl.meeting', { id: row.meeting_id }) } : {}),
    number: row.number,
    // OParl counts an item's place in its meeting from 0; Quorum's positions count from 1.
    order: Math.max(0, row.position - 1),
    name: row.title,
    public: !row.exempt,
    ...(row.exempt ? { 'quorum:exemptParagraphs': row.exempt_paragraphs } : {}),
    ...(row.public_report_id ? { consultation: link('oparl.consultation', { id: row.id }) } : {}),
    ...(extras.resolutions.length ? { resolutionText: extras.resolutions.join('\n\n') } : {}),
    ...(extras.voteEventIds.length ? { 'quorum:voteEvent': extras.voteEventIds.map((id) => link('api.voteEvent', { id })) } : {}),
    ...(row.kind !== 'item' ? { keyword: [AGENDA_ITEM_KIND_KEYWORD[row.kind]] } : {}),
    // OParl 1.1 has no motion object for an agenda item: a notice of motion is an extension, its mover a Person.
    ...(extras.notices.length
      ? {
          'quorum:noticeOfMotion': extras.notices.map((notice) => ({
            text: notice.text,
            mover: notice.moverId ? link('oparl.person', { id: notice.moverId }) : null,
            seconder: notice.seconderId ? link('oparl.person', { id: notice.seconderId }) : null,
          })),
        }
      : {}),
    web: link('meeting.show', { id: row.meeting_id }),
    ...stamps(row),
  };
}

export function presentMeeting(link: AbsoluteLink, row: MeetingRow, children: { agendaItems: OParlObject[]; participantIds: string[] }): OParlObject {
  return {
    id: link('oparl.meeting', { id: row.id }),
    type: type('Meeting'),
    name: `${row.body_name}, ${formatShortDate(row.date)}`,
    meetingState: row.status,
    cancelled: row.status === 'cancelled',
    ...(row.start_time ? { start: londonDateTime(row.date, row.start_time) } : {}),
    ...(row.end_time ? { end: londonDateTime(row.date, row.end_time) } : {}),
    // The date stands on its own: many papers print no start time, and OParl's `start` needs one.
    'quorum:date': row.date,
    ...(row.location ? { location: presentMeetingPlace(link, row.location_id, row.location) } : {}),
    organization: [link('oparl.organization', { id: row.body_id })],
    participant: children.participantIds.map((id) => link('oparl.person', { id })),
    agendaItem: children.agendaItems,
    web: link('meeting.show', { id: row.id }),
    ...stamps(row),
  };
}

/** A public report's text, published as a File that the File's accessUrl serves as plain text. */
export function presentFile(link: AbsoluteLink, row: PaperRow): OParlObject {
  return {
    id: link('oparl.file', { id: row.id }),
    type: type('File'),
    name: row.subject,
    fileName: `${row.id}.txt`,
    mimeType: 'text/plain',
    ...(row.report_date ? { date: row.report_date } : {}),
    size: Number(row.text_bytes),
    accessUrl: link('oparl.file.content', { id: row.id }),
    // The same text, sent as an attachment (Content-Disposition), as OParl distinguishes viewing from downloading.
    downloadUrl: link('oparl.file.download', { id: row.id }),
    paper: [link('oparl.paper', { id: row.id })],
    ...stamps(row),
  };
}

export function presentConsultation(link: AbsoluteLink, row: ConsultationRow, options: { withPaper: boolean }): OParlObject {
  return {
    id: link('oparl.consultation', { id: row.id }),
    type: type('Consultation'),
    ...(options.withPaper ? { paper: link('oparl.paper', { id: row.report_id }) } : {}),
    agendaItem: link('oparl.agendaItem', { id: row.agenda_item_id }),
    meeting: link('oparl.meeting', { id: row.meeting_id }),
    organization: [link('oparl.organization', { id: row.body_id })],
    ...stamps(row),
  };
}

export function presentPaper(link: AbsoluteLink, row: PaperRow, consultations: ConsultationRow[]): OParlObject {
  return {
    id: link('oparl.paper', { id: row.id }),
    type: type('Paper'),
    body: link('oparl.body', { id: row.authority_id }),
    name: row.subject,
    ...(row.report_date ? { date: row.report_date } : {}),
    paperType: 'report',
    mainFile: presentFile(link, row),
    consultation: consultations.map((consultation) => presentConsultation(link, consultation, { withPaper: false })),
    ...(row.by_text.length ? { 'quorum:by': row.by_text } : {}),
    ...(row.to_text.length ? { 'quorum:to': row.to_text } : {}),
    ...stamps(row),
  };
}

/**
 * An object the public may no longer see (withdrawn, made exempt, or never published): OParl 1.1 section 2.8 asks
 * for `deleted: true` with the id, type and time of the change, so mirrors drop their copy. Nothing else is said.
 */
export function presentDeleted(link: AbsoluteLink, route: RouteName, typeName: string, row: WithdrawalRow): OParlObject {
  return {
    id: link(route as 'oparl.paper', { id: row.record_id }),
    type: type(typeName),
    deleted: true,
    created: londonTimestamp(row.created_at),
    modified: londonTimestamp(row.modified),
  };
}

/**
 * One page of an OParl external list, with its pagination block and the links a client follows. A list too long to
 * count (total undefined) has no totalElements, totalPages or last link, which OParl 1.1 makes optional (section
 * 2.5); its next link, which is required, is there because such a list goes on past this page.
 *
 * The next link carries the page's cursor (`after`), so the next page starts from an index whatever its number.
 * The other links address pages by number only; one that would skip more than `maxOffset` objects is left out
 * (each is optional), since such a page is refused (src/api/oparl/schema.ts).
 */
export function presentListPage(
  data: OParlObject[],
  page: { total: number | undefined; perPage: number; current: number; cursor?: string; maxOffset?: number },
  pageUrl: (page: number, after?: string) => string,
): Record<string, unknown> {
  const reachable = (number: number) => page.maxOffset === undefined || (number - 1) * page.perPage <= page.maxOffset;
  const byNumber = (number: number) => (reachable(number) ? pageUrl(number) : undefined);
  const links = (prev: number | undefined, next: boolean, last: number | undefined) => {
    const prevUrl = prev !== undefined ? byNumber(prev) : undefined;
    const lastUrl = last !== undefined ? byNumber(last) : undefined;
    return {
      first: pageUrl(1),
      ...(prevUrl ? { prev: prevUrl } : {}),
      ...(next ? { next: pageUrl(page.current + 1, page.cursor) } : {}),
      ...(lastUrl ? { last: lastUrl } : {}),
    };
  };
  if (page.total === undefined) {
    return {
      data,
      pagination: { elementsPerPage: page.perPage, currentPage: page.current },
      links: links(page.current > 1 ? page.current - 1 : undefined, true, undefined),
    };
  }
  const totalPages = Math.max(1, Math.ceil(page.total / page.perPage));
  return {
    data,
    pagination: { totalElements: page.total, elementsPerPage: page.perPage, currentPage: page.current, totalPages },
    links: links(page.current > 1 ? Math.min(page.current - 1, totalPages) : undefined, page.current < totalPages, totalPages),
  };
}
