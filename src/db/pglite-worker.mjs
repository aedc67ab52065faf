// The embedded database in its own thread. PGlite runs PostgreSQL compiled to WebAssembly: a query holds the thread
// that runs it until it finishes. Here that thread is this worker, so the server's thread goes on answering cached
// pages, static files and health checks while a slow query runs (issue 23). One message in, one answer out, in order;
// the messages are typed in pglite-messages.ts. Plain JavaScript, not TypeScript through tsx: the worker starts at
// every open, and restarts after a statement over its time limit, so its start-up is kept short.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
// Trigram matching for search's spelling tolerance (migration 20261207_2701); PGlite ships it as a contrib extension.
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const INT8_OID = 20;
const port = parentPort;
const start = workerData;

function send(message) {
  port.postMessage(message);
}

/** A database error as plain fields (code, detail, constraint, ...), so the caller sees what PGlite threw. */
function fieldsOf(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = { message: error.message };
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return fields;
}

let client;
try {
  client = new PGlite(start.dataDir, {
    startParams: start.startParams,
    extensions: { pg_trgm },
    // Dates stay 'YYYY-MM-DD' strings (a council date has no time zone), bigints strings.
    parsers: {
      [pgliteTypes.DATE]: (value) => value,
      [INT8_OID]: (value) => value,
    },
  });
  await client.waitReady;
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

const unlisteners = new Map();

port.on('message', async (message) => {
  try {
    switch (message.type) {
      case 'query': {
        const result = await client.query(message.sql, message.params);
        send({ type: 'result', id: message.id, rows: result.rows, ...(result.affectedRows ? { affectedRows: result.affectedRows } : {}) });
        return;
      }
      case 'listen': {
        // The callback runs before the notifying query's answer is sent, so the server hears of a change before the
        // query that made it returns (src/db/data-version-watch.ts relies on it).
        if (!unlisteners.has(message.channel))
          unlisteners.set(message.channel, await client.listen(message.channel, () => send({ type: 'notify', channel: message.channel })));
        send({ type: 'done', id: message.id });
        return;
      }
      case 'unlisten': {
        await unlisteners.get(message.channel)?.();
        unlisteners.delete(message.channel);
        send({ type: 'done', id: message.id });
        return;
      }
      case 'close': {
        await client.close();
        send({ type: 'done', id: message.id });
        port.close();
        return;
      }
    }
  } catch (error) {
    send({ type: 'error', id: message.id, error: fieldsOf(error) });
  }
});

send({ type: 'ready' });
