/**
 * Persist: turns one document's extracted records into rows, resolving names to people, titles to bodies,
 * dates to meetings and numbers to agenda items. Runs inside the caller's transaction (one per file).
 * Ambiguous names are reported as import issues, never guessed.
 */
import type { Transaction } from 'kysely';
import type { Database, NewRow } from '../db/schema.ts';
import * as store from '../db/repositories/paper-store.ts';
import { canonicalBodyName } from '../domain/body-name.ts';
import { slugify, stableId } from '../domain/stable-id.ts';
import type { AttendanceRecord, ImportIssue, MeetingRecord, PaperExtract, PrintedName, SourceSpan } from './types.ts';
import type { PeopleDirectory, PersonContext } from './people.ts';

export interface PersistContext {
  trx: Transaction<Database>;
  authorityId: string;
  authorityName: string;
  sourceId: string;
  people: PeopleDirectory;
  /** Body ids by canonical name; kept for the whole import run and added to here. */
  bodies: Map<string, string>;
}

export type Counts = Record<string, number>;

export interface PersistResult {
  created: Counts;
  /** Names resolved to people already known before this file. */
  linked: number;
  issues: ImportIssue[];
}

const source = (ctx: PersistContext, span: SourceSpan) => ({
  source_document_id: ctx.sourceId,
  source_line_from: span.lineFrom,
  source_line_to: span.lineTo,
});

function add(counts: Counts, table: string, n: number): void {
  if (n > 0) counts[table] = (counts[table] ?? 0) + n;
}

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

