/**
 * The data section of a plain-SQL dump, written the way pg_dump writes it (`COPY ... FROM stdin;`, rows in COPY's
 * text format, `\.`, then each sequence's `setval`), but read through a cursor in batches of bounded size: a table
 * is never held whole, whatever its size. Used for the embedded engine, whose own pg_dump builds its whole output
 * in memory; pg_dump writes the schema before and after it (`--section=pre-data` and `post-data`).
 */

/** Runs one statement and returns its rows as arrays of column values in text form (null for NULL). */
export type TextRowsQuery = (text: string) => Promise<(string | null)[][]>;

/** Aim for about this much text per FETCH: a few megabytes keeps memory small and round trips few. */
const BATCH_CHARS = 4 * 1024 * 1024;
/** A table's first batch is one row and each next one at most GROWTH times larger: rows of unknown width are met a few at a time. */
const FIRST_BATCH_ROWS = 1;
const GROWTH = 4;
const MAX_BATCH_ROWS = 20_000;

/**
 * Session settings under which every type's text output is the one a restore reads back exactly: what pg_dump
 * sets (see its setup_connection), so the data means the same in any server's session.
 */
export const DUMP_SESSION_SETTINGS = [
  "set datestyle = 'ISO'",
  "set intervalstyle = 'postgres'",
  'set extra_float_digits = 3',
  "set bytea_output = 'hex'",
  'set standard_conforming_strings = on',
];

const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * A value in COPY's text format (PostgreSQL docs, COPY, "Text Format"): backslash, newline, carriage return and
 * tab escaped, NULL as `\N`; every other character stands for itself.
 */
export function copyTextValue(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\n\r\t]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : '\\t'));
}

interface DumpedTable {
  schema: string;
  name: string;
  /** Stored columns in their table order (generated columns are computed again on restore). */
  columns: string[];
}

/** The ordinary tables of the user's schemas, as pg_dump dumps their data. */
async function tablesToDump(query: TextRowsQuery): Promise<DumpedTable[]> {
  const rows = await query(`
    select n.nspname, c.relname,
           coalesce((select json_agg(a.attname order by a.attnum)::text from pg_catalog.pg_attribute a
                     where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''), '[]')
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    order by n.nspname, c.relname`);
  return rows.map(([schema, name, columns]) => ({ schema: schema!, name: name!, columns: JSON.parse(columns!) as string[] }));
}

/**
 * Yields the data section of the database query reads from, a few megabytes at a time. The caller runs it inside
 * one read-only REPEATABLE READ transaction, so every table is read as of one moment.
 */
export async function* tableData(query: TextRowsQuery): AsyncGenerator<string> {
  for (const setting of DUMP_SESSION_SETTINGS) await query(setting);
  for (const table of await tablesToDump(query)) {
    const qualified = `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
    const list = table.columns.map(quoteIdentifier).join(', ');
    yield `\n--\n-- Data for Name: ${table.name}; Type: TABLE DATA; Schema: ${table.schema}; Owner: -\n--\n\n`;
    yield `COPY ${qualified}${list ? ` (${list})` : ''} FROM stdin;\n`;
    if (table.columns.length) {
      const cursor = 'quorum_backup_rows';
      await query(`declare ${cursor} no scroll cursor for select ${table.columns.map((c) => `${quoteIdentifier(c)}::text`).join(', ')} from ${qualified}`);
      let batch = FIRST_BATCH_ROWS;
      /** The widest row met so far in this table, in characters. */
      let widest = 1;
      for (;;) {
        const rows = await query(`fetch forward ${batch} from ${cursor}`);
        if (!rows.length) break;
        let text = '';
        for (const row of rows) {
          const line = `${row.map(copyTextValue).join('\t')}\n`;
          widest = Math.max(widest, line.length);
          text += line;
        }
        yield text;
        // Size the next batch by the widest row so far, so wide rows come a few at a time and narrow ones by thousands.
        batch = Math.max(1, Math.min(MAX_BATCH_ROWS, batch * GROWTH, Math.floor(BATCH_CHARS / widest)));
      }
      await query(`close ${cursor}`);
    } else {
      // A table without columns still has rows (pg_dump writes each as an empty line).
      const [[count]] = (await query(`select count(*)::text from ${qualified}`)) as [[string]];
      yield '\n'.repeat(Number(count));
    }
    yield '\\.\n\n';
  }
  yield* sequenceValues(query);
}

/** Each sequence's position, as pg_dump's `SELECT pg_catalog.setval(...)` lines. */
async function* sequenceValues(query: TextRowsQuery): AsyncGenerator<string> {
  const rows = await query(`
    select schemaname, sequencename, coalesce(last_value, start_value)::text, (last_value is not null)::text
    from pg_catalog.pg_sequences
    where schemaname not in ('pg_catalog', 'information_schema') and schemaname not like 'pg\\_%'
    order by schemaname, sequencename`);
  for (const [schema, name, value, called] of rows) {
    const qualified = quoteLiteral(`${quoteIdentifier(schema!)}.${quoteIdentifier(name!)}`);
    yield `\n--\n-- Name: ${name}; Type: SEQUENCE SET; Schema: ${schema}; Owner: -\n--\n\n`;
    yield `SELECT pg_catalog.setval(${qualified}, ${value}, ${called});\n\n`;
  }
}
