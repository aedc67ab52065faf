/** The worker thread behind preparer.ts: prepares files one at a time, as the importer asks. */
import { parentPort } from 'node:worker_threads';
import { prepareFile } from './prepare.ts';

parentPort!.on('message', async (request: { id: number; file: string; maxBytes: number }) => {
  parentPort!.postMessage({ id: request.id, prepared: await prepareFile(request.file, request.maxBytes) });
});

// Until this arrives the importer prepares files itself: starting the worker takes most of a second.
parentPort!.postMessage({ ready: true });
