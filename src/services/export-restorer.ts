/**
 * `quorum import` of a JSON export: puts an export document (docs/export.md) back into a database.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { CONFLICT_KEY, setTransactionActor, type RestorableTable } from '../db/queries/export.ts';
import { insertMissingKeyedRows, type PlainRow } from '../db/queries/export-rows.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportDocumentSchema,
  ExportDocumentV1Schema,
  READABLE_VERSIONS,
  type ExportDocument,
  type SourceRef,
} from './export-schema.ts';
import { upgradeVersion1 } from './export/read-version-1.ts';
import { sectionInserts } from './export/restore-sections.ts';
import { registersRestoreSteps } from './registers/export-section.ts';
import type { NewRow } from '../db/types.ts';

export interface RestoreOptions {
  /** Who is restoring, for the audit log (e.g. "cli:restore" or "user:jsmith"). */
  actor: string;
}

export interface RestoreResult {
  /** Rows written, per kind of record. */
  created: Record<string, number>;
  /** Rows left alone because a row with the same id (or key) was already there. */
  skipped: Record<string, number>;
}

/** The document failed validation; nothing was written. `issues` are "path: message" lines. */
export class ExportValidationError extends Error {
  override name = 'ExportValidationError';
  constructor(
    readonly issues: string[],
    readonly totalIssues: number,
  ) {
    const more = totalIssues > issues.length ? `\n  … and ${totalIssues - issues.length} more` : '';
    super(`The export document is not valid; nothing was restored:\n  ${issues.join('\n  ')}${more}`);
  }
}

/** The database refused part of the document (a dangling reference, a clashing name); nothing was written. */
export class ExportRestoreError extends Error {
  override name = 'ExportRestoreError';
}

const MAX_ISSUES = 10;

/**
 * Validates an export document, then writes every record in one transaction, parents before children.
 * Records whose id already exists are left untouched and counted as skipped, so restoring the same export twice is
 * harmless. Any failure rolls the whole restore back.
 */
export async function restoreExport(db: Kysely<Database>, document: unknown, options: RestoreOptions): Promise<RestoreResult> {
  const parsed = readDocument(document);
  const sections = sectionInserts(parsed);
  const plan = [
    ...sections.first.map((insert) => ({ ...insert, table: insert.table as RestorableTable })),
    ...rowsToRestore(parsed).map((item) => ({ label: item.label, table: item.table, rows: item.rows as unknown as PlainRow[], key: CONFLICT_KEY[item.table] })),
    ...sections.last.map((insert) => ({ ...insert, table: insert.table as RestorableTable })),
  ];

  const created: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    await setTransactionActor(trx, options.actor);
    for (const step of plan) {
      let inserted: number;
      try {
        inserted = await insertMissingKeyedRows(trx, step);
      } catch (error) {
        throw restoreError(step, error);
      }
      created[step.label] = inserted;
      skipped[step.label] = step.rows.length - inserted;
    }
  });
  return { created, skipped };
}

/**
 * The document as version 2: validated against the schema of its version, a version 1 document read by the
 * version 1 reader. A newer version is refused with what to do rather than a list of fields this Quorum does not know.
 */
function readDocument(document: unknown): ExportDocument {
  const head = (typeof document === 'object' && document !== null ? document : {}) as { format?: unknown; version?: unknown };
  if (head.format === EXPORT_FORMAT && typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    throw new ExportValidationError(
      [
        `version: this export is format version ${head.version}, written by a newer Quorum; this Quorum reads versions ${READABLE_VERSIONS.join(' and ')}. Restore it with a Quorum at least as new as the one that wrote it.`,
      ],
      1,
    );
  }
  // Zod's default for a missing field ("expected string, received undefined") reads like a type error.
  const error = (issue: { code?: string; input?: unknown }) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined);
  if (head.version === 1) {
    const parsed = ExportDocumentV1Schema.safeParse(document, { error });
    if (!parsed.success) throw validationError(parsed.error);
    return upgradeVersion1(parsed.data);
  }
  const parsed = ExportDocumentSchema.safeParse(document, { error });
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

function validationError(error: z.ZodError): ExportValidationError {
  const lines = error.issues.slice(0, MAX_ISSUES).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  return new ExportValidationError(lines, error.issues.length);
}

/** ["meetings", 0, "date"] -> "meetings[0].date", the way the document reads. */
function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(document)';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

function restoreError(step: { label: string }, error: unknown): ExportRestoreError {
  const cause = error as { message?: string; detail?: string };
  const detail = cause.detail ? ` (${cause.detail})` : '';
  return new ExportRestoreError(`Restoring ${step.label} failed; nothing was restored: ${cause.message ?? String(error)}${detail}`, { cause: error });
}

interface RestoreStep<T extends RestorableTable = RestorableTable> {
  label: string;
  table: T;
  rows: NewRow<T>[];
}

function step<T extends RestorableTable>(label: string, table: T, rows: NewRow<T>[]): RestoreStep {
  return { label, table, rows } as unknown as RestoreStep;
}

