import type { Command } from 'commander';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { generateAuthorities } from '../services/generate/generator.ts';

const whole = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `--${name} must be a number` })
    .int(`--${name} must be a whole number`)
    .min(min, `--${name} must be at least ${min}`)
    .max(max, `--${name} must be at most ${max}`);

const OptionsSchema = z.object({
  authorities: whole('authorities', 1, 500),
  years: whole('years', 1, 50),
  seed: whole('seed', 0, 2 ** 31 - 1),
  meetingsPerYear: whole('meetings-per-year', 1, 5000),
});

export function registerGenerateCommand(program: Command, config: () => Config): void {
  program
    .command('generate')
    .description('fill an empty database with synthetic councils for benchmarks and tests (deterministic for a seed)')
    .option('--authorities <n>', 'how many authorities', '1')
    .option('--years <n>', 'years of meetings per authority (20 years = 15,000 meetings)', '20')
    .option('--seed <n>', 'the seed: the same seed gives the same data', '1')
    .option('--meetings-per-year <n>', 'meetings a year per authority', '750')
    .action(async (raw: Record<string, string>) => {
      const parsed = OptionsSchema.safeParse(raw);
      if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
      const handle = await openDatabase(config());
      try {
        await migrateToLatest(handle.db);
        const summary = await generateAuthorities(handle.db, parsed.data, (message) => console.error(message));
        console.log(
          `Generated ${summary.authorities} authorit${summary.authorities === 1 ? 'y' : 'ies'} in ${summary.seconds.toFixed(1)} s: ${Object.entries(
            summary.rows,
          )
            .map(([table, n]) => `${n} ${table}`)
            .join(', ')}`,
        );
      } finally {
        await handle.close();
      }
    });
}
