/**
 * Persist: turns one document's extracted records into rows, resolving names to people, titles to bodies,
 * dates to meetings and numbers to agenda items. Runs inside the caller's transaction (one per file): the file's rows
 * are built in memory first, then written table by table (see write-batch.ts).
 * Ambiguous names are reported as import issues, never guessed.
 */
import type { Transaction } from 'kysely';
import type { Database, MeetingKind } from '../db/schema.ts';
import * as store from '../db/repositories/paper-store.ts';
import { canonicalBodyName } from '../domain/body-name.ts';
import { slugify, stableId } from '../domain/stable-id.ts';
import { splitRoleAndParty, type PartyName } from '../domain/political-party.ts';
import type { AttendanceRecord, ImportIssue, MeetingRecord, PaperExtract, PrintedName, SourceSpan } from './types.ts';
import type { PeopleDirectory, PersonContext } from './people.ts';
import { correctExtract, type PaperCorrections } from './corrections.ts';
import { meetingKey as correctionMeetingKey, printedNameKey } from '../domain/import-review/corrections.ts';
import { add, WriteBatch, type Counts } from './write-batch.ts';
import type { NewRow } from '../db/types.ts';

export interface PersistContext {
  trx: Transaction<Database>;
  authorityId: string;
  authorityName: string;
  sourceId: string;
  people: PeopleDirectory;
  /** Body ids by canonical name; kept for the whole import run and added to here. */
  bodies: Map<string, string>;
}

export type { Counts };

export interface PersistResult {
  created: Counts;
  /** Names resolved to people already known before this file. */
  linked: number;
  issues: ImportIssue[];
  /** Officers' corrections that no longer found their record (also among the issues). */
  unapplied: PaperCorrections['corrections'];
}

const source = (ctx: PersistContext, span: SourceSpan) => ({
  source_document_id: ctx.sourceId,
  source_line_from: span.lineFrom,
  source_line_to: span.lineTo,
});

function normaliseTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Titles are printed slightly differently in an agenda and on a report: compare their words. */
export function titlesMatch(a: string, b: string): boolean {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  if (!x || !y) return false;
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const wordsA = new Set(x.split(' ').filter((w) => w.length > 3));
  const wordsB = y.split(' ').filter((w) => w.length > 3);
  if (wordsA.size === 0 || wordsB.length === 0) return false;
  const shared = wordsB.filter((w) => wordsA.has(w)).length;
  return shared / Math.max(wordsA.size, wordsB.length) >= 0.7;
}

