import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import { z } from 'zod';
import { auditActors, auditTables, listHistory, namesOf, searchAudit } from '../../../db/repositories/audit-trail.ts';
import { idsIn, recordKind } from '../../../domain/audit/events.ts';
import { NotFound } from '../../../http/errors.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { formErrors } from '../../shared/form-errors.ts';
import { presentHistory, presentTrail } from './presenter.ts';

export const HistoryParamsSchema = z.object({
  table: z.string().regex(/^[a-z][a-z_]{0,62}$/),
  id: z.string().min(1).max(200),
});

/**
 * /admin/history/:table/:id: the audit trail of any record, linked from each record's back-office page; /admin/audit:
 * the whole trail with filters (issue 18: a readable audit trail, names instead of ids, every publish, approve and
 * withdraw event named).
 */
export async function historyRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.history'], (request, reply) => getHistory(deps, request, reply));

  // The whole trail, newest first, filtered by who, what kind of record, which record and when.
  app.get(ROUTES['admin.audit'], (request, reply) => getAudit(deps, request, reply));
}

async function getHistory(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const params = HistoryParamsSchema.safeParse(request.params);
  if (!params.success) throw NotFound('No history for that record');
  const entries = await listHistory(database.db, params.data.table, params.data.id);
  if (!entries.length) throw NotFound('No history for that record');
  const names = await namesOf(database.db, [params.data.id, ...idsIn(entries.flatMap((entry) => [entry.before, entry.after]))]);
  return reply.view('admin/history.njk', {
    pageTitle: `History of ${recordKind(params.data.table)} ${names.get(params.data.id) ?? params.data.id}`,
    table: recordKind(params.data.table),
    recordId: params.data.id,
    recordName: names.get(params.data.id),
    entries: presentHistory(entries, { table: params.data.table, names }),
  });
}

async function getAudit(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const parsed = AuditQuerySchema.safeParse(request.query ?? {});
  const [actors, tables] = await Promise.all([auditActors(database.db), auditTables(database.db)]);
  const options = {
    actors: actors.map((row) => ({ value: row.actor, text: row.name ?? describeActorId(row.actor) })),
    kinds: tables.map((table) => ({ value: table, text: recordKind(table) })),
  };
  if (!parsed.success) {
    return reply
      .code(400)
      .view('admin/audit.njk', { pageTitle: 'Error: Audit trail', errors: formErrors(parsed.error), filter: request.query ?? {}, options, entries: [] });
  }
  const filter = parsed.data;
  const rows = await searchAudit(database.db, { ...filter, limit: PAGE + 1 });
  const page = rows.slice(0, PAGE);
  const names = await namesOf(database.db, [
    ...page.flatMap((row) => (row.recordId ? [row.recordId] : [])),
    ...idsIn(page.flatMap((row) => [row.before, row.after])),
  ]);
  const older =
    rows.length > PAGE
      ? `${linkTo('admin.audit')}?${new URLSearchParams(Object.entries({ ...filter, before: page.at(-1)!.id }).filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== '')).toString()}`
      : null;
  return reply.view('admin/audit.njk', { pageTitle: 'Audit trail', filter, options, entries: presentTrail(page, names), older });
}

const PAGE = 50;

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .refine(
    (value) =>
      value === undefined ||
      (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)),
    'Enter a real date, like 2026-03-04',
  );

export const AuditQuerySchema = z
  .object({
    actor: optionalText,
    table: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || /^[a-z][a-z_]{0,62}$/.test(value), 'Choose a kind of record from the list'),
    recordId: optionalText,
    from: optionalDate,
    to: optionalDate,
    before: z
      .string()
      .regex(/^\d{1,19}$/, 'must be an entry number')
      .optional(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { path: ['to'], message: 'The end date must be on or after the start date' });

function describeActorId(actor: string): string {
  if (actor === 'system') return 'The system (import or maintenance)';
  if (actor === 'cli') return 'The command line';
  return actor;
}
