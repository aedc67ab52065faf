/**
 * How many cases a fuzz test runs (and how many kills a crash test makes). The defaults keep `.ci/run` (the whole suite on both engines, on a 2-core
 * machine) well within its time; seeds are fixed, so each run repeats the same cases and a deeper search is a
 * choice: QUORUM_FUZZ_SCALE=4 runs four times as many (docs/operations.md).
 */
const scale = Number(process.env.QUORUM_FUZZ_SCALE ?? '1');
if (!Number.isFinite(scale) || scale <= 0) throw new Error(`QUORUM_FUZZ_SCALE: "${process.env.QUORUM_FUZZ_SCALE}" is not a positive number`);

export function fuzzRuns(base: number): number {
  return Math.max(1, Math.round(base * scale));
}