/** `corrections`: the officers' corrections of this paper (corrections.ts), applied on every import of it. */
export async function persistExtract(ctx: PersistContext, extracted: PaperExtract, corrections: PaperCorrections): Promise<PersistResult> {
  const { extract, links, unapplied } = correctExtract(extracted, corrections, ctx.authorityName);
  const issues: ImportIssue[] = [...extract.issues];
  const batch = new WriteBatch();
  const known = await loadKnown(ctx, extract);
  const { bodies } = ctx;

  function bodyId(printed: string): string {
    const canonical = canonicalBodyName(printed, ctx.authorityName);
    const found = bodies.get(canonical.name);
    if (found) return found;
    const id = stableId('body', ctx.authorityName, canonical.name);
    batch.add('body', { id, authority_id: ctx.authorityId, name: canonical.name, slug: slugify(canonical.name), kind: canonical.kind });
    bodies.set(canonical.name, id);
    return id;
  }

  function person(name: PrintedName, context: PersonContext, line: number): string | undefined {
    const outcome = ctx.people.resolve(name, context);
    if (outcome.status === 'ambiguous') {
      issues.push({
        severity: 'warning',
        line,
        message: `"${name.printed}" could mean ${outcome.candidates.join(' or ')}; not linked. Check the paper and link it by hand.`,
      });
      return undefined;
    }
    return outcome.personId;
  }

  // Political groups printed beside members' names: loaded only when the paper prints any.
  const printsGroups = extract.meetings.some((meeting) => meeting.attendance.some((record) => record.role && splitRoleAndParty(record.role).party));
  const groups = new Map<string, { id: string; memberIds: Set<string> }>();
  if (printsGroups) {
    for (const group of await store.loadPoliticalGroups(ctx.trx, ctx.authorityId))
      groups.set(group.name, { id: group.id, memberIds: new Set(group.memberIds) });
  }

  const scope: FileScope = { ctx, batch, known, issues, person, approvals: [], groups };
  for (const meeting of extract.meetings) {
    const corrected = links.get(correctionMeetingKey(canonicalBodyName(meeting.bodyName, ctx.authorityName).name, meeting.date));
    persistMeeting(corrected ? { ...scope, person: linkedFirst(scope.person, corrected) } : scope, meeting, bodyId(meeting.bodyName));
  }

  // Reports, linked to the agenda items they were written for.
  for (const report of extract.reports) {
    const firstTo = report.to[0];
    const id = stableId('report', ctx.authorityName, report.subject, firstTo?.bodyName, firstTo?.date ?? report.date);
    batch.add('report', {
      id,
      authority_id: ctx.authorityId,
      subject: report.subject,
      by_text: report.by,
      to_text: report.to.map((to) => [to.bodyName, to.date].filter(Boolean).join(' – ')),
      report_date: report.date ?? firstTo?.date ?? null,
      classification: report.classification ?? null,
      exempt: report.exempt,
      summary: report.summary ?? null,
      recommendations: report.recommendations ?? null,
      contact: report.contact ?? null,
      background_documents: report.backgroundDocuments ?? null,
      full_text: report.fullText,
      ...source(ctx, report),
    });
    for (const to of report.to) {
      if (!to.date) continue;
      const meeting = known.meetings.get(meetingKey(bodyId(to.bodyName), to.date));
      if (!meeting) continue;
      const item = (known.agendaItems.get(meeting.id) ?? []).find((candidate) => titlesMatch(candidate.title, report.subject));
      if (!item || item.report_id) continue;
      item.report_id = id;
      if (item.row) item.row.report_id = id;
      else batch.linkReport(item.id, id);
    }
  }

  for (const decision of extract.decisions) {
    const makerId = decision.decisionMaker
      ? person(decision.decisionMaker, { kind: 'member', role: decision.decisionMakerRole }, decision.lineFrom)
      : undefined;
    const makerBodyId = decision.decisionMakerBody ? bodyId(decision.decisionMakerBody) : null;
    batch.add('decision', {
      id: stableId('decision', ctx.authorityName, decision.recordNumber ?? `${decision.date} ${decision.subject}`),
      authority_id: ctx.authorityId,
      decision_date: decision.date,
      decision_maker_person_id: makerId ?? null,
      decision_maker_role: decision.decisionMakerRole ?? null,
      decision_maker_body_id: makerBodyId,
      subject: decision.subject,
      text: decision.text,
      is_key: decision.key,
      is_urgent: decision.urgent,
      urgency_reason: decision.urgencyReason ?? null,
      record_number: decision.recordNumber ?? null,
      report_id: null,
      ...source(ctx, decision),
    });
  }

  // A minute approving "the minutes of the meeting held on <date>" links to that meeting of its body, whether it
  // came earlier or later in this file or in an earlier file.
  for (const { row, bodyId: body } of scope.approvals) {
    row.approves_meeting_id = known.meetings.get(meetingKey(body, row.approves_meeting_date!))?.id ?? null;
  }

  batch.addIssues(issues.map((issue) => ({ source_document_id: ctx.sourceId, severity: issue.severity, line: issue.line ?? null, message: issue.message })));
  const created = await batch.write(ctx.trx, ctx.people);
  // Minutes imported before the meeting they approve.
  await store.linkApprovedMinutes(ctx.trx, batch.newMeetingIds());
  const peopleCounts = ctx.people.takeCounts();
  add(created, 'people', peopleCounts.created);
  return { created, linked: peopleCounts.linked, issues, unapplied };
}

type ResolvePerson = (name: PrintedName, context: PersonContext, line: number) => string | undefined;

/** An officer's name link for the printed name, when there is one; otherwise the usual resolution. */
function linkedFirst(resolve: ResolvePerson, links: Map<string, string>): ResolvePerson {
  return (name, context, line) => links.get(printedNameKey(name.printed)) ?? resolve(name, context, line);
}

/** A meeting this file names: on record already, or new in this file's batch (then `row` is the row to be written). */
interface KnownMeeting {
  id: string;
  start_time: string | null;
  end_time: string | null;
  location: string | null;
  kind: MeetingKind;
  row?: NewRow<'meeting'>;
}

/** An agenda item of a known meeting, in the order they were recorded; `row` when it is new in this file. */
interface KnownAgendaItem {
  id: string;
  number: string;
  title: string;
  report_id: string | null;
  row?: NewRow<'agenda_item'>;
}

/** What a file's records are matched against: the records on record that it names, plus those it adds. */
interface Known {
  meetings: Map<string, KnownMeeting>;
  agendaItems: Map<string, KnownAgendaItem[]>;
  /** Minute ids by meeting, then by minute number. */
  minutes: Map<string, Map<string, string>>;
}

