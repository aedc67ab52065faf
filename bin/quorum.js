#!/usr/bin/env node
// The published entry point: run the TypeScript CLI through tsx so one process owns the work.
import { register } from 'tsx/esm/api';
register();
// backup and restore load only their own modules (src/cli/lean-main.ts): they must fit a small heap at any size.
const lean = process.argv[2] === 'backup' || process.argv[2] === 'restore';
await import(lean ? '../src/cli/lean-main.ts' : '../src/cli/main.ts');
