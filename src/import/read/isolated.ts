/**
 * PDFs and DOCX files are read in a worker thread with a memory limit and a time limit, so that a file built to
 * exhaust the reader (a PDF whose small stream inflates to hundreds of MB, a DOCX whose document.xml does) is refused
 * with a clear reason while the process goes on serving: the web server answers other requests meanwhile, and
 * `quorum import` goes on to the next file. A worker that runs out of memory or time is ended and a new one started
 * for the next file. Files are read one at a time, in order; the worker is started on the first PDF or DOCX and does
 * not keep the process alive when idle.
 */
import { Worker } from 'node:worker_threads';
import type { DocxText } from './docx.ts';
import type { PdfText } from './pdf.ts';
import { ReadError } from './read-error.ts';

export interface IsolationLimits {
  /** The worker's heap: pdf.js and mammoth need tens of MB for a real paper. */
  memoryMb: number;
  /** Time for one file, in milliseconds, given its size: a big paper takes longer than a small one. */
  timeMsFor: (bytes: number) => number;
}

export const DEFAULT_ISOLATION: IsolationLimits = {
  memoryMb: 384,
  // 30 s, plus 3 s per MB: a 50 MB agenda pack of several hundred pages gets three minutes.
  timeMsFor: (bytes) => 30_000 + Math.ceil(bytes / (1024 * 1024)) * 3_000,
};

/** The text; a reader's own ReadError; a limit of this thread's (memory, time); or the worker failing. */
type Answer = { result: PdfText | DocxText } | { readError: string } | { refused: string } | { failed: string };

interface Job {
  kind: 'pdf' | 'docx';
  name: string;
  bytes: Uint8Array;
  limits: IsolationLimits;
  resolve: (answer: Answer) => void;
}

let worker: Worker | undefined;
let workerMemory = 0;
const queue: Job[] = [];
let busy = false;
let nextId = 0;

function startWorker(memoryMb: number): Worker {
  const started = new Worker(new URL('./reader-worker.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
  });
  started.unref();
  workerMemory = memoryMb;
  return started;
}

function runNext(): void {
  if (busy) return;
  const job = queue.shift();
  if (!job) return;
  busy = true;
  if (!worker || workerMemory !== job.limits.memoryMb) {
    void worker?.terminate();
    worker = startWorker(job.limits.memoryMb);
  }
  const current = worker;
  const id = nextId++;
  const seconds = Math.round(job.limits.timeMsFor(job.bytes.byteLength) / 1000);
  let settled = false;
  const finish = (answer: Answer, endWorker: boolean) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    current.off('message', onMessage);
    current.off('error', onError);
    current.off('exit', onExit);
    if (endWorker) {
      if (worker === current) worker = undefined;
      void current.terminate();
    } else {
      current.unref();
    }
    busy = false;
    job.resolve(answer);
    runNext();
  };
  const onMessage = (message: { id: number } & Answer) => {
    if (message.id === id) finish(message, false);
  };
  const onError = (error: Error & { code?: string }) => {
    const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    finish(
      outOfMemory
        ? { refused: `it needs more than ${job.limits.memoryMb} MB of memory to read (a file built to exhaust the reader?)` }
        : { failed: error.message },
      true,
    );
  };
  // A worker that ends mid-file (its heap exhausted, reported as an exit rather than an error) refuses the file too.
  const onExit = () =>
    finish({ refused: `it stopped the reader, needing more than ${job.limits.memoryMb} MB of memory (a file built to exhaust the reader?)` }, true);
  const timer = setTimeout(
    () => finish({ refused: `reading it took longer than ${seconds} seconds, the limit for a file of its size (a file built to exhaust the reader?)` }, true),
    job.limits.timeMsFor(job.bytes.byteLength),
  );
  current.on('message', onMessage);
  current.on('error', onError);
  current.on('exit', onExit);
  current.ref();
  // A copy goes to the worker: the caller keeps its bytes (to store the original, say).
  current.postMessage({ id, kind: job.kind, name: job.name, bytes: new Uint8Array(job.bytes) });
}

/** Reads a PDF or DOCX in the reader worker; a refusal or failure there is a ReadError here. */
export async function readIsolated(kind: 'pdf', name: string, bytes: Uint8Array, limits?: IsolationLimits): Promise<PdfText>;
export async function readIsolated(kind: 'docx', name: string, bytes: Uint8Array, limits?: IsolationLimits): Promise<DocxText>;
export async function readIsolated(
  kind: 'pdf' | 'docx',
  name: string,
  bytes: Uint8Array,
  limits: IsolationLimits = DEFAULT_ISOLATION,
): Promise<PdfText | DocxText> {
  const answer = await new Promise<Answer>((resolve) => {
    queue.push({ kind, name, bytes, limits, resolve });
    runNext();
  });
  if ('result' in answer) return answer.result;
  if ('readError' in answer) throw new ReadError(name, answer.readError);
  if ('refused' in answer) throw new ReadError(name, `${kind.toUpperCase()} refused: ${answer.refused}`);
  throw new ReadError(name, `${kind.toUpperCase()} could not be read: ${answer.failed}`);
}
