/**
 * `quorum export --json`: everything the committee records hold, as one JSON document (docs/export.md).
 */
import { isoTimestamp } from '../domain/dates.ts';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readExportTables, type ExportTables } from '../db/queries/export.ts';
import { formatName } from '../domain/person-name.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportAgendaItem,
  type ExportMotion,
  type ExportDocument,
  type ExportMeetingV2 as ExportMeeting,
  type ExportMinuteV2 as ExportMinute,
  type ExportVoteEvent,
  type SourceRef,
} from './export-schema.ts';
import { groupBy } from '../domain/group-by.ts';
import { registersSection } from './registers/export-section.ts';
import { SECTION_TABLES, sectionCounts, sectionsOf } from './export/write-sections.ts';
import type { Row } from '../db/types.ts';

export interface ExportOptions {
  /**
   * Include exempt information (default true: the export is the officers' full backup).
   * When false: exempt agenda items keep their number and title but lose their description; exempt minutes keep
   * their number and title but lose their text, resolutions and motions, and their vote events lose the motion
   * text; exempt reports are left out, and links to them (agenda items, decisions) become null.
   */
  includeExempt?: boolean;
  /** The export time; a parameter so tests can pin it. */
  now?: Date;
}

export class ExportError extends Error {
  override name = 'ExportError';
}

/** Builds the export document from the database. Two calls on the same data give identical documents apart from exportedAt. */
export async function buildExport(db: Kysely<Database>, options: ExportOptions = {}): Promise<ExportDocument> {
  const tables = await readExportTables(db, { publicOnly: options.includeExempt === false, sectionTables: SECTION_TABLES });
  return documentFromTables(tables, options);
}

export interface WriteExportResult {
  bytes: number;
  counts: Record<string, number>;
}

/**
 * Writes the export as pretty-printed JSON (UTF-8, trailing newline) to a file or a stream.
 * A file is written beside its final name and renamed into place, so a failed export never leaves half a backup
 * where the last good one was.
 */
export async function writeExport(db: Kysely<Database>, target: string | NodeJS.WritableStream, options: ExportOptions = {}): Promise<WriteExportResult> {
  const document = await buildExport(db, options);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (typeof target === 'string') {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    try {
      await fs.promises.writeFile(temporary, text, 'utf8');
      await fs.promises.rename(temporary, target);
    } catch (error) {
      await fs.promises.rm(temporary, { force: true });
      throw error;
    }
  } else if (!target.write(text)) {
    await once(target, 'drain');
  }
  return { bytes: Buffer.byteLength(text, 'utf8'), counts: summarise(document) };
}

/** How many records of each kind a document holds, for the CLI to print. */
export function summarise(document: ExportDocument): Record<string, number> {
  const meetings = document.meetings;
  const sum = (pick: (meeting: ExportMeeting) => number) => meetings.reduce((total, meeting) => total + pick(meeting), 0);
  return {
    sources: document.sources.length,
    people: document.people.length,
    groups: document.groups.length,
    bodies: document.bodies.length,
    memberships: document.memberships.length,
    meetings: meetings.length,
    agendaItems: sum((m) => m.agendaItems.length),
    attendance: sum((m) => m.attendance.length),
    declarations: sum((m) => m.declarations.length),
    minutes: sum((m) => m.minutes.length),
    voteEvents: sum((m) => m.voteEvents.length),
    votes: sum((m) => m.voteEvents.reduce((total, event) => total + event.votes.length, 0)),
    questions: sum((m) => m.questions.length),
    reports: document.reports.length,
    decisions: document.decisions.length,
    ...Object.fromEntries(Object.entries(document.registers ?? {}).map(([key, rows]) => [key, rows.length])),
    ...sectionCounts(document),
  };
}

