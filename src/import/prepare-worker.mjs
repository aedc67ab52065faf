// The worker thread's entry, in JavaScript: a worker does not inherit the TypeScript loader, so it loads the
// TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./prepare-worker.ts', import.meta.url);
