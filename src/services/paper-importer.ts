/**
 * paperImporter: imports council papers (and Quorum exports) into the database.
 * One file is one transaction: a failure leaves the database as it was and is reported with the file, line and
 * reason, and the other files go on. Importing the same bytes twice changes nothing (keyed by content hash).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '../db/engine.ts';
import * as store from '../db/repositories/paper-store.ts';
import { stableId } from '../domain/stable-id.ts';
import { DEFAULT_MAX_BYTES } from '../import/read/index.ts';
import { persistCommittee } from '../import/persist/committee.ts';
import type { Counts } from '../import/persist/context.ts';
import { capabilitySteps, persistCapabilities } from '../import/capabilities.ts';
import type { PreparedFile } from '../import/prepare.ts';
import { inlinePreparer, workerPreparer } from '../import/preparer.ts';
import { PeopleDirectory } from '../import/persist/people.ts';
import type { ImportIssue } from '../import/types.ts';
import { restoreExport } from './export-restorer.ts';
import { refreshPlannerStatistics } from '../db/statistics.ts';
import * as review from '../db/repositories/import-review.ts';
import type { Correction } from '../domain/import-review/corrections.ts';
import { ensureAuthority } from '../db/records/authorities.ts';

/**
 * How a file ended. Every file ends in exactly one of these, and none is "ok" for nothing:
 * - imported: records were found and stored (`created`); `partial` when parts of the paper were not understood
 *   (`issues` says which lines and why);
 * - unrecognised: nothing in it was recognised; nothing is stored (so a later importer can try again), `reason` says why;
 * - skipped: already imported; failed: could not be read or stored (`reason`, `line`).
 */
export type ImportStatus = 'imported' | 'unrecognised' | 'skipped' | 'failed';

export interface ImportFileResult {
  file: string;
  status: ImportStatus;
  /** For skipped, unrecognised and failed files: why. */
  reason?: string;
  /** Imported, but parts of the paper were not understood or gave problems: listed in `issues`, with their lines. */
  partial?: boolean;
  line?: number;
  kinds: string[];
  created: Counts;
  linked: number;
  issues: ImportIssue[];
}

export interface ImportSummary {
  files: ImportFileResult[];
  created: Counts;
  linked: number;
  imported: number;
  /** Of the files imported, those partly understood. */
  partial: number;
  unrecognised: number;
  skipped: number;
  failed: number;
  /** True when the run stopped at a file not recognised (stopOnUnrecognised); the files after it were not imported. */
  stopped: boolean;
  warnings: number;
  /** Bytes of the database after the import (after a checkpoint on the embedded engine). */
  databaseBytes: number;
}

export interface PaperImporterProps {
  database: DatabaseHandle;
  authorityName: string;
  /** Files or folders; folders are read recursively, in name order, skipping hidden files. */
  paths: string[];
  /** Who is importing, for the audit log: "cli:<user>", "start". */
  actor: string;
  maxBytes?: number;
  /** Months to a scrutiny response deadline (Config.scrutinyResponseMonths); default 2. */
  scrutinyResponseMonths?: number;
  onProgress?: (event: { done: number; total: number; file: string; bytes: number }) => void;
  /** Stop at the first file not recognised (the command line's default; `--keep-going` imports the rest). */
  stopOnUnrecognised?: boolean;
}

export class ImportPathError extends Error {}

/** Expands folders into files, sorted by name; a missing path is an error before anything is imported. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new ImportPathError(`${given}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const entries = fs
        .readdirSync(full, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((file) => !file.split(path.sep).some((part) => part.startsWith('.') && part.length > 1 && file.includes(`${path.sep}${part}${path.sep}`)))
        .sort();
      files.push(...entries);
    } else {
      files.push(full);
    }
  }
  return files;
}

/** What an import run keeps between files: the people and bodies already on record. */
interface ImportSession {
  authorityId: string;
  people: PeopleDirectory;
  bodies: Map<string, string>;
  /** The officers' corrections, by paper (content hash): applied whenever that paper is imported (import review). */
  corrections: Map<string, Correction[]>;
}

export async function paperImporter(props: PaperImporterProps): Promise<ImportSummary> {
  const files = collectFiles(props.paths);
  const results: ImportFileResult[] = [];
  let done = 0;
  const state: { session?: ImportSession } = {};
  const maxBytes = props.maxBytes ?? DEFAULT_MAX_BYTES;
  // The files ahead are read and extracted while this one is written (a worker thread is worth starting for a few
  // files). Papers differ tenfold in size, so one file ahead leaves the writer waiting after each small one.
  const preparer = files.length >= 3 ? workerPreparer(maxBytes) : inlinePreparer(maxBytes);
  const ahead = new ReadAhead(files, (file) => preparer.prepare(file));
  try {
    for (const file of files) {
      const prepared = await ahead.next();
      const result = await importPrepared(props, file, prepared, state);
      results.push(result);
      done++;
      props.onProgress?.({ done, total: files.length, file, bytes: safeSize(file) });
      if (result.status === 'unrecognised' && props.stopOnUnrecognised) break;
    }
  } finally {
    await preparer.close();
  }
  await refreshPlannerStatistics(props.database.db);
  await props.database.checkpoint();
  return summarise(results, await props.database.size(), results.length < files.length);
}

