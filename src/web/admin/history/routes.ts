import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listHistory } from '../../../db/repositories/committee-admin.ts';
import { NotFound } from '../../../http/errors.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { ROUTES } from '../../../http/routes.ts';
import { presentHistory } from './presenter.ts';

export const HistoryParamsSchema = z.object({
  table: z.string().regex(/^[a-z][a-z_]{0,62}$/),
  id: z.string().min(1).max(200),
});

/** /admin/history/:table/:id: the audit trail of any record, linked from each record's back-office page. */
export async function historyRoutes(app: FastifyInstance, { database }: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.history'], async (request, reply) => {
    const params = HistoryParamsSchema.safeParse(request.params);
    if (!params.success) throw NotFound('No history for that record');
    const entries = await listHistory(database.db, params.data.table, params.data.id);
    if (!entries.length) throw NotFound('No history for that record');
    return reply.view('admin/history.njk', {
      pageTitle: `History of ${params.data.table.replaceAll('_', ' ')} ${params.data.id}`,
      table: params.data.table.replaceAll('_', ' '),
      recordId: params.data.id,
      entries: presentHistory(entries),
    });
  });
}
