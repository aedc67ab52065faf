/** The worker thread behind isolated.ts: reads one PDF or DOCX at a time, under the thread's memory limit. */
import { parentPort } from 'node:worker_threads';
import { readDocx } from './docx.ts';
import { readPdf } from './pdf.ts';
import { ReadError } from './read-error.ts';
import { checkZipLimits } from './zip-limits.ts';

export interface ReaderRequest {
  id: number;
  kind: 'pdf' | 'docx';
  name: string;
  bytes: Uint8Array;
}

parentPort!.on('message', async (request: ReaderRequest) => {
  try {
    const result =
      request.kind === 'pdf'
        ? await readPdf(request.bytes, request.name)
        : await checkZipLimits(request.bytes, request.name).then(() => readDocx(request.bytes, request.name));
    parentPort!.postMessage({ id: request.id, result });
  } catch (error) {
    if (error instanceof ReadError) parentPort!.postMessage({ id: request.id, readError: error.reason });
    else parentPort!.postMessage({ id: request.id, failed: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