/** Files read ahead of the writer: at least one, and more while they hold less than READ_AHEAD_BYTES in all. */
const READ_AHEAD_FILES = 8;
const READ_AHEAD_BYTES = 8 * 1024 * 1024;

class ReadAhead {
  private readonly pending: Array<{ bytes: number; prepared: Promise<PreparedFile> }> = [];
  private position = 0;

  constructor(
    private readonly files: string[],
    private readonly prepare: (file: string) => Promise<PreparedFile>,
  ) {}

  /** The next file, prepared; call once per file, in order. */
  async next(): Promise<PreparedFile> {
    // The embedded engine answers queries without I/O, so an import could run start to end without returning to the
    // event loop, and the worker's messages (its readiness, prepared files) would wait until the end.
    await new Promise((resolve) => setImmediate(resolve));
    this.fill();
    const head = this.pending.shift()!;
    const prepared = await head.prepared;
    this.fill();
    return prepared;
  }

  private fill(): void {
    let bytes = this.pending.reduce((sum, entry) => sum + entry.bytes, 0);
    while (this.position < this.files.length && this.pending.length < READ_AHEAD_FILES) {
      const size = safeSize(this.files[this.position]!);
      if (this.pending.length > 0 && bytes + size > READ_AHEAD_BYTES) break;
      this.pending.push({ bytes: size, prepared: this.prepare(this.files[this.position++]!) });
      bytes += size;
    }
  }
}

function safeSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

async function importPrepared(props: PaperImporterProps, file: string, prepared: PreparedFile, state: { session?: ImportSession }): Promise<ImportFileResult> {
  const base: ImportFileResult = { file, status: 'failed', kinds: [], created: {}, linked: 0, issues: [] };
  const { db } = props.database;
  try {
    // A paper already imported is found by its source record's insert (below): one statement fewer for every new file.
    const already = prepared.kind !== 'paper' && prepared.contentHash ? await store.findSourceByHash(db, prepared.contentHash) : undefined;
    if (already) return skipped(base, already);
    if (prepared.kind === 'refused') return { ...base, reason: prepared.reason, ...(prepared.line ? { line: prepared.line } : {}) };
    const { document, contentHash } = prepared;
    const warnings: ImportIssue[] = document.warnings.map((message) => ({ severity: 'warning', message }));

    if (prepared.kind === 'json') {
      const parsed = parseJson(document.lines.join('\n'), file);
      const restored = await restoreExport(db, parsed, { actor: props.actor });
      delete state.session;
      return { ...base, status: 'imported', kinds: ['export'], created: restored.created, issues: warnings };
    }

    const { extract } = prepared;
    // Stretches of the paper no recogniser understood are reported with their lines, so "partial" says what was missed.
    const notUnderstood: ImportIssue[] = extract.segments
      .filter((segment) => segment.kind === 'other')
      .map((segment) => ({
        severity: 'warning',
        line: segment.lineFrom,
        message: `lines ${segment.lineFrom}-${segment.lineTo} not recognised ("${clip(segment.title)}")`,
      }));
    const recognisedHere = extract.meetings.length + extract.reports.length + extract.decisions.length > 0;
    const capabilities = capabilitySteps(prepared.capabilities, { scrutinyResponseMonths: props.scrutinyResponseMonths ?? 2, actor: props.actor });
    const kinds = [...new Set(extract.segments.map((segment) => segment.kind))];
    const sourceId = stableId('source', contentHash);
    const outcome = await db.transaction().execute(async (trx) => {
      // On a server, a commit the WAL writer has not flushed yet survives the importer being killed; in the embedded
      // engine the database dies with the process and has no WAL writer, so an unflushed commit would be lost (every
      // file since the last flush, possibly the whole run): there each commit writes its WAL (no fsync: PGlite runs
      // with fsync off), which costs nothing measurable.
      await store.beginImport(trx, props.actor, { relaxCommitDurability: props.database.engine === 'postgres' });
      const isNew = await store.insertNew(trx, 'source_document', [
        {
          id: sourceId,
          content_hash: contentHash,
          file_name: path.basename(file),
          format: document.format,
          kinds,
          bytes: prepared.bytes,
          line_count: document.lines.length,
        },
      ]);
      if (!isNew) throw new AlreadyImported(contentHash);
      // The text the records' line numbers point into: shown by the import review, read again by a re-import.
      await review.insertSourceText(trx, sourceId, document.lines);
      if (!state.session) {
        const authorityId = await ensureAuthority(trx, stableId('authority', props.authorityName), props.authorityName);
        state.session = {
          authorityId,
          people: new PeopleDirectory(authorityId, await store.loadPeople(trx, authorityId)),
          bodies: new Map((await store.loadBodies(trx, authorityId)).map((body) => [body.name, body.id])),
          corrections: await review.loadAllCorrections(trx),
        };
      }
      const session = state.session;
      const corrections = { corrections: session.corrections.get(contentHash) ?? [], lines: document.lines };
      const context = { trx, authorityName: props.authorityName, sourceId, ...session };
      const committee = await persistCommittee(context, {
        extract: recognisedHere ? { ...extract, issues: [...extract.issues, ...notUnderstood] } : extract,
        corrections,
      });
      const more = await persistCapabilities(context, capabilities);
      const capabilityRows = Object.values(more.created).reduce((sum, count) => sum + count, 0);
      if (!recognisedHere && capabilityRows === 0) throw new NotRecognised(whyNotRecognised(extract.segments, [...extract.issues, ...more.issues]));
      if (more.issues.length)
        await store.insertImportIssues(
          trx,
          more.issues.map((issue) => ({ source_document_id: sourceId, severity: issue.severity, line: issue.line ?? null, message: issue.message })),
        );
      const created = { ...committee.created };
      for (const [table, count] of Object.entries(more.created)) created[table] = (created[table] ?? 0) + count;
      // People the capabilities added (plan leads, scrutiny owners) are written in this file's transaction too.
      await session.people.flush(trx);
      const people = session.people.takeCounts().created;
      if (people > 0) created.people = (created.people ?? 0) + people;
      return { created, linked: committee.linked, issues: [...committee.issues, ...more.issues] };
    });
    const issues = [...warnings, ...outcome.issues];
    return { ...base, status: 'imported', ...(issues.length > 0 ? { partial: true } : {}), kinds, created: outcome.created, linked: outcome.linked, issues };
  } catch (error) {
    if (error instanceof NotRecognised) {
      delete state.session;
      // Listed in the back office with why (nothing else of it is stored, so a later importer can try again).
      if (prepared.kind === 'paper') {
        const fileName = path.basename(file);
        await review.recordUnrecognised(db, props.actor, {
          id: stableId('unrecognised-paper', prepared.contentHash),
          contentHash: prepared.contentHash,
          fileName,
          reason: error.message,
        });
      }
      return {
        ...base,
        status: 'unrecognised',
        reason: error.message,
        kinds: [...new Set(prepared.kind === 'paper' ? prepared.extract.segments.map((segment) => segment.kind) : [])],
      };
    }
    if (error instanceof AlreadyImported) {
      const already = await store.findSourceByHash(db, error.contentHash);
      if (already) return skipped(base, already);
    }
    // The session may hold people and bodies that the rolled-back transaction wrote: start afresh from the database.
    delete state.session;
    const located = error as Error & { line?: number };
    return { ...base, reason: located.message, ...(located.line ? { line: located.line } : {}) };
  }
}

