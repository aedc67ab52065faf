/**
 * FEATURES is one ordered literal: auth first (its hooks must apply to every later capability), each capability
 * once, and every Feature a capability exports is in it (a capability written but never registered serves nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authFeature } from '../web/auth/plugin.ts';
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

  it('is built by no code but its own literal', () => {
    const mutations = sources(srcDir).filter((file) => /\bFEATURES\s*\.\s*(push|unshift|splice)\b|\bFEATURES\s*=/.test(readFileSync(file, 'utf8')));
    expect(mutations.map((file) => path.relative(srcDir, file))).toEqual([]);
  });
});
