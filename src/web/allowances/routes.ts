/**
 * Allowances pages: the public statutory annual statement (HTML and CSV) and the schemes; a member's own pages
 * (my-routes.ts) and the democratic services back office (admin-routes.ts), each guarding itself with requireRole.
 */
import { z } from 'zod';
import { findScheme, latestRecordedDay, listSchemes } from '../../db/repositories/allowances.ts';
import { allowanceYear, allowanceYearOf, parseYearLabel } from '../../domain/allowances/dates.ts';
import { penceToDecimal } from '../../domain/allowances/money.ts';
import { buildStatement } from '../../services/allowances/statement.ts';
import { NotFound, ValidationError } from '../../http/errors.ts';
import type { FeatureDeps } from '../../http/feature.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { presentScheme, presentStatement } from './presenter.ts';
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import { csvText } from '../../domain/csv.ts';
import { todayInLondon } from '../../domain/dates.ts';

export const StatementQuerySchema = z.object({
  year: z
    .string()
    .optional()
    .refine((value) => value === undefined || parseYearLabel(value) !== undefined, 'must be a year like 2011/12'),
});
export type StatementQuery = z.infer<typeof StatementQuerySchema>;

const SchemeParamsSchema = z.object({ id: z.string().regex(/^allowance-scheme-[0-9a-f]{16}$/) });

/**
 * The years a statement can be asked for: from the earliest scheme's first year to the last year any scheme is in
 * force, and no later than the current year (an open-ended scheme runs to today).
 */
async function statementYears(db: Parameters<typeof listSchemes>[0], today: string): Promise<{ years: string[]; latest?: string }> {
  const schemes = await listSchemes(db);
  if (schemes.length === 0) return { years: [] };
  const startYear = (date: string) => Number(allowanceYearOf(date).label.slice(0, 4));
  const first = startYear(schemes.at(-1)!.effective_from);
  const ends = schemes.map((scheme) => (scheme.effective_to === null || scheme.effective_to > today ? today : scheme.effective_to));
  const last = Math.max(first, ...ends.map(startYear));
  const years: string[] = [];
  for (let year = last; year >= first; year--) years.push(allowanceYear(year).label);
  // The statement opens on the latest year with records, not on a current year nobody has claimed in yet.
  const recorded = await latestRecordedDay(db);
  const recordedYear = recorded ? allowanceYearOf(recorded).label : undefined;
  return { years, latest: recordedYear && years.includes(recordedYear) ? recordedYear : years[0] };
}

export async function registerStatementRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['allowances.statement'], (request, reply) => getAllowancesStatement(deps, request, reply));
  app.get(ROUTES['allowances.statement.csv'], (request, reply) => getAllowancesStatementCsv(deps, request, reply));
  app.get(ROUTES['allowances.scheme'], (request, reply) => getAllowancesScheme(deps, request, reply));
}

async function statementFor(deps: FeatureDeps, query: unknown) {
  const { database } = deps;
  const { db } = database;
  const parsed = StatementQuerySchema.safeParse(query);
  if (!parsed.success) throw ValidationError(parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'year'), message: issue.message })));
  const { years, latest } = await statementYears(db, todayInLondon());
  const label = parsed.data.year ?? latest;
  const year = label ? parseYearLabel(label)! : undefined;
  return { statement: year ? await buildStatement(db, year) : undefined, years };
}

async function getAllowancesStatement(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const { statement, years } = await statementFor(deps, request.query);
  const schemes = (await listSchemes(db)).map((scheme) => ({
    title: scheme.title,
    status: scheme.status,
    href: linkTo('allowances.scheme', { id: scheme.id }),
  }));
  return reply.view('allowances/statement.njk', { view: statement ? presentStatement(statement, years) : null, schemes, currentNav: 'allowances' });
}

async function getAllowancesStatementCsv(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { statement } = await statementFor(deps, request.query);
  if (!statement) throw NotFound('There is no allowances scheme yet');
  // Regulation 15's sums paid in the year first, then what accrued for the year.
  const heads = ['Basic allowance', 'Special responsibility allowance', "Co-optees' allowance", 'Travel', 'Subsistence', "Dependants' carers"];
  const header = [
    'Member',
    ...heads.map((head) => `Paid: ${head}`),
    'Paid: Total',
    ...heads.map((head) => `Accrued: ${head}`),
    'Accrued: Forgone',
    'Accrued: Total',
  ];
  const rows = statement.rows.map((row) => [
    row.name,
    ...[
      row.paid.basicPence,
      row.paid.sraPence,
      row.paid.coOpteePence,
      row.paid.travelPence,
      row.paid.subsistencePence,
      row.paid.carersPence,
      row.paid.totalPence,
    ].map(penceToDecimal),
    ...[row.basicPence, row.sraPence, row.coOpteePence, row.travelPence, row.subsistencePence, row.carersPence, row.forgonePence, row.totalPence].map(
      penceToDecimal,
    ),
  ]);
  const fileName = `allowances-${statement.year.label.replace('/', '-')}.csv`;
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(csvText(header, rows));
}

async function getAllowancesScheme(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const params = SchemeParamsSchema.safeParse(request.params);
  if (!params.success) throw NotFound('Allowances scheme not found');
  const detail = await findScheme(db, params.data.id);
  if (!detail) throw NotFound('Allowances scheme not found');
  return reply.view('allowances/scheme.njk', { view: presentScheme(detail), currentNav: 'allowances' });
}
