import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/db/lock.ts';
import { openDatabase } from '../../src/db/engine.ts';

/** A second process holding the lock, as a running `quorum start` would. */
function holdLockInAnotherProcess(dataDir: string): Promise<ChildProcess> {
  const script = `
    import { lockDataDir } from ${JSON.stringify(path.resolve('src/db/lock.ts'))};
    lockDataDir(${JSON.stringify(dataDir)});
    console.log('locked');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

describe('the embedded data directory lock', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-lock-test-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process, naming the process that holds it', async () => {
    const dataDir = tempDir();
    const holder = await holdLockInAnotherProcess(dataDir);
    children.push(holder);
    const attempt = openDatabase({ dataDir });
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(attempt).rejects.toThrow(new RegExp(`in use by process ${holder.pid} \\(`));
    // Refused before PGlite touched the folder: nothing but the lock file is there.
    expect(fs.readdirSync(dataDir)).toEqual(['quorum.lock']);
  });

  it('takes over the lock of a process that died without releasing it', async () => {
    const dataDir = tempDir();
    const holder = await holdLockInAnotherProcess(dataDir);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'quorum.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(dataDir, 'quorum.lock'))).toBe(false);
  });

  it('refuses a second open in the same process too', () => {
    const dataDir = tempDir();
    const lock = lockDataDir(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    } finally {
      lock.release();
    }
  });
});