interface FileScope {
  ctx: PersistContext;
  batch: WriteBatch;
  known: Known;
  issues: ImportIssue[];
  person: ResolvePerson;
  /** New minutes approving an earlier meeting, with their meeting's body, linked once every meeting is known. */
  approvals: Array<{ row: NewRow<'minute'>; bodyId: string }>;
  /** Political groups by name, with their members: on record, or added by this file. */
  groups: Map<string, { id: string; memberIds: Set<string> }>;
}

function meetingKey(bodyId: string, date: string): string {
  return `${bodyId}\n${date}`;
}

/**
 * One query each for the meetings the file names (to add to, to link reports to, to approve the minutes of) and for
 * the agenda items and minutes of those it adds to, instead of a lookup per record. Bodies new in this file have
 * no meetings on record, so only known bodies are asked about.
 */
async function loadKnown(ctx: PersistContext, extract: PaperExtract): Promise<Known> {
  const keys = new Map<string, { bodyId: string; date: string }>();
  const withItems = new Set<string>();
  const knownBody = (printed: string) => ctx.bodies.get(canonicalBodyName(printed, ctx.authorityName).name);
  const ask = (printed: string, date: string, items: boolean) => {
    const bodyId = knownBody(printed);
    if (!bodyId) return;
    const key = meetingKey(bodyId, date);
    keys.set(key, { bodyId, date });
    if (items) withItems.add(key);
  };
  for (const meeting of extract.meetings) {
    ask(meeting.bodyName, meeting.date, true);
    for (const minute of meeting.minutes) if (minute.approvesMinutesOf) ask(meeting.bodyName, minute.approvesMinutesOf, false);
  }
  for (const report of extract.reports) for (const to of report.to) if (to.date) ask(to.bodyName, to.date, true);

  const known: Known = { meetings: new Map(), agendaItems: new Map(), minutes: new Map() };
  if (keys.size === 0) return known;
  const meetingIds: string[] = [];
  for (const row of await store.findMeetings(ctx.trx, [...keys.values()])) {
    const key = meetingKey(row.body_id, row.date);
    known.meetings.set(key, { id: row.id, start_time: row.start_time, end_time: row.end_time, location: row.location, kind: row.kind });
    if (withItems.has(key)) meetingIds.push(row.id);
  }
  for (const item of await store.agendaItemsOfMeetings(ctx.trx, meetingIds)) {
    const list = known.agendaItems.get(item.meeting_id) ?? [];
    list.push({ id: item.id, number: item.number, title: item.title, report_id: item.report_id });
    known.agendaItems.set(item.meeting_id, list);
  }
  for (const minute of await store.minutesOfMeetings(ctx.trx, meetingIds)) {
    const byNumber = known.minutes.get(minute.meeting_id) ?? new Map<string, string>();
    byNumber.set(minute.number, minute.id);
    known.minutes.set(minute.meeting_id, byNumber);
  }
  return known;
}

