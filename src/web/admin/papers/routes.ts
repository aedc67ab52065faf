/**
 * The import review in the back office (issue 17 items 3 and 4), for democratic services: every imported paper with
 * its outcome; one paper's text beside what was extracted from it; a page per correction (a name link, a vote's
 * counts, a missed apology, a split minute); joining a minute to the one before; marking the paper checked; and
 * importing it again with the importer of today. Every correction re-imports the paper (correctionRecorder).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listImportedPapers, listUnrecognised, paperReview, peopleToLink } from '../../../db/queries/import-review.ts';
import { namesOf } from '../../../db/repositories/audit-trail.ts';
import { correctionsOfPaper } from '../../../db/repositories/import-review.ts';
import { NotFound } from '../../../http/errors.ts';
import type { SessionUser } from '../../../domain/roles.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { correctionRecorder, correctionRemover } from '../../../services/import-review/correction-recorder.ts';
import { paperChecker } from '../../../services/import-review/paper-checker.ts';
import { paperReimporter } from '../../../services/import-review/paper-reimporter.ts';
import { formAction } from '../form-action.ts';
import { formErrors, type Problem } from '../../shared/forms.ts';
import { longDate, selectItems, stamp } from '../presenters.ts';
import { presentPaperRow, presentReview } from './presenter.ts';

const IdParams = z.object({ id: z.string().min(1).max(200) });
const RemoveParams = IdParams.extend({ correctionId: z.string().min(1).max(200) });

/** Which record a correction page is about: from the review page's links. */
export const CorrectQuerySchema = z.object({
  kind: z.enum(['person-link', 'vote-count', 'apology', 'minute-split']),
  body: z.string().trim().min(1).max(300),
  date: z.iso.date(),
  key: z.string().trim().max(300).default(''),
  printed: z.string().trim().max(300).default(''),
});
type CorrectQuery = z.infer<typeof CorrectQuerySchema>;

/** The correction form's fields: the record (hidden) and what it should say. */
export const CorrectionFormSchema = z.object({
  kind: z.enum(['person-link', 'vote-count', 'apology', 'minute-split', 'minute-merge']),
  bodyName: z.string(),
  meetingDate: z.string(),
  recordKey: z.string().default(''),
  personId: z.string().optional(),
  for: z.string().optional(),
  against: z.string().optional(),
  abstain: z.string().optional(),
  line: z.string().optional(),
  number: z.string().optional(),
  title: z.string().optional(),
});

const TITLES: Record<CorrectQuery['kind'], string> = {
  'person-link': 'Correct who this is',
  'vote-count': 'Correct the vote counts',
  apology: 'Add a missed apology',
  'minute-split': 'Split a minute',
};

const actor = (request: { user: SessionUser | null }) => request.user!;
const review = (id: string) => linkTo('admin.paper', { id });

export async function paperRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.papers'], (request, reply) => getPapers(deps, request, reply));
  app.get(ROUTES['admin.paper'], (request, reply) => getPaper(deps, request, reply));
  app.get(ROUTES['admin.paper.correct'], (request, reply) => getPaperCorrect(deps, request, reply));
  app.post(ROUTES['admin.paper.corrections'], (request, reply) => postPaperCorrections(deps, request, reply));
  app.post(ROUTES['admin.paper.correction.remove'], (request, reply) => postPaperCorrectionRemove(deps, request, reply));
  app.post(ROUTES['admin.paper.check'], (request, reply) => postPaperCheck(deps, request, reply));
  app.post(ROUTES['admin.paper.reimport'], (request, reply) => postPaperReimport(deps, request, reply));
}

async function reviewPage(deps: FeatureDeps, reply: FastifyReply, id: string, failure?: { problems: Problem[]; status: number }) {
  const { database } = deps;
  const found = await paperReview(database.db, id);
  if (!found) throw NotFound('No imported paper with that id');
  const corrections = await correctionsOfPaper(database.db, found.source.content_hash);
  const linked = corrections.flatMap((correction) =>
    correction.kind === 'person-link' ? [String((correction.value as { personId?: unknown }).personId)] : [],
  );
  const view = presentReview(found, corrections, await namesOf(database.db, linked));
  return reply.code(failure?.status ?? 200).view('admin/paper.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}Review ${found.source.file_name}`,
    ...view,
    errors: failure ? formErrors(failure.problems) : undefined,
    links: {
      papers: linkTo('admin.papers'),
      corrections: linkTo('admin.paper.corrections', { id }),
      check: linkTo('admin.paper.check', { id }),
      reimport: linkTo('admin.paper.reimport', { id }),
    },
  });
}

