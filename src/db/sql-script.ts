import { sql, type Kysely } from 'kysely';

/**
 * Runs a script of several SQL statements one by one: PGlite's extended protocol (like pg with parameters)
 * takes a single statement per query. Splits on semicolons outside quotes, comments and $$ bodies.
 */
export async function runSqlScript(db: Kysely<any>, script: string): Promise<void> {
  for (const statement of splitSqlStatements(script)) {
    await sql.raw(statement).execute(db);
  }
}

export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  let inDollar = false;
  let inQuote = false;
  while (i < script.length) {
    const ch = script[i]!;
    const next = script[i + 1];
    if (!inQuote && !inDollar && ch === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
      current += '\n';
      continue;
    }
    if (!inQuote && ch === '$' && next === '$') {
      inDollar = !inDollar;
      current += '$$';
      i += 2;
      continue;
    }
    if (!inDollar && ch === "'") inQuote = !inQuote;
    if (!inQuote && !inDollar && ch === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
