import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import { findPublicReport, reportAgendaItems, reportDecisions } from '../../db/queries/portal/reports.ts';
import { readFile } from '../../db/repositories/stored-files.ts';
import { NotFound } from '../../http/errors.ts';
import { attachmentDisposition } from '../shared/uploads.ts';
import { presentReport } from './presenters/report.ts';
import { ROUTES } from '../../http/routes.ts';
import { RecordParamSchema } from './params.ts';
import { idFromSlug } from './slugs.ts';
import { readerFor } from '../../http/reader.ts';
import { etagMatches } from '../../http/page-cache.ts';

export function registerReportRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['report.show'], (request, reply) => getReportShow(database, request, reply));

  // The uploaded original, under the same rule as the page: an exempt report's file is "not found" too. Caches must
  // ask again on every use (no-cache), so a report made exempt stops being served at once, by us and by every cache
  // on the way; the file is stored by its SHA-256, which serves as its ETag, so asking again costs a 304.
  app.get(ROUTES['report.original'], (request, reply) => getReportOriginal(database, request, reply));
}

async function getReportShow(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  const db = readerFor(database, request);
  const params = RecordParamSchema.safeParse(request.params);
  if (!params.success) throw NotFound('Report not found');
  // An exempt report is "not found" for the public, exactly like a missing one: its existence says nothing more.
  const report = await findPublicReport(db, idFromSlug('report', params.data.id));
  if (!report) throw NotFound('Report not found');
  const view = presentReport(report, await reportAgendaItems(db, report.id), await reportDecisions(db, report.id));
  return reply.view('portal/report.njk', { view });
}

async function getReportOriginal(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  const db = readerFor(database, request);
  const params = RecordParamSchema.safeParse(request.params);
  if (!params.success) throw NotFound('Report not found');
  const report = await findPublicReport(db, idFromSlug('report', params.data.id));
  if (!report?.original_file_sha256) throw NotFound('Report not found');
  const etag = `"${report.original_file_sha256}"`;
  reply.header('cache-control', 'public, no-cache').header('etag', etag);
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  const content = await readFile(db, report.original_file_sha256);
  if (!content) throw NotFound('Report not found');
  return reply
    .header('content-type', report.original_media_type ?? 'application/octet-stream')
    .header('content-disposition', attachmentDisposition(report.original_filename ?? 'report'))
    .send(content);
}