function documentFromTables(t: ExportTables, options: ExportOptions): ExportDocument {
  const includeExempt = options.includeExempt ?? true;
  if (t.authority.length !== 1) {
    // The document names one authority and its records carry no authority of their own; exporting several
    // authorities into it would merge them on restore.
    throw new ExportError(
      t.authority.length === 0
        ? 'Nothing to export: the database holds no authority yet.'
        : `The database holds ${t.authority.length} authorities (${t.authority.map((a) => a.name).join(', ')}); an export covers exactly one.`,
    );
  }
  const authority = t.authority[0]!;

  // A report is exempt when marked so, or when the agenda item that carries it is exempt (Schedule 12A applies to the item).
  const omittedReports = new Set(
    includeExempt
      ? []
      : [
          ...t.report.filter((report) => report.exempt).map((report) => report.id),
          ...t.agenda_item.filter((item) => item.exempt && item.report_id !== null).map((item) => item.report_id as string),
        ],
  );
  const keptReport = (id: string | null) => (id !== null && omittedReports.has(id) ? null : id);
  const exemptMinutes = new Set(includeExempt ? [] : t.minute.filter((minute) => minute.exempt).map((minute) => minute.id));

  const aliases = groupBy(t.person_alias, (alias) => alias.person_id);
  const groupMemberships = groupBy(t.group_membership, (row) => row.group_id);
  const agendaItems = groupBy(t.agenda_item, (row) => row.meeting_id);
  const attendance = groupBy(t.attendance, (row) => row.meeting_id);
  const declarations = groupBy(t.declaration, (row) => row.meeting_id);
  const minutes = groupBy(t.minute, (row) => row.meeting_id);
  const resolutions = groupBy(t.resolution, (row) => row.minute_id);
  const motions = groupBy(
    t.motion.filter((row) => row.minute_id !== null),
    (row) => row.minute_id!,
  );
  // A notice of motion not yet minuted is the agenda item's; once a minute records it, it is the minute's.
  const notices = groupBy(
    t.motion.filter((row) => row.minute_id === null && row.agenda_item_id != null),
    (row) => row.agenda_item_id!,
  );
  const motionOf = (motion: Row<'motion'>): ExportMotion => ({
    id: motion.id,
    position: motion.position,
    text: motion.text,
    moverId: motion.mover_id,
    seconderId: motion.seconder_id,
    ...(motion.result ? { result: motion.result } : {}),
    ...(motion.minute_id && motion.agenda_item_id ? { agendaItemId: motion.agenda_item_id } : {}),
  });
  const voteEvents = groupBy(t.vote_event, (row) => row.meeting_id);
  const votes = groupBy(t.vote, (row) => row.vote_event_id);
  const questions = groupBy(t.question, (row) => row.meeting_id);

  const agendaItemOf = (row: Row<'agenda_item'>): ExportAgendaItem => {
    const redact = !includeExempt && row.exempt;
    return {
      id: row.id,
      number: row.number,
      position: row.position,
      title: row.title,
      description: redact ? null : row.description,
      pageFrom: row.page_from,
      pageTo: row.page_to,
      exempt: row.exempt,
      exemptParagraphs: row.exempt_paragraphs,
      reportId: keptReport(row.report_id),
      source: sourceOf(row),
      ...(row.kind !== 'item' ? { kind: row.kind } : {}),
      ...(!redact && notices.has(row.id) ? { motions: byPosition(notices.get(row.id)).map(motionOf) } : {}),
    };
  };

  const minuteOf = (row: Row<'minute'>): ExportMinute => {
    const redact = exemptMinutes.has(row.id);
    return {
      id: row.id,
      number: row.number,
      position: row.position,
      title: row.title,
      agendaItemId: row.agenda_item_id,
      agendaItemNumber: row.agenda_item_number,
      text: redact ? '' : row.text,
      exempt: row.exempt,
      exemptParagraphs: row.exempt_paragraphs,
      approvesMeetingDate: row.approves_meeting_date,
      approvesMeetingId: row.approves_meeting_id,
      applicationReference: row.application_reference,
      source: sourceOf(row),
      resolutions: redact
        ? []
        : byPosition(resolutions.get(row.id)).map((resolution) => ({
            id: resolution.id,
            position: resolution.position,
            text: resolution.text,
            unanimous: resolution.unanimous,
            withdrawnAt: resolution.withdrawn_at === null ? null : isoTimestamp(resolution.withdrawn_at),
            withdrawnBy: resolution.withdrawn_by,
          })),
      motions: redact ? [] : byPosition(motions.get(row.id)).map(motionOf),
    };
  };

  const voteEventOf = (row: Row<'vote_event'>): ExportVoteEvent => ({
    id: row.id,
    minuteId: row.minute_id,
    motionText: row.motion_text,
    moverId: row.mover_id,
    seconderId: row.seconder_id,
    forCount: row.for_count,
    againstCount: row.against_count,
    abstainCount: row.abstain_count,
    result: row.result,
    ...(row.casting_voter_id ? { castingVoterId: row.casting_voter_id } : {}),
    source: sourceOf(row),
    votes: sortBy(votes.get(row.id) ?? [], (vote) => [vote.person_id]).map((vote) => ({
      personId: vote.person_id,
      option: vote.option,
      printedName: vote.printed_name,
    })),
  });

  const meetingOf = (row: Row<'meeting'>): ExportMeeting => ({
    id: row.id,
    bodyId: row.body_id,
    date: row.date,
    startTime: clockTime(row.start_time),
    endTime: clockTime(row.end_time),
    location: row.location,
    status: row.status,
    kind: row.kind,
    source: sourceOf(row),
    cancelledReason: row.cancelled_reason,
    withdrawnAt: row.withdrawn_at === null || row.withdrawn_at === undefined ? null : isoTimestamp(row.withdrawn_at),
    withdrawnReason: row.withdrawn_reason ?? null,
    sequence: row.sequence,
    agendaItems: byPosition(agendaItems.get(row.id)).map(agendaItemOf),
    attendance: byId(attendance.get(row.id)).map((item) => ({
      id: item.id,
      personId: item.person_id,
      status: item.status,
      role: item.role,
      printedName: item.printed_name,
      substituteForPersonId: item.substitute_for_person_id,
      source: sourceOf(item),
    })),
    declarations: byId(declarations.get(row.id)).map((item) => ({
      id: item.id,
      personId: item.person_id,
      agendaItemId: item.agenda_item_id,
      minuteId: item.minute_id,
      agendaItemNumber: item.agenda_item_number,
      kind: item.kind,
      reason: item.reason,
      source: sourceOf(item),
    })),
    minutes: byPosition(minutes.get(row.id)).map(minuteOf),
    // How each member voted on an exempt item would reveal what the minute holds back.
    voteEvents: byId(voteEvents.get(row.id))
      .filter((event) => event.minute_id === null || !exemptMinutes.has(event.minute_id))
      .map(voteEventOf),
    questions: byPosition(questions.get(row.id)).map((item) => ({
      id: item.id,
      position: item.position,
      askedById: item.asked_by_id,
      askedToId: item.asked_to_id,
      toRole: item.to_role,
      questionText: item.question_text,
      answerText: item.answer_text,
      source: sourceOf(item),
    })),
  });

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    includesExempt: includeExempt,
    authority: { id: authority.id, name: authority.name },
    sources: byId(t.source_document).map((row) => ({
      id: row.id,
      contentHash: row.content_hash,
      fileName: row.file_name,
      format: row.format,
      kinds: row.kinds,
      bytes: row.bytes,
      lineCount: row.line_count,
      importedAt: isoTimestamp(row.imported_at),
    })),
    people: byId(t.person).map((row) => ({
      id: row.id,
      kind: row.kind,
      honorific: row.honorific,
      givenName: row.given_name,
      initials: row.initials,
      familyName: row.family_name,
      postNominals: row.post_nominals,
      jobTitle: row.job_title,
      // A member's or officer's own address, for reminders: not published.
      email: includeExempt ? row.email : null,
      wardId: row.ward_id,
      termStart: row.term_start,
      termEnd: row.term_end,
      phone: includeExempt ? row.phone : null,
      address: includeExempt ? row.address : null,
      aliases: (aliases.get(row.id) ?? []).map((alias) => alias.printed).sort(compareText),
      displayName: formatName({
        honorific: row.honorific ?? undefined,
        givenName: row.given_name ?? undefined,
        initials: row.initials,
        familyName: row.family_name,
        postNominals: row.post_nominals,
      }),
    })),
    groups: byId(t.political_group).map((row) => ({
      id: row.id,
      name: row.name,
      abbreviation: row.abbreviation,
      memberships: byId(groupMemberships.get(row.id)).map((item) => ({
        id: item.id,
        personId: item.person_id,
        role: item.role,
        startDate: item.start_date,
        endDate: item.end_date,
      })),
    })),
    wards: byId(t.ward).map((row) => ({ id: row.id, name: row.name, slug: row.slug })),
    bodies: byId(t.body).map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      kind: row.kind,
      parentId: row.parent_id,
      termsOfReference: row.terms_of_reference,
      clerkName: row.clerk_name,
      clerkEmail: row.clerk_email,
      clerkPhone: row.clerk_phone,
    })),
    memberships: byId(t.membership).map((row) => ({
      id: row.id,
      personId: row.person_id,
      bodyId: row.body_id,
      role: row.role,
      startDate: row.start_date,
      endDate: row.end_date,
    })),
    meetings: sortBy(t.meeting, (row) => [row.date, row.id]).map(meetingOf),
    reports: byId(t.report.filter((row) => !omittedReports.has(row.id))).map((row) => ({
      id: row.id,
      subject: row.subject,
      by: row.by_text,
      to: row.to_text,
      reportDate: row.report_date,
      classification: row.classification,
      exempt: row.exempt,
      summary: row.summary,
      recommendations: row.recommendations,
      contact: row.contact,
      backgroundDocuments: row.background_documents,
      fullText: row.full_text,
      source: sourceOf(row),
      // The file itself is in the files section, which a public export leaves out.
      originalFileSha256: includeExempt ? row.original_file_sha256 : null,
      originalFilename: includeExempt ? row.original_filename : null,
      originalMediaType: includeExempt ? row.original_media_type : null,
    })),
    decisions: byId(t.decision).map((row) => ({
      id: row.id,
      decisionDate: row.decision_date,
      decisionMakerPersonId: row.decision_maker_person_id,
      decisionMakerRole: row.decision_maker_role,
      decisionMakerBodyId: row.decision_maker_body_id,
      subject: row.subject,
      text: row.text,
      isKey: row.is_key,
      isUrgent: row.is_urgent,
      urgencyReason: row.urgency_reason,
      recordNumber: row.record_number,
      reportId: keptReport(row.report_id),
      source: sourceOf(row),
    })),
    registers: registersSection(t, includeExempt),
    ...sectionsOf(t, includeExempt),
  };
}

function sourceOf(row: { source_document_id: string | null; source_line_from: number | null; source_line_to: number | null }): SourceRef {
  if (row.source_document_id === null) return null;
  return { documentId: row.source_document_id, lineFrom: row.source_line_from, lineTo: row.source_line_to };
}

/** The database's '10:00:00' as the council prints it, '10:00'. */
function clockTime(value: string | null): string | null {
  return value === null ? null : value.slice(0, 5);
}

/**
 * Ordering is done here rather than in SQL: the server's collation (en_US, C, ICU) would otherwise decide the order
 * of ids, and the same data on two engines must give the same bytes.
 */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortBy<T>(rows: T[], key: (row: T) => Array<string | number>): T[] {
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i]!;
      const y = kb[i]!;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      if (order !== 0) return order;
    }
    return 0;
  });
}

function byId<T extends { id: string }>(rows: T[] | undefined): T[] {
  return sortBy(rows ?? [], (row) => [row.id]);
}

/** Children in the order they appear in the paper; number and id break ties so the order never depends on the engine. */
function byPosition<T extends { id: string; position: number; number?: string }>(rows: T[] | undefined): T[] {
  return sortBy(rows ?? [], (row) => [row.position, row.number ?? '', row.id]);
}
