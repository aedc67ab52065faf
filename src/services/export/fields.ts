/**
 * Field types of the row-for-row export sections (docs/export.md). Each mirrors a database column type and no more,
 * so anything the database holds survives an export and a restore. The descriptions become the documentation.
 */
import { z } from 'zod';

const got = (input: unknown) => (input === undefined ? '' : `, got ${JSON.stringify(input)}`);

export const id = z.string().describe('id');
export const text = z.string();
export const day = z.iso.date({ error: (issue) => `expected a date as YYYY-MM-DD${got(issue.input)}` }).describe('date');
export const instant = z.iso.datetime({ offset: true, error: (issue) => `expected an ISO 8601 date and time${got(issue.input)}` }).describe('instant');
export const int = z.int32();
export const bool = z.boolean();
/** bigint columns (sums in pence): text, so no value is ever rounded by a JSON reader's doubles. */
export const pence = z
  .string()
  .regex(/^-?\d+$/, 'expected a whole number as text')
  .describe('integer as text');
/** numeric columns (miles, hours, percentages): exact decimal text. */
export const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number as text')
  .describe('decimal as text');
/** double precision columns. */
export const real = z.number();
export const texts = z.array(z.string());
export const days = z.array(day);
/** bytea: the bytes in base64. */
export const base64 = z.base64().describe('base64');
export const json = z.unknown().describe('JSON');
export const source = {
  sourceDocumentId: id.nullable().describe('The imported paper (an entry in `sources`) the record came from; null if entered by hand.'),
  sourceLineFrom: int.nullable().describe('First line of the record in that paper (1-based).'),
  sourceLineTo: int.nullable().describe('Last line (inclusive).'),
};