function persistMeeting(scope: FileScope, meeting: MeetingRecord, bodyId: string): void {
  const { ctx, batch, known, issues, person } = scope;
  const key = meetingKey(bodyId, meeting.date);
  const existing = known.meetings.get(key);
  const meetingId = existing?.id ?? stableId('meeting', bodyId, meeting.date);
  if (existing) {
    // Another paper already told us about this meeting: fill in what it did not say, change nothing it did.
    const changes: Partial<NewRow<'meeting'>> = {};
    if (!existing.start_time && meeting.startTime) changes.start_time = meeting.startTime;
    if (!existing.end_time && meeting.endTime) changes.end_time = meeting.endTime;
    if (!existing.location && meeting.location) changes.location = meeting.location;
    if (meeting.kind && meeting.kind !== 'ordinary' && existing.kind === 'ordinary') changes.kind = meeting.kind;
    Object.assign(existing, changes);
    if (existing.row) Object.assign(existing.row, changes);
    else batch.changeMeeting(existing.id, changes);
  } else {
    const row = batch.add('meeting', {
      id: meetingId,
      body_id: bodyId,
      date: meeting.date,
      start_time: meeting.startTime ?? null,
      end_time: meeting.endTime ?? null,
      location: meeting.location ?? null,
      kind: meeting.kind ?? 'ordinary',
      status: 'held',
      ...source(ctx, meeting),
    });
    known.meetings.set(key, {
      id: meetingId,
      start_time: row.start_time ?? null,
      end_time: row.end_time ?? null,
      location: row.location ?? null,
      kind: row.kind ?? 'ordinary',
      row,
    });
  }

  // Agenda items: an item number already recorded for the meeting keeps its record.
  const agendaItems = known.agendaItems.get(meetingId) ?? [];
  known.agendaItems.set(meetingId, agendaItems);
  meeting.agendaItems.forEach((item, index) => {
    if (agendaItems.some((recorded) => recorded.number === item.number)) return;
    const row = batch.add('agenda_item', {
      id: stableId('agenda-item', meetingId, item.number),
      meeting_id: meetingId,
      number: item.number,
      position: index + 1,
      title: item.title,
      description: item.description ?? null,
      page_from: item.pageFrom ?? null,
      page_to: item.pageTo ?? null,
      exempt: item.exempt,
      exempt_paragraphs: item.exemptParagraphs,
      report_id: null,
      ...source(ctx, item),
    });
    agendaItems.push({ id: row.id, number: row.number, title: row.title, report_id: null, row });
  });
  const agendaByNumber = new Map(agendaItems.map((item) => [item.number, item.id]));

  // People at the meeting first: the attendance lists print names in full, so later short forms resolve against them.
  const presentIds = new Set<string>();
  const ordered = [...meeting.attendance].sort((a, b) => attendanceOrder(a) - attendanceOrder(b));
  for (const record of ordered) {
    // "(Labour)" beside a name is the member's group, not a role at the meeting.
    const { party, role } = record.role && !record.officer ? splitRoleAndParty(record.role) : { party: undefined, role: record.role };
    const context: PersonContext = {
      kind: record.officer ? 'officer' : 'member',
      role,
      preferIds: presentIds,
      jobTitle: record.officer ? record.role : undefined,
    };
    const personId = person(record.name, context, record.lineFrom);
    if (!personId) continue;
    if (record.status === 'present' || record.status === 'substitute') presentIds.add(personId);
    if (party) addGroupMember(scope, party, personId);
    const substituteFor = record.substituteFor ? person(record.substituteFor, { kind: 'member' }, record.lineFrom) : undefined;
    batch.add('attendance', {
      id: stableId('attendance', meetingId, personId, record.status),
      meeting_id: meetingId,
      person_id: personId,
      status: record.status,
      role: role ?? null,
      printed_name: record.name.printed,
      substitute_for_person_id: substituteFor ?? null,
      ...source(ctx, record),
    });
  }
  // Officers the paper names (the meeting's contact): on record as officers of the council, not as attending.
  for (const officer of meeting.officers ?? []) {
    person(officer.name, { kind: 'officer', ...(officer.jobTitle ? { jobTitle: officer.jobTitle, role: officer.jobTitle } : {}) }, officer.lineFrom);
  }
  ctx.people.stage();

  // Minutes, with their resolutions and motions.
  const minuteByNumber = known.minutes.get(meetingId) ?? new Map<string, string>();
  known.minutes.set(meetingId, minuteByNumber);
  const atMeeting: PersonContext = { kind: 'member', preferIds: presentIds, presentOnly: true };
  meeting.minutes.forEach((minute, index) => {
    const minuteId = stableId('minute', meetingId, minute.number);
    if (!minuteByNumber.has(minute.number)) {
      const row = batch.add('minute', {
        id: minuteId,
        meeting_id: meetingId,
        number: minute.number,
        position: index + 1,
        title: minute.title,
        agenda_item_id: minute.agendaItemNumber ? (agendaByNumber.get(minute.agendaItemNumber) ?? null) : null,
        agenda_item_number: minute.agendaItemNumber ?? null,
        text: minute.text,
        exempt: minute.exempt,
        exempt_paragraphs: minute.exemptParagraphs,
        approves_meeting_date: minute.approvesMinutesOf ?? null,
        approves_meeting_id: null,
        application_reference: minute.applicationReference ?? null,
        ...source(ctx, minute),
      });
      if (row.approves_meeting_date) scope.approvals.push({ row, bodyId });
    }
    // Resolutions and motions are keyed by their minute's id, so these go in even when the minute was on record.
    minute.resolutions.forEach((resolution, position) =>
      batch.add('resolution', {
        id: stableId('resolution', minuteId, position + 1),
        minute_id: minuteId,
        position: position + 1,
        text: resolution.text,
        unanimous: resolution.unanimous,
      }),
    );
    minute.motions.forEach((motion, position) =>
      batch.add('motion', {
        id: stableId('motion', minuteId, position + 1),
        minute_id: minuteId,
        position: position + 1,
        text: motion.text ?? null,
        mover_id: motion.mover ? (person(motion.mover, atMeeting, motion.lineFrom) ?? null) : null,
        seconder_id: motion.seconder ? (person(motion.seconder, atMeeting, motion.lineFrom) ?? null) : null,
      }),
    );
  });
  ctx.people.stage();
  for (const minute of meeting.minutes) {
    if (!minuteByNumber.has(minute.number)) minuteByNumber.set(minute.number, stableId('minute', meetingId, minute.number));
  }

  // Declarations of interest.
  meeting.declarations.forEach((declaration, index) => {
    const personId = person(declaration.name, atMeeting, declaration.lineFrom);
    if (!personId) return;
    batch.add('declaration', {
      id: stableId('declaration', meetingId, personId, declaration.minuteNumber, declaration.agendaItemNumber, index),
      meeting_id: meetingId,
      person_id: personId,
      agenda_item_id: declaration.agendaItemNumber ? (agendaByNumber.get(declaration.agendaItemNumber) ?? null) : null,
      minute_id: declaration.minuteNumber ? (minuteByNumber.get(declaration.minuteNumber) ?? null) : null,
      agenda_item_number: declaration.agendaItemNumber ?? null,
      kind: declaration.kind,
      reason: declaration.reason,
      ...source(ctx, declaration),
    });
  });

  // Recorded votes.
  meeting.voteEvents.forEach((event, index) => {
    const eventId = stableId('vote-event', meetingId, event.minuteNumber, index + 1);
    batch.add('vote_event', {
      id: eventId,
      meeting_id: meetingId,
      minute_id: event.minuteNumber ? (minuteByNumber.get(event.minuteNumber) ?? null) : null,
      motion_text: event.motionText ?? null,
      mover_id: event.mover ? (person(event.mover, atMeeting, event.lineFrom) ?? null) : null,
      seconder_id: event.seconder ? (person(event.seconder, atMeeting, event.lineFrom) ?? null) : null,
      for_count: event.forCount,
      against_count: event.againstCount,
      abstain_count: event.abstainCount,
      result: event.result,
      casting_voter_id: event.castingVoter ? (person(event.castingVoter, atMeeting, event.lineFrom) ?? null) : null,
      ...source(ctx, event),
    });
    const seen = new Set<string>();
    for (const vote of event.votes) {
      const personId = person(vote.name, atMeeting, event.lineFrom);
      if (!personId) continue;
      if (seen.has(personId)) {
        issues.push({ severity: 'warning', line: event.lineFrom, message: `"${vote.name.printed}" is listed twice in the recorded vote; counted once.` });
        continue;
      }
      seen.add(personId);
      batch.addVote({ vote_event_id: eventId, person_id: personId, option: vote.option, printed_name: vote.name.printed });
    }
  });

  // Questions and answers.
  meeting.questions.forEach((question, index) => {
    const askedBy = person(question.askedBy, { kind: 'member' }, question.lineFrom);
    const askedTo = question.askedTo ? person(question.askedTo, { kind: 'member', role: question.toRole }, question.lineFrom) : null;
    if (!askedBy || askedTo === undefined) return;
    batch.add('question', {
      id: stableId('question', meetingId, index + 1, question.question.slice(0, 80)),
      meeting_id: meetingId,
      position: index + 1,
      asked_by_id: askedBy,
      asked_to_id: askedTo,
      to_role: question.toRole ?? null,
      question_text: question.question,
      answer_text: question.answer ?? null,
      ...source(ctx, question),
    });
  });
  ctx.people.stage();
}

/**
 * A member printed with a group: the group (added when new) and the membership (added when not on record). The paper
 * shows membership on the meeting's date only, so the membership's start and end stay unknown (null).
 */
function addGroupMember(scope: FileScope, party: PartyName, personId: string): void {
  let group = scope.groups.get(party.name);
  if (!group) {
    const id = stableId('political-group', scope.ctx.authorityName, party.name);
    scope.batch.add('political_group', { id, authority_id: scope.ctx.authorityId, name: party.name, abbreviation: party.abbreviation ?? null });
    group = { id, memberIds: new Set() };
    scope.groups.set(party.name, group);
  }
  if (group.memberIds.has(personId)) return;
  group.memberIds.add(personId);
  scope.batch.add('group_membership', {
    id: stableId('group-membership', personId, group.id),
    person_id: personId,
    group_id: group.id,
    role: null,
    start_date: null,
    end_date: null,
  });
}

/** Members present first, then the rest: short forms in apologies resolve against full names. */
function attendanceOrder(record: AttendanceRecord): number {
  if (record.status === 'present') return 0;
  if (record.status === 'substitute') return 1;
  if (record.status === 'also-present') return 2;
  if (record.status === 'in-attendance') return 3;
  return 4;
}