async function correctPage(
  deps: FeatureDeps,
  reply: FastifyReply,
  id: string,
  query: CorrectQuery,
  failure?: { values: Record<string, unknown>; problems: Problem[]; status: number },
) {
  const { database } = deps;
  const found = await paperReview(database.db, id);
  if (!found) throw NotFound('No imported paper with that id');
  const meeting = found.meetings.find((candidate) => candidate.body_name === query.body && candidate.date === query.date);
  if (!meeting) throw NotFound('That meeting is not in this paper');
  const values = failure?.values ?? {};
  const people = query.kind === 'person-link' || query.kind === 'apology' ? await peopleToLink(database.db) : [];
  const current = found.attendance.find((entry) => entry.meeting_id === meeting.id && entry.printed_name === query.printed);
  const minute = found.minutes.find((entry) => entry.meeting_id === meeting.id && entry.number === query.key);
  const event =
    query.kind === 'vote-count'
      ? voteOf(
          found.voteEvents.filter((entry) => entry.meeting_id === meeting.id),
          query.key,
        )
      : undefined;
  return reply.code(failure?.status ?? 200).view('admin/paper-correct.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}${TITLES[query.kind]}`,
    heading: TITLES[query.kind],
    kind: query.kind,
    meeting: { bodyName: meeting.body_name, date: meeting.date, title: `${meeting.body_name}, ${longDate(meeting.date)}` },
    recordKey: query.key,
    printed: query.printed,
    people: selectItems(
      people.map((person) => ({ value: person.id, text: `${person.name} (${person.kind})` })),
      values.personId ?? current?.person_id,
      'Choose a person',
    ),
    minute,
    event: event && {
      for: values.for ?? event.for_count,
      against: values.against ?? event.against_count,
      abstain: values.abstain ?? event.abstain_count,
      lines: event.source_line_from,
    },
    split: { line: values.line ?? '', number: values.number ?? '', title: values.title ?? '' },
    errors: failure ? formErrors(failure.problems) : undefined,
    action: linkTo('admin.paper.corrections', { id }),
    back: review(id),
  });
}

async function getPapers(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const [papers, unrecognised] = await Promise.all([listImportedPapers(database.db), listUnrecognised(database.db)]);
  return reply.view('admin/papers.njk', {
    pageTitle: 'Imported papers',
    papers: papers.map(presentPaperRow),
    unrecognised: unrecognised.map((paper) => ({ ...paper, at: stamp(paper.updated_at) })),
  });
}

async function getPaper(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  return reviewPage(deps, reply, IdParams.parse(request.params).id);
}

async function getPaperCorrect(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { id } = IdParams.parse(request.params);
  const query = CorrectQuerySchema.safeParse(request.query ?? {});
  if (!query.success) throw NotFound("Choose a record to correct from the paper's review page");
  return correctPage(deps, reply, id, query.data);
}

async function postPaperCorrections(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database, config } = deps;
  const { id } = IdParams.parse(request.params);
  const body = (request.body ?? {}) as Record<string, unknown>;
  const form = CorrectionFormSchema.safeParse(body);
  if (!form.success) throw NotFound("Choose a record to correct from the paper's review page");
  const { kind, bodyName, meetingDate, recordKey, ...fields } = form.data;
  const value = Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined));
  const query: CorrectQuery = {
    kind: kind === 'minute-merge' ? 'minute-split' : kind,
    body: bodyName,
    date: meetingDate,
    key: recordKey,
    printed: String(body.printed ?? ''),
  };
  return formAction({
    schema: z.object({}),
    body: {},
    run: async () => {
      await correctionRecorder({
        database,
        authorityName: config.authorityName,
        sourceId: id,
        actor: actor(request),
        correction: { kind, bodyName, meetingDate, recordKey, value },
      });
      return review(id);
    },
    fail: (problems, status) =>
      kind === 'minute-merge' ? reviewPage(deps, reply, id, { problems, status }) : correctPage(deps, reply, id, query, { values: fields, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function postPaperCorrectionRemove(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database, config } = deps;
  const { id, correctionId } = RemoveParams.parse(request.params);
  await correctionRemover({ database, authorityName: config.authorityName, sourceId: id, actor: actor(request), correctionId });
  return reply.redirect(review(id), 303);
}

async function postPaperCheck(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const checked = (request.body as Record<string, unknown> | undefined)?.checked !== 'no';
  await paperChecker({ database, sourceId: id, actor: actor(request), checked });
  return reply.redirect(review(id), 303);
}

async function postPaperReimport(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database, config } = deps;
  const { id } = IdParams.parse(request.params);
  return formAction({
    schema: z.object({}),
    body: {},
    run: async () => {
      await paperReimporter({ database, authorityName: config.authorityName, sourceId: id, actor: actor(request) });
      return review(id);
    },
    fail: (problems, status) => reviewPage(deps, reply, id, { problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

/** The recorded vote a key names: its minute's number and its place among that minute's votes (domain voteKey). */
function voteOf<T extends { minute_number: string | null }>(events: T[], key: string): T | undefined {
  const [minuteNumber, place] = [key.slice(0, key.lastIndexOf('#')), Number(key.slice(key.lastIndexOf('#') + 1))];
  return events.filter((event) => (event.minute_number ?? '') === minuteNumber)[place - 1];
}
