/**
 * Audit entries as people read them: who, when, what happened, and field by field what changed.
 * Secret columns are never shown, even if a table's trigger let one through (defence in depth behind the account
 * table's own masking trigger).
 */
import { auditEvents, recordKind } from '../../../domain/audit/events.ts';
import { formatPreciseStamp } from '../../../domain/dates.ts';
import type { HistoryEntry } from '../../../db/repositories/audit-trail.ts';

const SECRET_FIELD = /password|token|secret|hash/i;
/** Bookkeeping columns every row has; showing them on every change would hide the real changes. */
const NOISE = new Set(['updated_at', 'created_at']);

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface HistoryEntryView {
  when: string;
  who: string;
  what: string;
  changes: FieldChange[];
}

/** An entry with the kind of record it touched, as the site-wide trail lists them. */
export interface TrailEntryView extends HistoryEntryView {
  table: string;
  kind: string;
  record: { id: string; name: string | undefined } | null;
}

const ACTIONS = { insert: 'Created', update: 'Changed', delete: 'Deleted' } as const;

/**
 * One record's entries. With its table, workflow milestones are named ("Published the agenda"); with names, ids in
 * the changes read as the records they point at.
 */
export function presentHistory(entries: HistoryEntry[], context: { table?: string; names?: Map<string, string> } = {}): HistoryEntryView[] {
  return entries.map((entry) => ({
    when: formatPreciseStamp(entry.at),
    who: entry.actorName ? `${entry.actorName}` : describeActor(entry.actor),
    what: context.table
      ? auditEvents({ table: context.table, action: entry.action, before: entry.before, after: entry.after }).join('; ')
      : ACTIONS[entry.action],
    changes: fieldChanges(entry.before, entry.after, context.names),
  }));
}

export function presentTrail(entries: Array<HistoryEntry & { table: string; recordId: string | null }>, names: Map<string, string>): TrailEntryView[] {
  return entries.map((entry) => ({
    ...presentHistory([entry], { table: entry.table, names })[0]!,
    table: entry.table,
    kind: recordKind(entry.table),
    record: entry.recordId ? { id: entry.recordId, name: names.get(entry.recordId) } : null,
  }));
}

function describeActor(actor: string): string {
  if (actor === 'system') return 'The system (import or maintenance)';
  if (actor === 'cli') return 'The command line';
  return actor;
}

export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null, names?: Map<string, string>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (NOISE.has(field)) continue;
    const old = before ? before[field] : undefined;
    const now = after ? after[field] : undefined;
    if (before && after && JSON.stringify(old) === JSON.stringify(now)) continue;
    const secret = SECRET_FIELD.test(field);
    changes.push({
      field: field.replaceAll('_', ' '),
      before: secret ? '(hidden)' : show(old, Boolean(before), names),
      after: secret ? '(hidden)' : show(now, Boolean(after), names),
    });
  }
  return changes;
}

function show(value: unknown, exists: boolean, names?: Map<string, string>): string {
  if (!exists || value === undefined) return '';
  if (value === null) return '(empty)';
  if (typeof value === 'string' && names?.has(value)) return names.get(value)!;
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
