import { htmlFragmentToText } from '../../read/html.ts';

/**
 * One printed table row as cells: HTML cell fragments become text (never hand-stripped tags), page-number artefacts
 * of the PDF conversion ("Page 47") and Markdown emphasis go, TABs keep the columns.
 */
export function rowCells(line: string): string[] {
  return htmlFragmentToText(line)
    .split('\t')
    .map((cell) =>
      cell
        .replace(/\bPage \d+\b/g, ' ')
        .replace(/\*+/g, '')
        .replace(/-{3,}/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

const REQUIREMENT = /(?<![A-Za-z])(IN|O|CT)\s*(\d{1,2})(?!\d)\.?/g;

/** Requirement codes cited in a cell ("IN 3. CT 1. O16.") normalised to "IN 3", "CT 1", "O 16". */
export function requirementCodes(text: string): string[] {
  return [...text.matchAll(REQUIREMENT)].map((match) => `${match[1]} ${Number(match[2])}`);
}

/** The cell without its requirement codes. */
export function withoutRequirementCodes(text: string): string {
  return text.replace(REQUIREMENT, ' ').replace(/\s+/g, ' ').trim();
}

/** "• a • b" -> ["a", "b"]; a cell without bullets is one measure. */
export function splitBullets(text: string): string[] {
  return text
    .split(/\s*•\s*/)
    .map((item) => item.trim())
    .filter(Boolean);
}
