// The embedded database's worker thread, in JavaScript: a worker does not inherit the TypeScript loader, so it loads
// the TypeScript worker through tsx's API (as src/import/prepare-worker.mjs does).
import { tsImport } from 'tsx/esm/api';

await tsImport('./pglite-worker.ts', import.meta.url);
