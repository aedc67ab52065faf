/**
 * The members' roster in the back office (issue 18 item 2): upload a CSV or XLSX, see every line's changes or every
 * problem (line, column, message), confirm to save all of it; download the roster on a day in the same columns.
 * The confirmation carries the file's lines (not a server-side copy), and the service checks them again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ROSTER_COLUMNS } from '../../../domain/members/roster.ts';
import { todayInLondon } from '../../../domain/dates.ts';
import { isIsoDate } from '../../../domain/allowances/dates.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { MAX_ROSTER_LINES, readRosterFile, type LineProblem, type RosterFileLine } from '../../../services/members/roster-file.ts';
import { membersImporter, type MembersImport } from '../../../services/members/roster-importer.ts';
import { rosterExporter } from '../../../services/members/roster-exporter.ts';
import { optionalUploadedFile } from '../../shared/uploads.ts';
import { formErrors } from '../../shared/forms.ts';
import { memberPhotoList } from './photo-routes.ts';
import { longDate } from '../presenters.ts';

const FromSchema = z.string().trim().refine(isIsoDate, 'Enter the day the roster takes effect as a real date');
const CellsSchema = z.partialRecord(z.enum(ROSTER_COLUMNS), z.string().max(2000));
const ConfirmSchema = z.object({
  from: FromSchema,
  lines: z.string().transform((text, context) => {
    try {
      return z
        .array(z.object({ line: z.number().int().positive(), cells: CellsSchema }))
        .max(MAX_ROSTER_LINES)
        .parse(JSON.parse(text));
    } catch {
      context.addIssue({ code: 'custom', message: 'The confirmation is damaged: upload the file again' });
      return z.NEVER;
    }
  }),
});
const ExportQuery = z.object({ on: z.string().optional() });

export async function memberRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.members'], (request, reply) => getMembers(deps, request, reply));
  app.post(ROUTES['admin.members.upload'], { config: { files: ['rosterFile'] } }, (request, reply) => postMembersUpload(deps, request, reply));
  app.post(ROUTES['admin.members.confirm'], (request, reply) => postMembersConfirm(deps, request, reply));
  app.get(ROUTES['admin.members.csv'], (request, reply) => exportRoster(deps, 'csv', request, reply));
  app.get(ROUTES['admin.members.xlsx'], (request, reply) => exportRoster(deps, 'xlsx', request, reply));
}

async function uploadPage(deps: FeatureDeps, reply: FastifyReply, values: { from: string }, problems: LineProblem[] = [], status = 200) {
  const { database } = deps;
  const fieldOf = (problem: LineProblem) => (problem.field === 'from' ? 'from' : 'rosterFile');
  const photoMembers = await memberPhotoList(database);
  return reply.code(status).view('admin/members.njk', {
    photoMembers,
    pageTitle: `${problems.length ? 'Error: ' : ''}Members, groups and committees`,
    values,
    columns: ROSTER_COLUMNS,
    // Problems of the file's lines are listed in a table too, to work through with the spreadsheet open.
    problems: problems.filter((problem) => problem.line > 0),
    errors: problems.length
      ? formErrors(
          problems.map((problem) => ({
            field: fieldOf(problem),
            message: problem.line > 0 ? `Line ${problem.line}, ${problem.field}: ${problem.message}` : problem.message,
          })),
        )
      : undefined,
    exportCsv: linkTo('admin.members.csv'),
    exportXlsx: linkTo('admin.members.xlsx'),
  });
}

function previewPage(deps: FeatureDeps, reply: FastifyReply, filename: string, from: string, lines: RosterFileLine[], outcome: MembersImport) {
  return reply.view('admin/members-preview.njk', {
    pageTitle: 'Check the changes before saving',
    filename,
    from,
    fromText: longDate(from),
    lines: outcome.lines.map((line) => ({ ...line, href: line.isNew ? undefined : linkTo('person.show', { id: line.personId }) })),
    changed: outcome.lines.filter((line) => line.changes.length).length,
    payload: JSON.stringify(lines),
  });
}

async function exportRoster(deps: FeatureDeps, format: 'csv' | 'xlsx', request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const query = ExportQuery.parse(request.query ?? {});
  const day = query.on && isIsoDate(query.on) ? query.on : todayInLondon();
  const exported = await rosterExporter({ db: database.db, day, format });
  return reply.header('content-type', exported.mediaType).header('content-disposition', `attachment; filename="${exported.filename}"`).send(exported.body);
}

async function getMembers(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  return uploadPage(deps, reply, { from: todayInLondon() });
}

async function postMembersUpload(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const body = (request.body ?? {}) as Record<string, unknown>;
  const from = typeof body.from === 'string' ? body.from.trim() : '';
  const values = { from };
  const fromProblem = FromSchema.safeParse(from).success ? [] : [{ line: 0, field: 'from', message: 'Enter the day the roster takes effect as a real date' }];
  const file = optionalUploadedFile.safeParse(body.rosterFile);
  if (!file.success || !file.data)
    return uploadPage(deps, reply, values, [...fromProblem, { line: 0, field: 'rosterFile', message: 'Choose a CSV or Excel (.xlsx) file' }], 400);
  if (fromProblem.length) return uploadPage(deps, reply, values, fromProblem, 400);
  const read = await readRosterFile(file.data.filename, file.data.data);
  if ('problems' in read) return uploadPage(deps, reply, values, read.problems, 400);
  const outcome = await membersImporter({ database, actor: request.user!, authorityName: config.authorityName, lines: read.lines, from, commit: false });
  if (outcome.problems.length) return uploadPage(deps, reply, values, outcome.problems, 400);
  return previewPage(deps, reply, file.data.filename, from, read.lines, outcome);
}

async function postMembersConfirm(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const parsed = ConfirmSchema.safeParse(request.body ?? {});
  if (!parsed.success)
    return uploadPage(
      deps,
      reply,
      { from: todayInLondon() },
      parsed.error.issues.map((issue) => ({ line: 0, field: issue.path[0] === 'from' ? 'from' : 'rosterFile', message: issue.message })),
      400,
    );
  const { from, lines } = parsed.data;
  const outcome = await membersImporter({ database, actor: request.user!, authorityName: config.authorityName, lines, from, commit: true });
  // Someone may have changed the record since the preview: the problems are shown as for a fresh upload.
  if (!outcome.committed) return uploadPage(deps, reply, { from }, outcome.problems, 400);
  return reply.view('admin/members-saved.njk', {
    pageTitle: 'Members saved',
    saved: outcome.lines.filter((line) => line.changes.length).length,
    total: outcome.lines.length,
    fromText: longDate(from),
    membersHref: linkTo('admin.members'),
    councillorsHref: linkTo('person.list'),
  });
}
