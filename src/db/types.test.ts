/**
 * Keeps the shared database types declared once: `Db`, `Row`, `NewRow` in src/db/types.ts, the shared column shapes
 * in src/db/schema/columns.ts, and every table in the one `Database` of src/db/schema.ts (a module that augments it
 * for its side effect leaves the table out wherever that module was not imported).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['src', 'test', 'bench'];

const RULES: Array<{ pattern: RegExp; home: string; what: string }> = [
  { pattern: /\btype\s+Db\s*=/, home: 'src/db/types.ts', what: 'redeclares Db' },
  { pattern: /\b(Selectable|Insertable)<Database\[/, home: 'src/db/types.ts', what: 'redeclares Row or NewRow' },
  { pattern: /\btype\s+(Stamp|Audited|Versioned|Sourced|Optional)\b[^=]*=/, home: 'src/db/schema/columns.ts', what: 'redeclares a shared column shape' },
  { pattern: /declare\s+module\s+['"][^'"]*schema(\.ts)?['"]/, home: 'src/db/schema.ts', what: 'adds tables to Database outside the schema index' },
];

function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && full !== import.meta.filename ? [full] : [];
  });
}

describe('the shared database types', () => {
  it('are declared only in their one home', () => {
    const breaches: string[] = [];
    for (const file of SCANNED.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const rule of RULES) {
          if (relative !== rule.home && rule.pattern.test(line)) breaches.push(`${relative}:${index + 1} ${rule.what} (use ${rule.home})`);
        }
      });
    }
    expect(breaches).toEqual([]);
  });

  it('has every schema module in the Database index', () => {
    const index = fs.readFileSync(path.join(ROOT, 'src/db/schema.ts'), 'utf8');
    const missing = fs
      .readdirSync(path.join(ROOT, 'src/db/schema'))
      .filter((name) => name.endsWith('.ts') && name !== 'columns.ts')
      .flatMap((name) => {
        const text = fs.readFileSync(path.join(ROOT, 'src/db/schema', name), 'utf8');
        const group = /export interface (\w+(Tables|Views))\b/.exec(text)?.[1];
        if (!group) return [`${name}: exports no XTables interface`];
        return new RegExp(`\\b${group},?\\s`).test(index.slice(index.indexOf('export interface Database'))) ? [] : [`${name}: ${group} is not in Database`];
      });
    expect(missing).toEqual([]);
  });
});
