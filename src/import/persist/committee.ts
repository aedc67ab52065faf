/**
 * persistCommittee: turns one paper's committee records (meetings, attendance, minutes, votes, questions, reports,
 * decisions) into rows, resolving names to people, titles to bodies, dates to meetings and numbers to agenda items.
 * Runs inside the caller's transaction (one per file): the file's rows are built in memory first, step by step
 * (committee/), then written table by table (committee/batch.ts). Ambiguous names are reported as import issues,
 * never guessed.
 */
import * as store from '../../db/repositories/paper-store.ts';
import { canonicalBodyName } from '../../domain/body-name.ts';
import { meetingKey as correctionMeetingKey } from '../../domain/import-review/corrections.ts';
import type { ImportIssue, PaperExtract } from '../types.ts';
import { correctExtract, type PaperCorrections } from '../corrections.ts';
import { addCount, type CapabilityOutcome, type PersistContext } from './context.ts';
import { CommitteeBatch } from './committee/batch.ts';
import { recordDecision } from './committee/decisions.ts';
import { loadKnown, meetingKey } from './committee/known.ts';
import { persistMeeting } from './committee/meeting.ts';
import { recordReport } from './committee/reports.ts';
import { bodyResolver, linkedFirst, loadGroups, personResolver, type FileScope } from './committee/scope.ts';

export interface CommitteeRecords {
  extract: PaperExtract;
  /** The officers' corrections of this paper (corrections.ts), applied on every import of it. */
  corrections: PaperCorrections;
}

export interface CommitteeOutcome extends CapabilityOutcome {
  /** Names resolved to people already known before this file. */
  linked: number;
  /** Officers' corrections that no longer found their record (also among the issues). */
  unapplied: PaperCorrections['corrections'];
}

export async function persistCommittee(ctx: PersistContext, records: CommitteeRecords): Promise<CommitteeOutcome> {
  const { extract, links, unapplied } = correctExtract(records.extract, records.corrections, ctx.authorityName);
  const issues: ImportIssue[] = [...extract.issues];
  const batch = new CommitteeBatch();
  const known = await loadKnown(ctx, extract);
  const bodyId = bodyResolver(ctx, batch);
  const scope: FileScope = { ctx, batch, known, issues, person: personResolver(ctx, issues), approvals: [], groups: await loadGroups(ctx, extract) };

  for (const meeting of extract.meetings) {
    const corrected = links.get(correctionMeetingKey(canonicalBodyName(meeting.bodyName, ctx.authorityName).name, meeting.date));
    persistMeeting(corrected ? { ...scope, person: linkedFirst(scope.person, corrected) } : scope, meeting, bodyId(meeting.bodyName));
  }
  for (const report of extract.reports) recordReport(scope, report, bodyId);
  for (const decision of extract.decisions) recordDecision(scope, decision, bodyId);
  linkApprovals(scope);

  batch.addIssues(issues.map((issue) => ({ source_document_id: ctx.sourceId, severity: issue.severity, line: issue.line ?? null, message: issue.message })));
  const newMeetingIds = batch.newMeetingIds();
  const created = await batch.write(ctx.trx, ctx.people);
  // Minutes imported before the meeting they approve.
  await store.linkApprovedMinutes(ctx.trx, newMeetingIds);
  const peopleCounts = ctx.people.takeCounts();
  addCount(created, 'people', peopleCounts.created);
  return { created, linked: peopleCounts.linked, issues, unapplied };
}

/**
 * A minute approving "the minutes of the meeting held on <date>" links to that meeting of its body, whether it came
 * earlier or later in this file or in an earlier file.
 */
function linkApprovals(scope: FileScope): void {
  for (const { row, bodyId } of scope.approvals) {
    row.approves_meeting_id = scope.known.meetings.get(meetingKey(bodyId, row.approves_meeting_date!))?.id ?? null;
  }
}