function source(ref: SourceRef): { source_document_id: string | null; source_line_from: number | null; source_line_to: number | null } {
  return { source_document_id: ref?.documentId ?? null, source_line_from: ref?.lineFrom ?? null, source_line_to: ref?.lineTo ?? null };
}

/** The document's records as table rows, in an order that satisfies every foreign key. */
function rowsToRestore(doc: ExportDocument): RestoreStep[] {
  const authorityId = doc.authority.id;
  const meetings = doc.meetings;
  const minutes = meetings.flatMap((meeting) => meeting.minutes.map((minute) => ({ meeting, minute })));
  const voteEvents = meetings.flatMap((meeting) => meeting.voteEvents.map((event) => ({ meeting, event })));

  return [
    step('authority', 'authority', [{ id: authorityId, name: doc.authority.name }]),
    step(
      'sources',
      'source_document',
      doc.sources.map((s) => ({
        id: s.id,
        content_hash: s.contentHash,
        file_name: s.fileName,
        format: s.format,
        kinds: s.kinds,
        bytes: s.bytes,
        line_count: s.lineCount,
        imported_at: s.importedAt,
      })),
    ),
    step(
      'wards',
      'ward',
      (doc.wards ?? []).map((w) => ({ id: w.id, authority_id: authorityId, name: w.name, slug: w.slug })),
    ),
    step(
      'people',
      'person',
      doc.people.map((p) => ({
        id: p.id,
        authority_id: authorityId,
        kind: p.kind,
        honorific: p.honorific,
        given_name: p.givenName,
        initials: p.initials,
        family_name: p.familyName,
        post_nominals: p.postNominals,
        job_title: p.jobTitle,
        email: p.email,
        ward_id: p.wardId ?? null,
        term_start: p.termStart ?? null,
        term_end: p.termEnd ?? null,
        phone: p.phone ?? null,
        address: p.address ?? null,
      })),
    ),
    step(
      'personAliases',
      'person_alias',
      doc.people.flatMap((p) => p.aliases.map((printed) => ({ person_id: p.id, printed }))),
    ),
    step(
      'groups',
      'political_group',
      doc.groups.map((g) => ({ id: g.id, authority_id: authorityId, name: g.name, abbreviation: g.abbreviation })),
    ),
    step(
      'groupMemberships',
      'group_membership',
      doc.groups.flatMap((g) =>
        g.memberships.map((m) => ({ id: m.id, group_id: g.id, person_id: m.personId, role: m.role, start_date: m.startDate, end_date: m.endDate })),
      ),
    ),
    step(
      'bodies',
      'body',
      parentsFirst(doc.bodies).map((b) => ({
        id: b.id,
        authority_id: authorityId,
        name: b.name,
        slug: b.slug,
        kind: b.kind,
        parent_id: b.parentId,
        terms_of_reference: b.termsOfReference ?? '',
        clerk_name: b.clerkName ?? null,
        clerk_email: b.clerkEmail ?? null,
        clerk_phone: b.clerkPhone ?? null,
      })),
    ),
    step(
      'memberships',
      'membership',
      doc.memberships.map((m) => ({ id: m.id, person_id: m.personId, body_id: m.bodyId, role: m.role, start_date: m.startDate, end_date: m.endDate })),
    ),
    step(
      'reports',
      'report',
      doc.reports.map((r) => ({
        id: r.id,
        authority_id: authorityId,
        subject: r.subject,
        by_text: r.by,
        to_text: r.to,
        report_date: r.reportDate,
        classification: r.classification,
        exempt: r.exempt,
        summary: r.summary,
        recommendations: r.recommendations,
        contact: r.contact,
        background_documents: r.backgroundDocuments,
        full_text: r.fullText,
        ...source(r.source),
        original_file_sha256: r.originalFileSha256,
        original_filename: r.originalFilename,
        original_media_type: r.originalMediaType,
      })),
    ),
    step(
      'meetings',
      'meeting',
      meetings.map((m) => ({
        id: m.id,
        body_id: m.bodyId,
        date: m.date,
        start_time: m.startTime,
        end_time: m.endTime,
        location: m.location,
        status: m.status,
        kind: m.kind,
        ...source(m.source),
        cancelled_reason: m.cancelledReason,
        withdrawn_at: m.withdrawnAt === null ? null : new Date(m.withdrawnAt),
        withdrawn_reason: m.withdrawnReason,
        sequence: m.sequence,
      })),
    ),
    step(
      'agendaItems',
      'agenda_item',
      meetings.flatMap((m) =>
        m.agendaItems.map((a) => ({
          id: a.id,
          meeting_id: m.id,
          number: a.number,
          position: a.position,
          title: a.title,
          description: a.description,
          page_from: a.pageFrom,
          page_to: a.pageTo,
          exempt: a.exempt,
          exempt_paragraphs: a.exemptParagraphs,
          report_id: a.reportId,
          kind: a.kind ?? 'item',
          ...source(a.source),
        })),
      ),
    ),
    step(
      'attendance',
      'attendance',
      meetings.flatMap((m) =>
        m.attendance.map((a) => ({
          id: a.id,
          meeting_id: m.id,
          person_id: a.personId,
          status: a.status,
          role: a.role,
          printed_name: a.printedName,
          substitute_for_person_id: a.substituteForPersonId,
          ...source(a.source),
        })),
      ),
    ),
    step(
      'minutes',
      'minute',
      minutes.map(({ meeting, minute: n }) => ({
        id: n.id,
        meeting_id: meeting.id,
        number: n.number,
        position: n.position,
        title: n.title,
        agenda_item_id: n.agendaItemId,
        agenda_item_number: n.agendaItemNumber,
        text: n.text,
        exempt: n.exempt,
        exempt_paragraphs: n.exemptParagraphs,
        approves_meeting_date: n.approvesMeetingDate,
        approves_meeting_id: n.approvesMeetingId,
        application_reference: n.applicationReference,
        ...source(n.source),
      })),
    ),
    step(
      'resolutions',
      'resolution',
      minutes.flatMap(({ minute }) =>
        minute.resolutions.map((r) => ({
          id: r.id,
          minute_id: minute.id,
          position: r.position,
          text: r.text,
          unanimous: r.unanimous,
          withdrawn_at: r.withdrawnAt,
          withdrawn_by: r.withdrawnBy,
        })),
      ),
    ),
    step('motions', 'motion', [
      ...minutes.flatMap(({ minute }) =>
        minute.motions.map((r) => ({
          id: r.id,
          minute_id: minute.id,
          agenda_item_id: r.agendaItemId ?? null,
          position: r.position,
          text: r.text,
          mover_id: r.moverId,
          seconder_id: r.seconderId,
          result: r.result ?? null,
        })),
      ),
      // Notices of motion not yet minuted belong to their agenda item.
      ...meetings.flatMap((m) =>
        m.agendaItems.flatMap((item) =>
          (item.motions ?? []).map((r) => ({
            id: r.id,
            minute_id: null,
            agenda_item_id: item.id,
            position: r.position,
            text: r.text,
            mover_id: r.moverId,
            seconder_id: r.seconderId,
            result: r.result ?? null,
          })),
        ),
      ),
    ]),
    step(
      'declarations',
      'declaration',
      meetings.flatMap((m) =>
        m.declarations.map((d) => ({
          id: d.id,
          meeting_id: m.id,
          person_id: d.personId,
          agenda_item_id: d.agendaItemId,
          minute_id: d.minuteId,
          agenda_item_number: d.agendaItemNumber,
          kind: d.kind,
          reason: d.reason,
          ...source(d.source),
        })),
      ),
    ),
    step(
      'voteEvents',
      'vote_event',
      voteEvents.map(({ meeting, event: e }) => ({
        id: e.id,
        meeting_id: meeting.id,
        minute_id: e.minuteId,
        motion_text: e.motionText,
        mover_id: e.moverId,
        seconder_id: e.seconderId,
        for_count: e.forCount,
        against_count: e.againstCount,
        abstain_count: e.abstainCount,
        result: e.result,
        casting_voter_id: e.castingVoterId ?? null,
        ...source(e.source),
      })),
    ),
    step(
      'votes',
      'vote',
      voteEvents.flatMap(({ event }) =>
        event.votes.map((v) => ({ vote_event_id: event.id, person_id: v.personId, option: v.option, printed_name: v.printedName })),
      ),
    ),
    step(
      'questions',
      'question',
      meetings.flatMap((m) =>
        m.questions.map((q) => ({
          id: q.id,
          meeting_id: m.id,
          position: q.position,
          asked_by_id: q.askedById,
          asked_to_id: q.askedToId,
          to_role: q.toRole,
          question_text: q.questionText,
          answer_text: q.answerText,
          ...source(q.source),
        })),
      ),
    ),
    step(
      'decisions',
      'decision',
      doc.decisions.map((d) => ({
        id: d.id,
        authority_id: authorityId,
        decision_date: d.decisionDate,
        decision_maker_person_id: d.decisionMakerPersonId,
        decision_maker_role: d.decisionMakerRole,
        decision_maker_body_id: d.decisionMakerBodyId,
        subject: d.subject,
        text: d.text,
        is_key: d.isKey,
        is_urgent: d.isUrgent,
        urgency_reason: d.urgencyReason,
        record_number: d.recordNumber,
        report_id: d.reportId,
        ...source(d.source),
      })),
    ),
    ...registersRestoreSteps(doc.registers).map((section) => step(section.label, section.table, section.rows)),
  ];
}

/**
 * Bodies sorted so a parent precedes its sub-committees: the rows go in chunks, and a chunk must not reference a
 * body that only a later chunk creates. Cycles and parents outside the document keep document order (the database
 * then says what is wrong).
 */
function parentsFirst<T extends { id: string; parentId: string | null }>(bodies: T[]): T[] {
  const byId = new Map(bodies.map((body) => [body.id, body]));
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const ordered: T[] = [];
  const visit = (body: T) => {
    if (placed.has(body.id) || visiting.has(body.id)) return;
    visiting.add(body.id);
    const parent = body.parentId === null ? undefined : byId.get(body.parentId);
    if (parent) visit(parent);
    visiting.delete(body.id);
    placed.add(body.id);
    ordered.push(body);
  };
  bodies.forEach(visit);
  return ordered;
}