export async function persistExtract(ctx: PersistContext, extract: PaperExtract): Promise<PersistResult> {
  const created: Counts = {};
  const issues: ImportIssue[] = [...extract.issues];
  const { bodies } = ctx;

  async function bodyId(printed: string): Promise<string> {
    const canonical = canonicalBodyName(printed, ctx.authorityName);
    const known = bodies.get(canonical.name);
    if (known) return known;
    const id = stableId('body', ctx.authorityName, canonical.name);
    add(
      created,
      'bodies',
      await store.insertNew(ctx.trx, 'body', [
        { id, authority_id: ctx.authorityId, name: canonical.name, slug: slugify(canonical.name), kind: canonical.kind },
      ]),
    );
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

  for (const meeting of extract.meetings) {
    await persistMeeting(ctx, meeting, await bodyId(meeting.bodyName), created, issues, person);
  }

  // Reports, linked to the agenda items they were written for.
  for (const report of extract.reports) {
    const firstTo = report.to[0];
    const id = stableId('report', ctx.authorityName, report.subject, firstTo?.bodyName, firstTo?.date ?? report.date);
    add(
      created,
      'reports',
      await store.insertNew(ctx.trx, 'report', [
        {
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
        },
      ]),
    );
    for (const to of report.to) {
      if (!to.date) continue;
      const meetingRow = await store.findMeeting(ctx.trx, await bodyId(to.bodyName), to.date);
      if (!meetingRow) continue;
      const item = (await store.agendaItemsOf(ctx.trx, meetingRow.id)).find((candidate) => titlesMatch(candidate.title, report.subject));
      if (item && !item.report_id) await store.linkReportToAgendaItem(ctx.trx, item.id, id);
    }
  }

  for (const decision of extract.decisions) {
    const makerId = decision.decisionMaker
      ? person(decision.decisionMaker, { kind: 'member', role: decision.decisionMakerRole }, decision.lineFrom)
      : undefined;
    const makerBodyId = decision.decisionMakerBody ? await bodyId(decision.decisionMakerBody) : null;
    add(
      created,
      'decisions',
      await store.insertNew(ctx.trx, 'decision', [
        {
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
        },
      ]),
    );
  }

  await store.linkApprovedMinutes(ctx.trx);
  await ctx.people.flush(ctx.trx);
  const peopleCounts = ctx.people.takeCounts();
  add(created, 'people', peopleCounts.created);
  if (issues.length) {
    await store.insertImportIssues(
      ctx.trx,
      issues.map((issue) => ({ source_document_id: ctx.sourceId, severity: issue.severity, line: issue.line ?? null, message: issue.message })),
    );
  }
  return { created, linked: peopleCounts.linked, issues };
}

type ResolvePerson = (name: PrintedName, context: PersonContext, line: number) => string | undefined;

async function persistMeeting(
  ctx: PersistContext,
  meeting: MeetingRecord,
  bodyId: string,
  created: Counts,
  issues: ImportIssue[],
  person: ResolvePerson,
): Promise<void> {
  const { trx } = ctx;
  const existing = await store.findMeeting(trx, bodyId, meeting.date);
  const meetingId = existing?.id ?? stableId('meeting', bodyId, meeting.date);
  if (existing) {
    // Another paper already told us about this meeting: fill in what it did not say, change nothing it did.
    const changes: Partial<NewRow<'meeting'>> = {};
    if (!existing.start_time && meeting.startTime) changes.start_time = meeting.startTime;
    if (!existing.end_time && meeting.endTime) changes.end_time = meeting.endTime;
    if (!existing.location && meeting.location) changes.location = meeting.location;
    if (meeting.kind && meeting.kind !== 'ordinary' && existing.kind === 'ordinary') changes.kind = meeting.kind;
    await store.updateMeeting(trx, existing.id, changes);
  } else {
    add(
      created,
      'meetings',
      await store.insertNew(trx, 'meeting', [
        {
          id: meetingId,
          body_id: bodyId,
          date: meeting.date,
          start_time: meeting.startTime ?? null,
          end_time: meeting.endTime ?? null,
          location: meeting.location ?? null,
          kind: meeting.kind ?? 'ordinary',
          status: 'held',
          ...source(ctx, meeting),
        },
      ]),
    );
  }

  // Agenda items.
  const agendaRows: Array<NewRow<'agenda_item'>> = meeting.agendaItems.map((item, index) => ({
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
  }));
  add(created, 'agendaItems', await store.insertNew(trx, 'agenda_item', agendaRows));
  const agendaByNumber = new Map((await store.agendaItemsOf(trx, meetingId)).map((item) => [item.number, item.id]));

  // People at the meeting first: the attendance lists print names in full, so later short forms resolve against them.
  const presentIds = new Set<string>();
  const attendanceRows: Array<NewRow<'attendance'>> = [];
  const ordered = [...meeting.attendance].sort((a, b) => attendanceOrder(a) - attendanceOrder(b));
  for (const record of ordered) {
    const context: PersonContext = {
      kind: record.officer ? 'officer' : 'member',
      role: record.role,
      preferIds: presentIds,
      jobTitle: record.officer ? record.role : undefined,
    };
    const personId = person(record.name, context, record.lineFrom);
    if (!personId) continue;
    if (record.status === 'present' || record.status === 'substitute') presentIds.add(personId);
    const substituteFor = record.substituteFor ? person(record.substituteFor, { kind: 'member' }, record.lineFrom) : undefined;
    attendanceRows.push({
      id: stableId('attendance', meetingId, personId, record.status),
      meeting_id: meetingId,
      person_id: personId,
      status: record.status,
      role: record.role ?? null,
      printed_name: record.name.printed,
      substitute_for_person_id: substituteFor ?? null,
      ...source(ctx, record),
    });
  }
  await ctx.people.flush(trx);
  add(created, 'attendance', await store.insertNew(trx, 'attendance', dedupe(attendanceRows)));

  // Minutes, with their resolutions and motions.
  const minuteRows: Array<NewRow<'minute'>> = [];
  const resolutionRows: Array<NewRow<'resolution'>> = [];
  const motionRows: Array<NewRow<'motion'>> = [];
  const atMeeting: PersonContext = { kind: 'member', preferIds: presentIds, presentOnly: true };
  meeting.minutes.forEach((minute, index) => {
    const minuteId = stableId('minute', meetingId, minute.number);
    minuteRows.push({
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
    minute.resolutions.forEach((resolution, position) =>
      resolutionRows.push({
        id: stableId('resolution', minuteId, position + 1),
        minute_id: minuteId,
        position: position + 1,
        text: resolution.text,
        unanimous: resolution.unanimous,
      }),
    );
    minute.motions.forEach((motion, position) =>
      motionRows.push({
        id: stableId('motion', minuteId, position + 1),
        minute_id: minuteId,
        position: position + 1,
        text: motion.text ?? null,
        mover_id: motion.mover ? (person(motion.mover, atMeeting, motion.lineFrom) ?? null) : null,
        seconder_id: motion.seconder ? (person(motion.seconder, atMeeting, motion.lineFrom) ?? null) : null,
      }),
    );
  });
  await ctx.people.flush(trx);
  add(created, 'minutes', await store.insertNew(trx, 'minute', minuteRows));
  add(created, 'resolutions', await store.insertNew(trx, 'resolution', resolutionRows));
  add(created, 'motions', await store.insertNew(trx, 'motion', motionRows));
  const minuteByNumber = new Map((await store.minutesOf(trx, meetingId)).map((minute) => [minute.number, minute.id]));

  // Declarations of interest.
  const declarationRows: Array<NewRow<'declaration'>> = [];
  meeting.declarations.forEach((declaration, index) => {
    const personId = person(declaration.name, atMeeting, declaration.lineFrom);
    if (!personId) return;
    declarationRows.push({
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
  const voteEventRows: Array<NewRow<'vote_event'>> = [];
  const voteRows: Array<NewRow<'vote'>> = [];
  meeting.voteEvents.forEach((event, index) => {
    const eventId = stableId('vote-event', meetingId, event.minuteNumber, index + 1);
    voteEventRows.push({
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
      voteRows.push({ vote_event_id: eventId, person_id: personId, option: vote.option, printed_name: vote.name.printed });
    }
  });

  // Questions and answers.
  const questionRows: Array<NewRow<'question'>> = [];
  meeting.questions.forEach((question, index) => {
    const askedBy = person(question.askedBy, { kind: 'member' }, question.lineFrom);
    const askedTo = person(question.askedTo, { kind: 'member', role: question.toRole }, question.lineFrom);
    if (!askedBy || !askedTo) return;
    questionRows.push({
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

  await ctx.people.flush(trx);
  add(created, 'declarations', await store.insertNew(trx, 'declaration', declarationRows));
  add(created, 'voteEvents', await store.insertNew(trx, 'vote_event', voteEventRows));
  add(created, 'votes', await store.insertVotes(trx, voteRows));
  add(created, 'questions', await store.insertNew(trx, 'question', questionRows));
}

/** Members present first, then the rest: short forms in apologies resolve against full names. */
function attendanceOrder(record: AttendanceRecord): number {
  if (record.status === 'present') return 0;
  if (record.status === 'substitute') return 1;
  if (record.status === 'also-present') return 2;
  if (record.status === 'in-attendance') return 3;
  return 4;
}

function dedupe<T extends { id: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true)));
}
