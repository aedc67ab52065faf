/**
 * Keeps every write on the one contract: no code above the database layer opens a transaction or names the audit
 * actor itself; it calls writeOperation (src/services/write-operation.ts), which also checks the role, gives London's
 * today and turns the database's refusals into conflicts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..');

/** Layers above src/db and src/import, where write operations and their callers live. */
const SCANNED = ['services', 'http', 'web', 'api', 'server', 'cli'];

/**
 * Bulk jobs that commit paper by paper with their own durability settings and error reporting, and name their actor
 * through their persistence layer (src/import, src/db): the paper importer (one transaction per file, a file already
 * imported is a rollback, not an error) and the export restorer (each table's failure reported by its section).
 */
const BULK_JOBS = new Set(['services/paper-importer.ts', 'services/export-restorer.ts']);

const CONTRACT = 'services/write-operation.ts';

const FORBIDDEN: Array<{ pattern: RegExp; what: string }> = [
  { pattern: /\.transaction\(\)/, what: 'opens its own transaction (.transaction())' },
  { pattern: /\bsetActor\(/, what: 'names the audit actor itself (setActor)' },
];

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the write-operation contract', () => {
  it('is the only way code above the database layer writes', () => {
    const breaches: string[] = [];
    for (const layer of SCANNED) {
      for (const file of sourceFiles(path.join(SRC, layer))) {
        const name = path.relative(SRC, file).split(path.sep).join('/');
        if (name === CONTRACT || BULK_JOBS.has(name)) continue;
        const text = fs.readFileSync(file, 'utf8');
        for (const { pattern, what } of FORBIDDEN) {
          if (pattern.test(text)) breaches.push(`src/${name} ${what}`);
        }
      }
    }
    expect(
      breaches,
      [
        'Write operations go through writeOperation (src/services/write-operation.ts):',
        "  return writeOperation({ db, actor: props.actor, role: 'democratic-services' }, async ({ trx, today }) => { ... });",
        'It checks the role, opens the transaction, names the actor for the audit log, gives London’s today and maps',
        'unique-key and lock failures to Conflict. Props take `actor: Actor` (a SessionUser, "cli" or { job }).',
        'A bulk job that must commit on its own terms is listed in BULK_JOBS in this test, with the reason.',
      ].join('\n'),
    ).toEqual([]);
  });

  it('lists only bulk jobs that exist', () => {
    for (const name of BULK_JOBS) expect(fs.existsSync(path.join(SRC, name)), name).toBe(true);
  });
});
