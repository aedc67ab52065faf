/**
 * A benchmark corpus: the seed papers replicated until it reaches a target size, each copy with its years shifted,
 * members' family names changed and decision numbers altered, so no copy is a duplicate (each imports as new
 * meetings, people and records, as a council's archive over many years would).
 */
import fs from 'node:fs';
import path from 'node:path';

const HONORIFIC_NAME = /\b(?:Mr|Mrs|Miss|Ms|Dr)\s+(?:[A-Z]{1,3}\s+)*([A-Z][a-z]+(?:-[A-Z][a-z]+)?)/g;

/** Letters for copy k: 1 -> "a", 26 -> "z", 27 -> "aa": appended to family names they stay names. */
function suffix(k: number): string {
  let text = '';
  let n = k;
  while (n > 0) {
    n--;
    text = String.fromCharCode(97 + (n % 26)) + text;
    n = Math.floor(n / 26);
  }
  return text;
}

export function varyPaper(text: string, copy: number): string {
  const families = new Set<string>();
  for (const match of text.matchAll(HONORIFIC_NAME)) families.add(match[1]!);
  let varied = text.replace(/\b(19|20)(\d\d)\b/g, (year) => String(Number(year) + copy));
  const tag = suffix(copy);
  for (const family of families) {
    varied = varied.replace(new RegExp(`\\b${family}\\b`, 'g'), `${family}${tag}`);
  }
  // Decision record numbers: "11-01654" -> "11-0<copy>..." so decisions do not collide either.
  varied = varied.replace(/\b(\d\d)-(\d{5})\b/g, (_m, year: string, number: string) => `${year}-${String((Number(number) + copy) % 100000).padStart(5, '0')}`);
  return varied;
}

export interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
}

/** Writes copies of every seed paper into `dir` until at least `targetBytes` are written. */
export function buildCorpus(seedsDir: string, dir: string, targetBytes: number): Corpus {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const seeds = fs
    .readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(seedsDir, name), 'utf8') }));
  const files: string[] = [];
  let bytes = 0;
  for (let copy = 1; bytes < targetBytes; copy++) {
    for (const seed of seeds) {
      const file = path.join(dir, `${String(copy).padStart(4, '0')}-${seed.name}`);
      const text = varyPaper(seed.text, copy);
      fs.writeFileSync(file, text);
      files.push(file);
      bytes += Buffer.byteLength(text);
    }
  }
  return { dir, files, bytes };
}
