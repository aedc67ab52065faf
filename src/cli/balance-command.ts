/**
 * `quorum balance --input file.json`: the political balance calculator on the command line. Reads group sizes,
 * members in no group and bodies as JSON (a file, or - for standard input) and writes the allocation as JSON on
 * standard output (src/domain/political-balance/calculator.ts). No database is opened.
 */
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { BalanceInputError } from '../domain/political-balance/allocate.ts';
import { balanceCalculator, calculatorProblems } from '../domain/political-balance/calculator.ts';

export function registerBalanceCommand(program: Command): void {
  program
    .command('balance')
    .description('allocate committee seats to political groups (LGHA 1989 s.15): JSON in, JSON out')
    .requiredOption('--input <file>', 'JSON file of groups, ungroupedMembers, vacancies and bodies (- for standard input)')
    .action(async (options: { input: string }) => {
      const text =
        options.input === '-'
          ? await readStdin()
          : await fs.readFile(options.input, 'utf8').catch((error: NodeJS.ErrnoException) => {
              throw new Error(`--input: cannot read ${options.input}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
            });
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        throw new Error(`${options.input}: not JSON: ${(error as Error).message}`);
      }
      try {
        process.stdout.write(`${JSON.stringify(balanceCalculator(raw), null, 2)}\n`);
      } catch (error) {
        if (error instanceof z.ZodError) throw new Error(`${options.input}: ${calculatorProblems(error).join('; ')}`);
        if (error instanceof BalanceInputError) throw new Error(`${options.input}: ${error.message}`);
        throw error;
      }
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
