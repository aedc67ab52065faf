/**
 * FEATURES is one ordered literal: auth first (its hooks must apply to every later capability), each capability
 * once, and every Feature a capability exports is in it (a capability written but never registered serves nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authFeature } from '../web/auth/feature.ts';
import { FEATURES } from './features.ts';

const srcDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('FEATURES', () => {
  it('registers auth first and every capability once', () => {
    expect(FEATURES[0]).toBe(authFeature);
    expect(new Set(FEATURES).size).toBe(FEATURES.length);
  });

  it('holds every Feature that src/web and src/api export', async () => {
    const exported: unknown[] = [];
    for (const file of [...sources(path.join(srcDir, 'web')), ...sources(path.join(srcDir, 'api'))]) {
      const names = [...readFileSync(file, 'utf8').matchAll(/export const (\w+): Feature\b/g)].map((match) => match[1]!);
      if (!names.length) continue;
      const module = (await import(file)) as Record<string, unknown>;
      for (const name of names) exported.push(module[name]);
    }
    expect(exported.length).toBeGreaterThanOrEqual(12);
    expect(exported.filter((feature) => !FEATURES.includes(feature as never))).toEqual([]);
  });

  // One place to look for a capability's wiring (docs/architecture.md, "Where a new capability's files go"): a file
  // that declares a Feature is its folder's feature.ts, never a route file. Reading the type's import catches every
  // way of writing one (`const x: Feature`, `satisfies Feature`, a function typed as it).
  it('takes each capability of src/web from its feature.ts alone', () => {
    const declaring = sources(path.join(srcDir, 'web')).filter((file) => /import type \{[^}]*\bFeature\b[^}]*\}/.test(readFileSync(file, 'utf8')));
    expect(declaring.length).toBeGreaterThanOrEqual(10);
    expect(declaring.filter((file) => path.basename(file) !== 'feature.ts').map((file) => path.relative(srcDir, file))).toEqual([]);
  });

  it('is built by no code but its own literal', () => {
    const mutations = sources(srcDir).filter((file) => /\bFEATURES\s*\.\s*(push|unshift|splice)\b|\bFEATURES\s*=/.test(readFileSync(file, 'utf8')));
    expect(mutations.map((file) => path.relative(srcDir, file))).toEqual([]);
  });
});
