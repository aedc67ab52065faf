/**
 * What an audit-log entry means to the people who read the trail: the workflow's milestones by name (the agenda or
 * minutes published or withdrawn, minutes approved and locked or the approval undone), other changes as "Created",
 * "Changed" or "Deleted" with the kind of record. Pure: the entry's before and after rows decide.
 */

export type AuditAction = 'insert' | 'update' | 'delete';

export interface AuditFacts {
  table: string;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Record kinds as the council says them; a table not listed reads as its name with spaces. */
const KINDS: Record<string, string> = {
  meeting_workflow: 'meeting papers',
  agenda_item: 'agenda item',
  political_group: 'political group',
  group_membership: 'group membership',
  membership: 'committee membership',
  scrutiny_item: 'scrutiny item',
  scrutiny_recommendation: 'recommendation',
  scrutiny_response: 'response',
  allowance_claim: 'allowance claim',
  interest_register: 'register of interests',
  forward_plan_entry: 'forward plan entry',
};

export const recordKind = (table: string): string => KINDS[table] ?? table.replaceAll('_', ' ');

const set = (row: Record<string, unknown> | null, field: string) => row !== null && row[field] !== null && row[field] !== undefined;

/** The milestones of a meeting's papers, in the order they are checked: one entry may carry several. */
const MILESTONES: Array<{ field: string; on: string; off: string }> = [
  { field: 'agenda_published_at', on: 'Published the agenda', off: 'Withdrew the agenda' },
  { field: 'minutes_published_at', on: 'Published the minutes', off: 'Withdrew the minutes' },
  { field: 'minutes_approved_at', on: 'Approved the minutes as a correct record (locked)', off: 'Undid the approval of the minutes' },
];

/** The events one entry records, e.g. ["Published the agenda"] or ["Changed agenda item"]. */
export function auditEvents(entry: AuditFacts): string[] {
  if (entry.table === 'meeting_workflow') {
    const events = MILESTONES.flatMap(({ field, on, off }) => {
      const was = set(entry.before, field);
      const is = set(entry.after, field);
      return !was && is ? [on] : was && !is ? [off] : [];
    });
    // An undone approval carries the officer's reason (minutesApprovalUndoer), so the trail says why.
    const reason = entry.after?.approval_undone_reason;
    if (events.length)
      return events.map((event) => (event === 'Undid the approval of the minutes' && typeof reason === 'string' && reason ? `${event}: ${reason}` : event));
  }
  const kind = recordKind(entry.table);
  return [entry.action === 'insert' ? `Created ${kind}` : entry.action === 'delete' ? `Deleted ${kind}` : `Changed ${kind}`];
}

/** Ids name their record's kind before the hash ("person-1a2b..."): values worth resolving to a name. */
export const ID_PATTERN = /^(person|body|meeting|agenda-item|account|report|political-group|minute|authority)-[A-Za-z0-9]{4,}$/;

export function idsIn(rows: ReadonlyArray<Record<string, unknown> | null>): string[] {
  const ids = new Set<string>();
  for (const row of rows) for (const value of Object.values(row ?? {})) if (typeof value === 'string' && ID_PATTERN.test(value)) ids.add(value);
  return [...ids];
}
