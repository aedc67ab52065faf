/**
 * The server's side of the embedded database's worker (src/db/pglite-worker.mjs): sends queries, matches answers,
 * and enforces a statement's time limit. PGlite cannot cancel a running statement (it has no statement_timeout: the
 * WebAssembly build has no timer signal), so a statement over its limit ends the worker, which is started again on
 * the same folder; PostgreSQL's crash recovery then rolls back whatever the statement's transaction had not committed,
 * as after a power cut (test/crash/ shows the folder survives that).
 */
import { Worker } from 'node:worker_threads';
import type { ErrorFields, FromWorker, ToWorker, WorkerStart } from './pglite-messages.ts';

interface Pending {
  resolve(message: FromWorker): void;
  reject(error: Error): void;
}

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface QueryAnswer {
  rows: unknown[];
  affectedRows?: number;
}

/** An Error carrying the database's fields (code, detail, constraint, ...), as PGlite threw it in the worker. */
function databaseError(fields: ErrorFields): Error {
  const { message, ...rest } = fields;
  return Object.assign(new Error(message), rest);
}

export class PgliteRemote {
  private worker: Worker | undefined;
  private starting: Promise<void> | undefined;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private listeners = new Map<string, Set<() => void>>();
  private closed = false;

  constructor(private readonly start: WorkerStart) {}

  /** Starts the worker and waits until the database is open (or throws why it could not open). */
  open(): Promise<void> {
    this.starting ??= this.spawn().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: this.start });
      let ready = false;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true;
          this.worker = worker;
          resolve();
        } else if (message.type === 'failed') reject(new Error(message.message));
        else if (message.type === 'notify') for (const listener of this.listeners.get(message.channel) ?? []) listener();
        else {
          const pending = this.pending.get(message.id);
          this.pending.delete(message.id);
          pending?.resolve(message);
        }
      });
      worker.on('error', (error) => {
        if (!ready) reject(error);
      });
      worker.on('exit', () => {
        if (!ready) reject(new Error('the database worker stopped while opening'));
        // An unexpected end (not a restart, which lets go of the worker first) fails what was waiting for it.
        if (this.worker === worker) {
          this.worker = undefined;
          this.failPending(new Error('The embedded database stopped'));
        }
      });
    });
  }

  private failPending(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const each of pending) each.reject(error);
  }

  /** Waits until a worker is running (starting one after a restart, and listening again on its channels). */
  private async runningWorker(): Promise<Worker> {
    while (!this.worker) {
      if (this.closed) throw new Error('The embedded database is closed');
      await this.open();
      await this.relisten();
    }
    return this.worker;
  }

  private post(worker: Worker, body: Body<ToWorker>): Promise<FromWorker> {
    const id = this.nextId++;
    return new Promise<FromWorker>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...body, id } as ToWorker);
    });
  }

  private async request(body: Body<ToWorker>): Promise<FromWorker> {
    return this.post(await this.runningWorker(), body);
  }

  private async relisten(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    for (const channel of this.listeners.keys()) await this.post(worker, { type: 'listen', channel });
    // What was uncommitted when the worker stopped is gone; anything kept in memory from before may be stale.
    for (const listeners of this.listeners.values()) for (const listener of listeners) listener();
  }

  /**
   * Runs one statement. With timeoutMs, a statement still running that long after it reached the worker is abandoned
   * and the worker restarted; the answer is onTimeout()'s error. (Time spent waiting for a worker to start is not
   * counted: the statement has not begun.)
   */
  async query(sql: string, params: unknown[], timeoutMs?: number, onTimeout?: () => Error): Promise<QueryAnswer> {
    const worker = await this.runningWorker();
    const sent = this.post(worker, { type: 'query', sql, params });
    const message = await (timeoutMs === undefined ? sent : this.withTimeout(sent, timeoutMs, onTimeout));
    if (message.type === 'error') throw databaseError(message.error);
    if (message.type !== 'result') throw new Error(`unexpected answer from the database worker: ${message.type}`);
    return { rows: message.rows, ...(message.affectedRows !== undefined ? { affectedRows: message.affectedRows } : {}) };
  }

  private withTimeout<T>(answer: Promise<T>, timeoutMs: number, onTimeout?: () => Error): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = onTimeout?.() ?? new Error(`statement timed out after ${timeoutMs} ms`);
        reject(error);
        void this.restart(error);
      }, timeoutMs);
    });
    return Promise.race([answer, expired]).finally(() => clearTimeout(timer));
  }

  /** Ends the worker (whatever it is running) and starts another on the same folder. */
  private async restart(reason: Error): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failPending(reason);
    await worker?.terminate();
    if (this.closed) return;
    try {
      await this.open();
      await this.relisten();
    } catch {
      // The next query tries again and reports why.
    }
  }

  /** Whether the worker is running (it answers nothing while a statement runs, so this asks it nothing). */
  get running(): boolean {
    return this.worker !== undefined || this.starting !== undefined;
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
      await this.request({ type: 'listen', channel });
    }
    listeners.add(onNotify);
    return async () => {
      listeners.delete(onNotify);
      if (listeners.size === 0 && this.listeners.get(channel) === listeners) {
        this.listeners.delete(channel);
        if (this.worker) await this.request({ type: 'unlisten', channel });
      }
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.starting?.catch(() => {});
    const worker = this.worker;
    if (worker) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      try {
        // A worker stuck in a statement never answers: give it a while, then end it (recovery runs at the next open).
        await Promise.race([this.request({ type: 'close' }), new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
      } finally {
        this.closed = true;
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
        await worker.terminate();
      }
    }
    this.closed = true;
  }
}
