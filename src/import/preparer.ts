/**
 * Prepares the next file of an import (reads and extracts it, prepare.ts) in a worker thread while the importer writes
 * the current one, so reading and extraction overlap the database's work instead of adding to it. Where a worker
 * cannot start, files are prepared in this thread, with the same results.
 */
import { Worker } from 'node:worker_threads';
import { prepareFile, type PreparedFile } from './prepare.ts';

export interface Preparer {
  prepare(file: string): Promise<PreparedFile>;
  close(): Promise<void>;
}

export function inlinePreparer(maxBytes: number): Preparer {
  return { prepare: (file) => prepareFile(file, maxBytes), close: async () => {} };
}

export function workerPreparer(maxBytes: number): Preparer {
  const inline = inlinePreparer(maxBytes);
  const waiting = new Map<number, { file: string; resolve: (prepared: PreparedFile) => void }>();
  let nextId = 0;
  let worker: Worker | undefined;
  let ready = false;
  // On any failure of the worker itself, what it had not answered is prepared here instead, and so is all that follows.
  const abandon = () => {
    const stranded = [...waiting.values()];
    waiting.clear();
    worker?.removeAllListeners();
    void worker?.terminate();
    worker = undefined;
    for (const { file, resolve } of stranded) void inline.prepare(file).then(resolve);
  };
  try {
    worker = new Worker(new URL('./prepare-worker.mjs', import.meta.url));
    worker.unref();
    worker.on('message', (message: { ready: true } | { id: number; prepared: PreparedFile }) => {
      if ('ready' in message) {
        ready = true;
        return;
      }
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      entry?.resolve(message.prepared);
    });
    worker.on('error', abandon);
    worker.on('exit', () => (waiting.size ? abandon() : undefined));
  } catch {
    worker = undefined;
  }
  return {
    prepare(file) {
      if (!worker || !ready) return inline.prepare(file);
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, { file, resolve });
        worker!.postMessage({ id, file, maxBytes });
      });
    },
    async close() {
      const closing = worker;
      worker = undefined;
      closing?.removeAllListeners();
      await closing?.terminate();
    },
  };
}
