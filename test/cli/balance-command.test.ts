/**
 * `quorum balance --input file.json` as an officer runs it: a separate process, JSON on standard output, a refusal
 * naming the file and field on standard error with exit code 1. No database is needed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLISHED_ALLOCATIONS } from '../political-balance/published-allocations.ts';

describe('quorum balance', { timeout: 180_000 }, () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-balance-test-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const quorum = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, [path.resolve('bin/quorum.js'), ...args], {
      encoding: 'utf8',
      timeout: 170_000,
      ...(input === undefined ? {} : { input }),
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  it('reads a file and writes the allocation as JSON', () => {
    const gwynedd = PUBLISHED_ALLOCATIONS.find((published) => published.year === '2024')!;
    const file = path.join(work, 'gwynedd.json');
    fs.writeFileSync(file, JSON.stringify(gwynedd.input));
    const result = quorum(['balance', '--input', file]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.out) as { totals: Record<string, number>; bodies: Array<{ name: string; seats: Record<string, number> }> };
    expect(output.totals).toEqual(gwynedd.totals);
    expect(output.bodies).toHaveLength(13);
  });

  it('refuses a missing file, bad JSON and bad figures, saying what and where', () => {
    const missing = quorum(['balance', '--input', path.join(work, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--input: cannot read');
    expect(missing.err).toContain('no such file');
    const bad = quorum(['balance', '--input', '-'], '{"groups": [');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^quorum: -: not JSON/);
    const wrong = quorum(['balance', '--input', '-'], JSON.stringify({ groups: [{ name: 'A', members: -1 }], bodies: [{ name: 'X', seats: 3 }] }));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('groups.0.members: members must be 0 or more');
    expect(wrong.out).toBe('');
  });
});
