/**
 * observationsUploader: loads figures from a CSV file with the header "indicator,period,value,as_at[,commentary]"
 * (indicator by slug or exact name). Every row is checked first; if any row is bad, every problem is reported with
 * its line and nothing is loaded. Otherwise all rows are written in one transaction.
 */
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as plans from '../../db/repositories/plans.ts';
import { stableId } from '../../domain/stable-id.ts';
import { type Actor, writeOperation } from '../write-operation.ts';
import { PlanInputError, problemsFromIssues, type InputProblem } from './input-error.ts';
import { ObservationInputSchema } from './observation-schema.ts';
import type { NewRow } from '../../db/types.ts';

export interface ObservationsUploaderProps {
  db: Kysely<Database>;
  csv: string;
  actor: Actor;
  /** Refuse files with more rows than this (a dashboard has tens of figures a month, not millions). */
  maxRows?: number;
}

const REQUIRED = ['indicator', 'period', 'value', 'as_at'];

export async function observationsUploader(props: ObservationsUploaderProps): Promise<{ loaded: number }> {
  const maxRows = props.maxRows ?? 10_000;
  let parsedRecords: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // info gives each record's line, so problems are reported where a person editing the file will find them.
    parsedRecords = parse(props.csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as never;
  } catch (error) {
    const located = error as Error & { lines?: number };
    throw PlanInputError([{ field: `line ${located.lines ?? 1}`, line: located.lines ?? 1, message: `not readable as CSV: ${located.message}` }]);
  }
  const records = parsedRecords.map((entry) => entry.record);
  if (records.length === 0) throw PlanInputError([{ field: 'file', message: 'the file is empty; it needs a header line and at least one row' }]);
  const header = records[0]!.map((cell) => cell.toLowerCase().replace(/\s+/g, '_'));
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length)
    throw PlanInputError([{ field: 'line 1', line: 1, message: `the header must name the columns ${REQUIRED.join(', ')}; missing ${missing.join(', ')}` }]);
  if (records.length - 1 > maxRows)
    throw PlanInputError([{ field: 'file', message: `the file has ${records.length - 1} rows; at most ${maxRows} can be loaded at once` }]);
  if (records.length === 1) throw PlanInputError([{ field: 'file', message: 'the file has a header but no rows' }]);

  const indicators = await plans.allIndicatorKeys(props.db);
  const bySlug = new Map(indicators.map((i) => [i.slug, i]));
  const byName = new Map(indicators.map((i) => [i.name.toLowerCase(), i]));
  const problems: InputProblem[] = [];
  const rows: Array<NewRow<'indicator_observation'>> = [];
  const seen = new Map<string, number>();
  const column = (record: string[], name: string) => record[header.indexOf(name)] ?? '';

  parsedRecords.slice(1).forEach(({ record, info }) => {
    const line = info.lines;
    const where = `line ${line}`;
    const name = column(record, 'indicator');
    const indicator = bySlug.get(name) ?? byName.get(name.toLowerCase());
    if (!indicator)
      problems.push({
        field: where,
        line,
        message: `indicator "${name}" is not one of ${indicators.map((i) => i.slug).join(', ') || 'the indicators on record'}`,
      });
    const parsed = ObservationInputSchema.safeParse({
      period: column(record, 'period'),
      value: column(record, 'value'),
      asAt: column(record, 'as_at'),
      commentary: header.includes('commentary') ? column(record, 'commentary') : undefined,
    });
    if (!parsed.success) {
      for (const problem of problemsFromIssues(parsed.error.issues)) {
        const field = problem.field === 'asAt' ? 'as_at' : problem.field;
        problems.push({ field: where, line, message: `${field} ${problem.message}` });
      }
    }
    if (!indicator || !parsed.success) return;
    const key = `${indicator.id}|${parsed.data.period}|${parsed.data.asAt}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({ field: where, line, message: `repeats line ${earlier} (same indicator, period and as_at)` });
      return;
    }
    seen.set(key, line);
    rows.push({
      id: stableId('observation', indicator.id, parsed.data.period, parsed.data.asAt),
      indicator_id: indicator.id,
      period: parsed.data.period,
      value: parsed.data.value,
      as_at: parsed.data.asAt,
      commentary: parsed.data.commentary ?? null,
      printed_label: null,
      source_document_id: null,
      source_line_from: null,
      source_line_to: null,
    });
  });
  if (problems.length) throw PlanInputError(problems);

  await writeOperation({ db: props.db, actor: props.actor, role: 'officer', refusal: 'Only officers can change plans and indicators' }, async ({ trx }) => {
    await plans.upsertObservations(trx, rows);
  });
  return { loaded: rows.length };
}
