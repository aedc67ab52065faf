/**
 * One name, one thing: no two modules of src/db export a function or type of the same name, so `findMeeting` cannot
 * mean a back-office row in one file and a public page's heading in another. A name says what it returns
 * (`findMeetingForEdit`, `findMeetingHeading`, `listBodyNames`); a record's shared reads and writes are in
 * src/db/records/ (docs/architecture.md, "Database access").
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DB = import.meta.dirname;

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('names in src/db', () => {
  it('are never exported by two modules', () => {
    const homes = new Map<string, string[]>();
    for (const file of sourceFiles(DB)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^export (?:async )?(?:function|const|type|interface|class) (\w+)/gm)) {
        const name = match[1]!;
        homes.set(name, [...(homes.get(name) ?? []), path.relative(DB, file)]);
      }
    }
    const clashes = [...homes].filter(([name, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(clashes).toEqual([]);
  });
});
