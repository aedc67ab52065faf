import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The real council papers, read where they live (never copied into the repository). */
export const seedsDir = path.resolve(repoRoot, '../shared/seeds');
export const goldFactsFile = path.resolve(repoRoot, '../shared/gold/seed-facts.json');

export function seedFile(prefix: string): string {
  const name = fs.readdirSync(seedsDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`No seed paper starting with ${prefix} in ${seedsDir}`);
  return path.join(seedsDir, name);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function goldFacts(): any {
  return JSON.parse(fs.readFileSync(goldFactsFile, 'utf8'));
}
