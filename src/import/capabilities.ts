/**
 * Beyond the committee records, a paper may hold the records of other capabilities: a scrutiny tracking sheet and
 * call-ins, an improvement plan and its indicators, a members' allowances scheme. Each capability contributes a pure
 * extractor and a persistence step; the paper importer runs them all in the file's one transaction, after the
 * committee records (so meetings and people they link to exist).
 */
import type { ImportIssue, Segment, TextDocument } from './types.ts';
import type { Counts, PersistContext } from './persist/committee.ts';
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

interface CapabilityOutcome {
  created: Counts;
  issues: ImportIssue[];
}

/**
 * What the capabilities found in one document: plain data, so it can be extracted away from the database (in a worker
 * thread) and persisted later.
 */
export interface CapabilityRecords {
  scrutiny?: ReturnType<typeof extractScrutiny>;
  plan?: ReturnType<typeof extractPlanPaper>;
  allowances?: ReturnType<typeof extractAllowances>;
}

/** Extracts every capability's records from a document (segmented once, by the caller when it has the segments). */
export function extractCapabilityRecords(document: TextDocument, segments: Segment[] = segmentDocument(document.lines)): CapabilityRecords {
  const kinds = new Set(segments.map((segment) => segment.kind));
  const records: CapabilityRecords = {};
  if (kinds.has('tracking-sheet') || kinds.has('call-in') || kinds.has('report')) records.scrutiny = extractScrutiny(document);
  if (kinds.has('improvement-plan') || kinds.has('report')) records.plan = extractPlanPaper(document, segments);
  if (kinds.has('allowances-scheme')) records.allowances = extractAllowances(segments);
  return records;
}

/** A capability's records extracted from one document, ready to persist. */
type Pending = (ctx: PersistContext) => Promise<CapabilityOutcome>;

/** The steps that persist a document's capability records, in the order they must run. */
export function capabilitySteps(records: CapabilityRecords, options: CapabilityOptions): Pending[] {
  const pending: Pending[] = [];
  const { scrutiny, plan, allowances } = records;
  if (scrutiny) pending.push((ctx) => persistScrutiny(ctx, scrutiny, { responseMonths: options.scrutinyResponseMonths, actor: options.actor }));
  if (plan) pending.push((ctx) => persistPlan(ctx, plan));
  if (allowances) pending.push((ctx) => persistAllowances(ctx, allowances));
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
    for (const [table, count] of Object.entries(outcome.created)) {
      if (count > 0) created[table] = (created[table] ?? 0) + count;
    }
    issues.push(...outcome.issues);
  }
  return { created, issues };
}
