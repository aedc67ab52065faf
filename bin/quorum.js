#!/usr/bin/env node
// The published entry point: run the TypeScript CLI through tsx so one process owns the work.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
