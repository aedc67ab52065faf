import fs from 'node:fs';
import path from 'node:path';

/** PGlite allows one process per data directory; a second one would corrupt it. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly command: string,
  ) {
    super(
      `The data directory ${dataDir} is in use by process ${pid} (${command}). ` +
        `Stop that process, or set QUORUM_DATA_DIR to another folder, or use DATABASE_URL for a PostgreSQL server.`,
    );
  }
}

const LOCK_FILE = 'quorum.lock';

/** Lock files this process holds. A lock naming this process's PID but not in here was left by an earlier process that had
 * the same PID and was killed (a container's main process has the same PID every start): stale, not ours. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

/** Takes the lock on a data directory, or throws DataDirLockedError naming the holder. Stale locks of dead processes are taken over. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(' ') });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      let released = false;
      held.add(file);
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        process.removeListener('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; command?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        // unreadable lock: treat as stale
      }
      const ours = holder.pid === process.pid;
      if (holder.pid && ((ours && held.has(file)) || (!ours && isAlive(holder.pid)))) {
        throw new DataDirLockedError(dataDir, holder.pid, holder.command ?? 'unknown command');
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