/** Thrown inside a file's transaction to roll it back: nothing in the file was recognised, so nothing is kept. */
class NotRecognised extends Error {}

/** Why a paper yielded nothing: what its parts looked like, and the first problems found, with their lines. */
function whyNotRecognised(segments: Array<{ kind: string; lineFrom: number; lineTo: number; title: string }>, issues: ImportIssue[]): string {
  const parts = segments.map((segment) => `${segment.kind} at lines ${segment.lineFrom}-${segment.lineTo} ("${clip(segment.title)}")`);
  const problems = issues.slice(0, 3).map((issue) => `${issue.line ? `line ${issue.line}: ` : ''}${issue.message}`);
  const found = parts.length ? parts.join('; ') : 'no text';
  return `no meeting, minutes, agenda, report, decision or other record recognised; found ${found}${problems.length ? `; ${problems.join('; ')}` : ''}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Thrown inside a file's transaction to roll it back: its source record is already there. */
class AlreadyImported extends Error {
  constructor(readonly contentHash: string) {
    super('already imported');
  }
}

function skipped(base: ImportFileResult, already: { file_name: string; imported_at: Date }): ImportFileResult {
  return { ...base, status: 'skipped', reason: `already imported (as ${already.file_name} on ${already.imported_at.toISOString().slice(0, 10)})` };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw Object.assign(new Error(`${path.basename(file)}: not valid JSON: ${message}`), line ? { line } : {});
  }
}

function summarise(files: ImportFileResult[], databaseBytes: number, stopped: boolean): ImportSummary {
  const created: Counts = {};
  for (const file of files) {
    for (const [table, count] of Object.entries(file.created)) created[table] = (created[table] ?? 0) + count;
  }
  return {
    files,
    created,
    linked: files.reduce((sum, file) => sum + file.linked, 0),
    imported: files.filter((file) => file.status === 'imported').length,
    partial: files.filter((file) => file.partial).length,
    unrecognised: files.filter((file) => file.status === 'unrecognised').length,
    stopped,
    skipped: files.filter((file) => file.status === 'skipped').length,
    failed: files.filter((file) => file.status === 'failed').length,
    warnings: files.reduce((sum, file) => sum + file.issues.filter((issue) => issue.severity === 'warning').length, 0),
    databaseBytes,
  };
}
