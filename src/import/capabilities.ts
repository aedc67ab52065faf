/**
 * Beyond the committee records, a paper may hold the records of other capabilities: a scrutiny tracking sheet and
 * call-ins, an improvement plan and its indicators, a members' allowances scheme. Each capability is one row of
 * CAPABILITIES: which segment kinds it reads, a pure extractor and a persistence step. The records are plain data, so
 * they are extracted away from the database (in a worker thread) and persisted later, in the file's one
 * transaction, after the committee records (so meetings and people they link to exist). Adding a capability is
 * adding a row.
 */
import type { ImportIssue, Segment, SegmentKind, TextDocument } from './types.ts';
import { addCount, type CapabilityOutcome, type Counts, type PersistContext } from './persist/context.ts';
import { segmentDocument } from './segment.ts';
import { extractScrutiny } from './extract/scrutiny/index.ts';
import { persistScrutiny } from './persist/scrutiny.ts';
import { extractPlanPaper } from './extract/plan/plan.ts';
import { persistPlan } from './persist/plans.ts';
import { extractAllowances } from './extract/allowances/index.ts';
import { persistAllowances } from './persist/allowances.ts';

export interface CapabilityOptions {
  /** Months to a scrutiny response deadline (Config.scrutinyResponseMonths). */
  scrutinyResponseMonths: number;
  actor: string;
}

/** One capability: the pair of an extractor and the persistence step for what it extracts. */
interface Capability<Name extends string, Records> {
  name: Name;
  /** Whether a paper with segments of these kinds may hold its records. */
  applies(kinds: ReadonlySet<SegmentKind>): boolean;
  extract(document: TextDocument, segments: Segment[]): Records;
  persist(ctx: PersistContext, records: Records): Promise<CapabilityOutcome>;
}

const capability = <const Name extends string, Records>(row: Capability<Name, Records>) => row;

/** In the order their steps run. */
export const CAPABILITIES = [
  capability({
    name: 'scrutiny',
    applies: (kinds) => kinds.has('tracking-sheet') || kinds.has('call-in') || kinds.has('report'),
    extract: (document) => extractScrutiny(document),
    persist: persistScrutiny,
  }),
  capability({
    name: 'plan',
    applies: (kinds) => kinds.has('improvement-plan') || kinds.has('report'),
    extract: extractPlanPaper,
    persist: persistPlan,
  }),
  capability({
    name: 'allowances',
    applies: (kinds) => kinds.has('allowances-scheme'),
    extract: (_document, segments) => extractAllowances(segments),
    persist: persistAllowances,
  }),
] as const;

type Row = (typeof CAPABILITIES)[number];

/** What the capabilities found in one document, by capability: plain data, so it can cross to another thread. */
export type CapabilityRecords = { [C in Row as C['name']]?: ReturnType<C['extract']> };

/** The table with each row's records type forgotten, so one loop can run every row. */
const ROWS: ReadonlyArray<Capability<keyof CapabilityRecords, unknown>> = CAPABILITIES;

/** Extracts every capability's records from a document (segmented once, by the caller when it has the segments). */
export function extractCapabilityRecords(document: TextDocument, segments: Segment[] = segmentDocument(document.lines)): CapabilityRecords {
  const kinds = new Set(segments.map((segment) => segment.kind));
  const records: Partial<Record<keyof CapabilityRecords, unknown>> = {};
  for (const row of ROWS) if (row.applies(kinds)) records[row.name] = row.extract(document, segments);
  return records as CapabilityRecords;
}

/** A capability's records extracted from one document, ready to persist. */
type Pending = (ctx: PersistContext) => Promise<CapabilityOutcome>;

/** The steps that persist a document's capability records, in the order they must run. */
export function capabilitySteps(records: CapabilityRecords, options: CapabilityOptions): Pending[] {
  const pending: Pending[] = [];
  for (const row of ROWS) {
    const found = records[row.name];
    if (found) pending.push((ctx) => row.persist({ ...ctx, actor: options.actor, scrutinyResponseMonths: options.scrutinyResponseMonths }, found));
  }
  return pending;
}

/** Extracts every capability's records from a document; returns the steps that persist them. */
export function extractCapabilities(document: TextDocument, options: CapabilityOptions, segments: Segment[] = segmentDocument(document.lines)): Pending[] {
  return capabilitySteps(extractCapabilityRecords(document, segments), options);
}

/** Runs the persistence steps in the caller's transaction, adding their counts and issues to the committee import's. */
export async function persistCapabilities(ctx: PersistContext, pending: Pending[]): Promise<CapabilityOutcome> {
  const created: Counts = {};
  const issues: ImportIssue[] = [];
  for (const step of pending) {
    const outcome = await step(ctx);
    for (const [table, count] of Object.entries(outcome.created)) addCount(created, table, count);
    issues.push(...outcome.issues);
  }
  return { created, issues };
}
