/**
 * The rows one file adds, held in memory until the file is read to its end and then written table by table in the
 * order the foreign keys need, each in multi-row INSERTs. One statement per table per file instead of several per
 * meeting, and all tables in one statement: statements, not rows, were most of an import's cost.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NewRow } from '../../db/types.ts';
import * as store from '../../db/repositories/paper-store.ts';
import { updateMeeting } from '../../db/records/meetings.ts';
import type { PeopleDirectory } from './people.ts';
import { addCount, type Counts } from './context.ts';

/** Tables in the order their foreign keys allow (votes follow vote events); people and their aliases come first. */
const ORDER = [
  'body',
  'political_group',
  'meeting',
  'report',
  'agenda_item',
  'attendance',
  'group_membership',
  'minute',
  'resolution',
  'motion',
  'declaration',
  'vote_event',
  'question',
  'decision',
] as const;

type BatchTable = (typeof ORDER)[number];

/** The counts callers report, by table. */
const COUNT_NAME: Record<BatchTable | 'vote', string> = {
  body: 'bodies',
  political_group: 'politicalGroups',
  group_membership: 'groupMemberships',
  meeting: 'meetings',
  report: 'reports',
  agenda_item: 'agendaItems',
  attendance: 'attendance',
  minute: 'minutes',
  resolution: 'resolutions',
  motion: 'motions',
  declaration: 'declarations',
  vote_event: 'voteEvents',
  vote: 'votes',
  question: 'questions',
  decision: 'decisions',
};

export class WriteBatch {
  private readonly rows = new Map<BatchTable, Map<string, unknown>>();
  private readonly votes = new Map<string, NewRow<'vote'>>();
  private readonly meetingChanges = new Map<string, Partial<NewRow<'meeting'>>>();
  private readonly reportLinks: Array<{ agendaItemId: string; reportId: string }> = [];
  private readonly issues: Array<NewRow<'import_issue'>> = [];

  /**
   * Adds a row unless one with its id is already in the batch: as with ON CONFLICT DO NOTHING, the first wins.
   * Returns the row kept, so a caller can still fill it in before it is written.
   */
  add<T extends BatchTable>(table: T, row: NewRow<T> & { id: string }): NewRow<T> {
    let rows = this.rows.get(table);
    if (!rows) this.rows.set(table, (rows = new Map()));
    const kept = rows.get(row.id) as NewRow<T> | undefined;
    if (kept) return kept;
    rows.set(row.id, row);
    return row;
  }

  get<T extends BatchTable>(table: T, id: string): NewRow<T> | undefined {
    return this.rows.get(table)?.get(id) as NewRow<T> | undefined;
  }

  addVote(row: NewRow<'vote'>): void {
    const key = `${row.vote_event_id}\n${row.person_id}`;
    if (!this.votes.has(key)) this.votes.set(key, row);
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

  /** Ids of the meetings this file adds. */
  newMeetingIds(): string[] {
    return [...(this.rows.get('meeting')?.keys() ?? [])];
  }

  /** Import issues go in with the rows, in the same statement. */
  addIssues(rows: Array<NewRow<'import_issue'>>): void {
    this.issues.push(...rows);
  }

  /**
   * Writes everything, people first, in as few statements as possible (see insertNewMany), then the few updates to
   * records already on record. Returns how many rows each table gained.
   */
  async write(trx: Transaction<Database>, people: PeopleDirectory): Promise<Counts> {
    const created: Counts = {};
    const writes = people.takeWrites();
    const parts: store.InsertPart[] = [
      { table: 'person', rows: writes.people },
      { table: 'person_alias', rows: writes.aliases },
    ];
    for (const table of ORDER) {
      parts.push({ table, rows: [...(this.rows.get(table)?.values() ?? [])] as Array<NewRow<typeof table>> });
      if (table === 'vote_event') parts.push({ table: 'vote', rows: [...this.votes.values()] });
    }
    parts.push({ table: 'import_issue', rows: this.issues });
    const counts = await store.insertNewMany(trx, parts);
    parts.forEach((part, index) => {
      if (part.table === 'person') people.countCreated(counts[index]!);
      else if (part.table in COUNT_NAME) addCount(created, COUNT_NAME[part.table as keyof typeof COUNT_NAME], counts[index]!);
    });
    await store.updatePeople(trx, writes.updates);
    for (const [id, changes] of this.meetingChanges) await updateMeeting(trx, id, changes);
    await store.linkReportsToAgendaItems(trx, this.reportLinks);
    return created;
  }
}
