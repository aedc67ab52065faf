/**
 * The allowances extractor: from a document's segments, every Members' Allowances Scheme and every Independent
 * Remuneration Panel report. Pure: plain records out, no database. A scheme that cannot be read costs only itself.
 */
import type { Segment } from '../../types.ts';
import { extractScheme } from './scheme.ts';
import { extractTableScheme, isTableScheme } from './table-scheme.ts';
import { extractRemunerationReport, isRemunerationReport } from './remuneration-report.ts';
import type { AllowancesExtract } from './types.ts';

export function extractAllowances(segments: Segment[]): AllowancesExtract {
  const result: AllowancesExtract = { schemes: [], remunerationReports: [], issues: [] };
  for (const segment of segments) {
    try {
      if (segment.kind === 'allowances-scheme') {
        // The layout scheme.ts knows first; other councils' tables of posts and amounts otherwise.
        try {
          result.schemes.push(extractScheme(segment));
        } catch (error) {
          const table = isTableScheme(segment.lines) ? extractTableScheme(segment) : undefined;
          if (!table) throw error;
          result.schemes.push(table);
        }
      } else if (isRemunerationReport(segment)) result.remunerationReports.push(extractRemunerationReport(segment));
    } catch (error) {
      const line = (error as { line?: number }).line ?? segment.lineFrom;
      result.issues.push({
        severity: 'error',
        line,
        message: `could not read the allowances in "${segment.title}" (lines ${segment.lineFrom}-${segment.lineTo}): ${(error as Error).message}`,
      });
    }
  }
  return result;
}
