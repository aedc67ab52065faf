/**
 * Reading a plain-SQL pg_dump script (what `quorum backup` writes for either engine): checking that a file is one,
 * and walking it statement by statement so it can be replayed into PGlite (which has no psql) or cleaned for psql.
 */
import fs from 'node:fs';
import { isCompressed, openText, readStart } from './dump-file.ts';

/** A backup file that cannot be restored: missing, unreadable, not a pg_dump script, incomplete, or failing. */
export class BackupFileError extends Error {}

const HEADER = '-- PostgreSQL database dump';
const TRAILER = '-- PostgreSQL database dump complete';
const PROBE_BYTES = 4096;

/**
 * Checks, before anything is touched, that the file exists and starts like a plain-SQL pg_dump (the header pg_dump
 * writes first). A plain file must also end with pg_dump's trailer (a truncated copy has none); a compressed one
 * cannot be read from the end, so its trailer is checked when readDumpScript reaches it, before anything is kept.
 */
export function checkDumpFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new BackupFileError(`Cannot read the backup ${file}: ${reason}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new BackupFileError(`Cannot read the backup ${file}: it is a folder`);
    const headLines = readStart(fd, PROBE_BYTES)
      .split('\n')
      .slice(0, 5)
      .map((line) => line.trim());
    if (!headLines.includes(HEADER)) {
      throw new BackupFileError(
        `${file} is not a Quorum backup: it does not start like a plain-SQL pg_dump ("${HEADER}"). ` +
          'Use a file written by `quorum backup` or by `pg_dump --format=plain`.',
      );
    }
    const probe = Buffer.alloc(2);
    fs.readSync(fd, probe, 0, 2, 0);
    if (isCompressed(probe)) return;
    const tail = Buffer.alloc(Math.min(PROBE_BYTES, stat.size));
    fs.readSync(fd, tail, 0, tail.length, stat.size - tail.length);
    const lastLines = tail
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .slice(-4)
      .map((line) => line.trim());
    if (!lastLines.includes(TRAILER)) throw incomplete(file, `it does not end with "${TRAILER}" (truncated or damaged copy?)`);
  } finally {
    fs.closeSync(fd);
  }
}

function incomplete(file: string, reason: string): BackupFileError {
  return new BackupFileError(`${file} is incomplete: ${reason}`);
}

export type DumpPiece =
  /** One or more whole SQL statements. */
  | { kind: 'sql'; text: string }
  /**
   * A `COPY ... FROM stdin` statement and some of its data rows (without the closing `\.`): a table's rows come as
   * several pieces of at most about COPY_CHUNK_CHARS each, so no table is ever held whole.
   */
  | { kind: 'copy'; statement: string; rows: string[] };

type Quote = { kind: 'none' } | { kind: 'single' } | { kind: 'dollar'; tag: string } | { kind: 'block'; depth: number };

/** Flush SQL to the caller at a statement boundary once this much has gathered, so a large dump is never one string. */
const SQL_CHUNK_CHARS = 4 * 1024 * 1024;
/** Hand COPY rows on once this much has gathered (a single row larger than this comes alone). */
const COPY_CHUNK_CHARS = 4 * 1024 * 1024;
const COPY_FROM_STDIN = /^COPY\s.+\sFROM\s+stdin;\s*$/i;
/** psql meta-commands pg_dump writes around a plain dump (PostgreSQL 17.6+/16.10+/15.14+); harmless to drop. */
const ALLOWED_META = /^\\(un)?restrict(\s|$)/;

/**
 * Walks a plain pg_dump script (gzip-compressed or not) line by line, yielding SQL and COPY blocks, and ends with
 * an error unless the script ends with pg_dump's trailer: a caller keeps what it replayed only once the walk has
 * finished. psql meta-commands other than `\restrict`/`\unrestrict` (e.g. `\connect` from `pg_dump --create`)
 * are refused with their line number: Quorum restores one database in place. Quotes, dollar quotes and comments
 * are tracked so a record's text that happens to hold such a line is never mistaken for one.
 */
export async function* readDumpScript(file: string): AsyncGenerator<DumpPiece> {
  let quote: Quote = { kind: 'none' };
  let sqlText = '';
  /** True between statements: only there can a line be a psql command or a COPY. */
  let atBoundary = true;
  let copy: { statement: string; rows: string[]; chars: number } | undefined;
  let lineNumber = 0;
  /** Whether pg_dump's trailer has been read with nothing but comments and psql commands after it. */
  let ended = false;
  for await (const line of linesOf(file)) {
    lineNumber++;
    if (copy) {
      if (line === '\\.') {
        yield { kind: 'copy', statement: copy.statement, rows: copy.rows };
        copy = undefined;
      } else {
        copy.rows.push(line);
        copy.chars += line.length + 1;
        if (copy.chars >= COPY_CHUNK_CHARS) {
          yield { kind: 'copy', statement: copy.statement, rows: copy.rows };
          copy = { statement: copy.statement, rows: [], chars: 0 };
        }
      }
      continue;
    }
    if (atBoundary && line.startsWith('\\')) {
      if (ALLOWED_META.test(line)) continue;
      throw new BackupFileError(`${file} line ${lineNumber}: the psql command ${line.split(/\s/)[0]} is not supported (make the dump without --create)`);
    }
    if (atBoundary && line.trim() === TRAILER) ended = true;
    else if (atBoundary && line.trim() && !line.startsWith('--')) ended = false;
    if (atBoundary && COPY_FROM_STDIN.test(line)) {
      if (holdsStatements(sqlText)) yield { kind: 'sql', text: sqlText };
      sqlText = '';
      copy = { statement: line.trim().replace(/;$/, ''), rows: [], chars: 0 };
      continue;
    }
    const [after, ending] = scanLine(line, quote);
    quote = after;
    sqlText += `${line}\n`;
    if (ending !== 'blank') atBoundary = ending === 'end';
    if (atBoundary && sqlText.length >= SQL_CHUNK_CHARS) {
      yield { kind: 'sql', text: sqlText };
      sqlText = '';
    }
  }
  if (copy) throw incomplete(file, `the data of "${copy.statement}" has no end`);
  if (holdsStatements(sqlText)) yield { kind: 'sql', text: sqlText };
  if (!ended) throw incomplete(file, `it does not end with "${TRAILER}" (truncated or damaged copy?)`);
}

/** Whether SQL text gathered at a statement boundary holds more than blank lines and whole-line comments. */
function holdsStatements(text: string): boolean {
  return text.split('\n').some((line) => line.trim() !== '' && !line.trimStart().startsWith('--'));
}

/**
 * The script's lines, split on \n only (a \r inside a quoted value is data). A damaged or cut-short compressed
 * file fails here, naming the file.
 */
async function* linesOf(file: string): AsyncGenerator<string> {
  // A line may span many chunks (a stored file's row is megabytes): its parts are gathered and joined once.
  let pending: string[] = [];
  try {
    for await (const chunk of openText(file) as AsyncIterable<string>) {
      let start = 0;
      for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
        pending.push(chunk.slice(start, end));
        yield pending.length === 1 ? pending[0]! : pending.join('');
        pending = [];
        start = end + 1;
      }
      if (start < chunk.length) pending.push(chunk.slice(start));
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw incomplete(file, `its compressed data is cut short or damaged (${(error as Error).message})`);
    }
    throw new BackupFileError(`Cannot read the backup ${file}: ${(error as Error).message}`);
  }
  if (pending.length) yield pending.join('');
}

/**
 * Follows quoting through one line; returns the state at its end and how the line ends: 'end' when its last token
 * is a `;` outside any quote (a statement ends), 'blank' when it holds nothing but space and comments outside
 * quotes, 'open' otherwise.
 */
function scanLine(line: string, start: Quote): [Quote, 'end' | 'open' | 'blank'] {
  let quote = start;
  let lastSignificant = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    const next = line[i + 1];
    switch (quote.kind) {
      case 'single':
        if (ch === "'") {
          if (next === "'") i++;
          else quote = { kind: 'none' };
          lastSignificant = "'";
        }
        i++;
        continue;
      case 'dollar':
        if (ch === '$' && line.startsWith(quote.tag, i)) {
          i += quote.tag.length;
          quote = { kind: 'none' };
          lastSignificant = '$';
          continue;
        }
        i++;
        continue;
      case 'block':
        if (ch === '*' && next === '/') {
          quote = quote.depth === 1 ? { kind: 'none' } : { kind: 'block', depth: quote.depth - 1 };
          i += 2;
        } else if (ch === '/' && next === '*') {
          quote = { kind: 'block', depth: quote.depth + 1 };
          i += 2;
        } else i++;
        continue;
      case 'none': {
        if (ch === '-' && next === '-') return [quote, ending(start, quote, lastSignificant)];
        if (ch === '/' && next === '*') {
          quote = { kind: 'block', depth: 1 };
          i += 2;
          continue;
        }
        if (ch === "'") {
          quote = { kind: 'single' };
          lastSignificant = "'";
          i++;
          continue;
        }
        if (ch === '$') {
          const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(line.slice(i));
          // `$1` (a parameter) or `x$y` (inside an identifier) is no dollar quote.
          const previous = i > 0 ? line[i - 1]! : ' ';
          if (tag && !/[A-Za-z0-9_]/.test(previous)) {
            quote = { kind: 'dollar', tag: tag[0] };
            i += tag[0].length;
            lastSignificant = '$';
            continue;
          }
        }
        if (!/\s/.test(ch)) lastSignificant = ch;
        i++;
      }
    }
  }
  return [quote, ending(start, quote, lastSignificant)];
}

function ending(start: Quote, end: Quote, lastSignificant: string): 'end' | 'open' | 'blank' {
  if (end.kind !== 'none') return start.kind === 'block' && end.kind === 'block' ? 'blank' : 'open';
  if (lastSignificant === ';') return 'end';
  return lastSignificant === '' ? 'blank' : 'open';
}

/**
 * pg_dump starts every script with `SET name = value;` lines for its session. A dump made by a newer pg_dump (the
 * embedded engine's is PostgreSQL 18) sets parameters an older server does not know (`transaction_timeout`, new
 * in 17); such a line is dropped when `known` does not hold the name. Every other line is kept as it is.
 */
export function dropUnknownSettings(text: string, known: ReadonlySet<string>): string {
  return text.replace(/^SET ([a-z_][a-z0-9_.]*) = [^;\n]*;[ \t]*\n/gm, (line, name: string) =>
    known.has(name.toLowerCase()) || name.includes('.') ? line : '',
  );
}
