/**
 * Crash-test support: a database the `quorum` processes under test open themselves (the test opens it only between
 * kills), spawning those processes, killing them with SIGKILL, and a seeded random source so a failing run can be
 * repeated (QUORUM_CRASH_SEED).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/engine.ts';
import { adminUrl, databaseUrlFor, pgliteTemplateDir, TEMPLATE_DB, testEngine } from '../support/engine.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A migrated, empty database of the engine under test that no process holds open. */
export interface CrashDatabase {
  dataDir: string;
  databaseUrl?: string;
  /** Opens it in this process (taking over the lock a killed process left, on the embedded engine). */
  open(): Promise<DatabaseHandle>;
  destroy(): Promise<void>;
}

export async function createCrashDatabase(): Promise<CrashDatabase> {
  if (testEngine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-crash-'));
    fs.cpSync(pgliteTemplateDir, dataDir, { recursive: true });
    fs.rmSync(path.join(dataDir, 'quorum.lock'), { force: true });
    return {
      dataDir,
      open: () => openDatabase({ dataDir }),
      async destroy() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `quorum_crash_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await adminQuery(`create database ${name} template ${TEMPLATE_DB}`);
  const databaseUrl = databaseUrlFor(name);
  return {
    dataDir: '',
    databaseUrl,
    open: () => openDatabase({ dataDir: '', databaseUrl }),
    async destroy() {
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** The environment a `quorum` process gets: this database, nothing inherited that names another one. */
export function quorumEnv(database: CrashDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...extra };
  for (const name of [
    'DATABASE_URL',
    'QUORUM_DATA_DIR',
    'QUORUM_PAPERS',
    'PORT',
    'HOST',
    'QUORUM_PUBLIC_URL',
    'QUORUM_SMTP_URL',
    'QUORUM_AUTHORITY',
    'QUORUM_SCRUTINY_RESPONSE_MONTHS',
  ]) {
    if (!(name in extra)) delete env[name];
  }
  if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;
  else env.QUORUM_DATA_DIR = database.dataDir;
  return env;
}

export interface QuorumProcess {
  child: ChildProcess;
  /** stderr so far. */
  stderr(): string;
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stderr has a line matching the pattern; rejects if the process exits first. */
  waitForStderr(pattern: RegExp): Promise<void>;
}

/** Starts `quorum <args>` the way a user does (node --import tsx src/cli/main.ts). */
export function spawnQuorum(args: string[], env: NodeJS.ProcessEnv, stdin?: string): QuorumProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: repoRoot,
    env,
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  let out = '';
  let err = '';
  const waiters: Array<{ pattern: RegExp; resolve: () => void; reject: (error: Error) => void }> = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(err)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const startedAt = Date.now();
    if (process.env.QUORUM_CRASH_VERBOSE) process.stderr.write(`[crash] spawned ${child.pid}: quorum ${args.join(' ')}\n`);
    child.once('exit', (code, signal) => {
      if (process.env.QUORUM_CRASH_VERBOSE) process.stderr.write(`[crash] ${child.pid} exited ${signal ?? code} after ${Date.now() - startedAt} ms\n`);
      // Let the pipes drain so the last lines are there.
      setImmediate(() => {
        for (const waiter of waiters.splice(0))
          waiter.reject(new Error(`quorum ${args.join(' ')} exited (${signal ?? code}) before printing ${waiter.pattern}:\n${err}\n${out}`));
        resolve({ code, signal });
      });
    });
  });
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitForStderr(pattern) {
      if (pattern.test(err)) return Promise.resolve();
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`quorum ${args.join(' ')} has exited:\n${err}`));
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
  };
}

/** SIGKILL: no handler runs, no lock is released, nothing is flushed. */
export async function killHard(process: QuorumProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  process.child.kill('SIGKILL');
  return process.exited;
}

/** Runs `quorum <args>` to the end. */
export async function runQuorum(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const running = spawnQuorum(args, env, stdin);
  const { code } = await running.exited;
  return { code, stdout: running.stdout(), stderr: running.stderr() };
}

/** mulberry32: a small seeded generator, so the kill points of a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const crashSeed = Number(process.env.QUORUM_CRASH_SEED ?? 20261125);

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A TCP port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The promise, or an error after `ms` (the timer cleared either way). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
