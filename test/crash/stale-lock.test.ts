/**
 * A killed process leaves its lock file behind. The next process must take it over, also when it happens to get the
 * dead one's PID: a container's main process has the same PID on every start, so after a crash and a restart the
 * lock names the new process's own PID.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/db/lock.ts';

describe('a stale data directory lock', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-stale-lock-'));
    dirs.push(dir);
    return dir;
  };

  it('naming this process (a restarted container got the dead process PID) is taken over', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'quorum.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, command: 'src/cli/main.ts start' }));
    const lock = lockDataDir(dataDir);
    try {
      // Taken over, and now really held: a second open in this process is refused.
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).command).not.toBe('src/cli/main.ts start');
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
      // The same folder named another way is the same lock.
      expect(() => lockDataDir(path.join(dataDir, '.'))).toThrow(DataDirLockedError);
    } finally {
      lock.release();
    }
    expect(fs.existsSync(file)).toBe(false);
  });

  it('left empty (killed between creating and writing it) is taken over', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'quorum.lock'), '');
    lockDataDir(dataDir).release();
  });

  it('does not pile up exit listeners when opened and closed many times', () => {
    const dataDir = tempDir();
    const before = process.listenerCount('exit');
    for (let i = 0; i < 20; i++) lockDataDir(dataDir).release();
    expect(process.listenerCount('exit')).toBe(before);
  });
});
