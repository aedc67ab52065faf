/**
 * A file's committee rows: the write batch of the committee tables, in the order their foreign keys allow (votes
 * follow vote events, the file's import issues go in last), plus the few changes to records already on record (a
 * meeting a later paper fills in, a report for an agenda item on record), made after the rows are written.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { NewRow } from '../../../db/types.ts';
import * as store from '../../../db/repositories/paper-store.ts';
import { updateMeeting } from '../../../db/records/meetings.ts';
import type { Counts } from '../context.ts';
import type { PeopleDirectory } from '../people.ts';
import { WriteBatch } from '../write-batch.ts';

const TABLES = [
  { table: 'body', count: 'bodies' },
  { table: 'political_group', count: 'politicalGroups' },
  { table: 'meeting', count: 'meetings' },
  { table: 'report', count: 'reports' },
  { table: 'agenda_item', count: 'agendaItems' },
  { table: 'attendance', count: 'attendance' },
  { table: 'group_membership', count: 'groupMemberships' },
  { table: 'minute', count: 'minutes' },
  { table: 'resolution', count: 'resolutions' },
  { table: 'motion', count: 'motions' },
  { table: 'declaration', count: 'declarations' },
  { table: 'vote_event', count: 'voteEvents' },
  { table: 'vote', count: 'votes' },
  { table: 'question', count: 'questions' },
  { table: 'decision', count: 'decisions' },
  { table: 'import_issue' },
] as const;

type CommitteeTable = (typeof TABLES)[number]['table'];

export class CommitteeBatch extends WriteBatch<CommitteeTable> {
  private readonly meetingChanges = new Map<string, Partial<NewRow<'meeting'>>>();
  private readonly reportLinks: Array<{ agendaItemId: string; reportId: string }> = [];

  constructor() {
    super(TABLES);
  }

  /** A person's vote in a vote event: one per person, the first printed wins. */
  addVote(row: NewRow<'vote'>): void {
    this.add('vote', row, `${row.vote_event_id}\n${row.person_id}`);
  }

  /** Details of a meeting already on record that this file fills in. */
  changeMeeting(id: string, changes: Partial<NewRow<'meeting'>>): void {
    if (Object.keys(changes).length === 0) return;
    this.meetingChanges.set(id, { ...this.meetingChanges.get(id), ...changes });
  }

  /** A report for an agenda item already on record. */
  linkReport(agendaItemId: string, reportId: string): void {
    this.reportLinks.push({ agendaItemId, reportId });
  }

  /** Ids of the meetings this file adds (before the batch is written). */
  newMeetingIds(): string[] {
    return this.keysOf('meeting');
  }

  /** Import issues go in with the rows, in the same statement. */
  addIssues(rows: Array<NewRow<'import_issue'>>): void {
    for (const row of rows) this.append('import_issue', row);
  }

  /** Writes the rows, people first, then the few updates to records already on record. */
  override async write(trx: Transaction<Database>, people: PeopleDirectory): Promise<Counts> {
    const created = await super.write(trx, people);
    for (const [id, changes] of this.meetingChanges) await updateMeeting(trx, id, changes);
    await store.linkReportsToAgendaItems(trx, this.reportLinks);
    this.meetingChanges.clear();
    this.reportLinks.length = 0;
    return created;
  }
}
