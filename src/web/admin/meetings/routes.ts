/** Scheduling meetings and running them: agenda, publication, attendance, declarations, minutes, votes, approval. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import * as store from '../../../db/queries/admin/meeting-pages.ts';
import {
  agendaItemAdder,
  agendaItemEditor,
  AgendaItemFieldsSchema,
  agendaPublisher,
  agendaWithdrawer,
  CancellationSchema,
  meetingCanceller,
  MeetingDetailsSchema,
  meetingEditor,
  meetingScheduler,
  MeetingFieldsSchema,
} from '../../../services/committee/meetings.ts';
import {
  attendanceRecorder,
  AttendanceFieldsSchema,
  declarationRecorder,
  DeclarationFieldsSchema,
  minuteEditor,
  MinuteFieldsSchema,
  minuteWriter,
  voteEventRecorder,
  VoteEventFieldsSchema,
} from '../../../services/committee/proceedings.ts';
import { CorrectionFieldsSchema, minuteCorrector, minutesPublisher, minutesWithdrawer } from '../../../services/committee/minutes-workflow.ts';
import { registerLifecycleRoutes } from './lifecycle-routes.ts';
import { NotFound } from '../../../http/errors.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { formAction } from '../form-action.ts';
import { todayInLondon } from '../../../domain/dates.ts';
import { formErrors, type Problem } from '../../shared/forms.ts';
import { longDate, personName, selectItems } from '../presenters.ts';
import { renderMeetingHub, type HubForm } from './hub.ts';
import { readReportForm } from '../report-form.ts';
import { listPersonChoices } from '../../../db/records/people.ts';
import { listBodyRows } from '../../../db/records/bodies.ts';
import { findMeetingForEdit } from '../../../db/records/meetings.ts';
import { findAgendaItemRow } from '../../../db/records/agenda-items.ts';

const IdParams = z.object({ id: z.string().min(1).max(200) });
const VersionSchema = z.object({ version: z.string().regex(/^\d+$/, 'The form is out of date: open the page again') });
const Nothing = z.object({});
const PublishSchema = z.object({ confirmLate: z.preprocess((value) => value === 'yes', z.boolean()) });

/** Votes arrive as one field per member, vote-<person id> = for / against / abstain (or empty: did not vote). */
export const VoteEventFormSchema = z.preprocess((body) => {
  const fields = (body ?? {}) as Record<string, unknown>;
  const votes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) if (name.startsWith('vote-') && value) votes[name.slice(5)] = value;
  return { ...fields, votes };
}, VoteEventFieldsSchema);

type MinuteForm = 'edit' | 'vote' | 'correction';

export async function meetingRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  const { database } = deps;

  // ---- schedule ----
  app.get(ROUTES['admin.meeting.new'], (request, reply) => getMeetingNew(deps, request, reply));
  app.post(ROUTES['admin.meeting.new'], (request, reply) => postMeetingNew(deps, request, reply));
  app.get(ROUTES['admin.meeting'], (request, reply) => getMeeting(deps, request, reply));
  app.post(ROUTES['admin.meeting.details'], (request, reply) =>
    submitHubForm(deps, request, reply, 'details', MeetingDetailsSchema, (id, data, actor) => meetingEditor({ database, actor, id, ...data })),
  );
  app.post(ROUTES['admin.meeting.cancel'], (request, reply) =>
    submitHubForm(deps, request, reply, 'cancel', CancellationSchema, (id, data, actor) => meetingCanceller({ database, actor, id, ...data })),
  );
  // The agenda item form may carry the report as an uploaded PDF or DOCX: read it first, refuse it on its field.
  app.post(ROUTES['admin.meeting.agendaItems'], { config: { files: ['reportFile'] } }, (request, reply) => postMeetingAgendaItems(deps, request, reply));
  app.post(ROUTES['admin.meeting.attendance'], (request, reply) =>
    submitHubForm(deps, request, reply, 'attendance', AttendanceFieldsSchema, (meetingId, data, actor) =>
      attendanceRecorder({ database, actor, meetingId, ...data }),
    ),
  );
  app.post(ROUTES['admin.meeting.declarations'], (request, reply) =>
    submitHubForm(deps, request, reply, 'declaration', DeclarationFieldsSchema, (meetingId, data, actor) =>
      declarationRecorder({ database, actor, meetingId, ...data }),
    ),
  );
  app.post(ROUTES['admin.meeting.minutes'], (request, reply) =>
    submitHubForm(deps, request, reply, 'minute', MinuteFieldsSchema, (meetingId, data, actor) => minuteWriter({ database, actor, meetingId, ...data })),
  );
  app.post(ROUTES['admin.meeting.publishMinutes'], (request, reply) =>
    submitHubForm(deps, request, reply, 'publishMinutes', Nothing, (meetingId, _data, actor) => minutesPublisher({ database, actor, meetingId })),
  );
  // Withdrawing takes the papers off every public surface at once (issue 15); they can be published again.
  app.post(ROUTES['admin.meeting.withdrawMinutes'], (request, reply) =>
    submitHubForm(deps, request, reply, 'withdrawMinutes', Nothing, (meetingId, _data, actor) => minutesWithdrawer({ database, actor, meetingId })),
  );
  app.post(ROUTES['admin.meeting.withdrawAgenda'], (request, reply) =>
    submitHubForm(deps, request, reply, 'withdrawAgenda', Nothing, (meetingId, _data, actor) => agendaWithdrawer({ database, actor, meetingId })),
  );
  // Approval, its undo, deleting and withdrawing a meeting: confirmation pages of their own (lifecycle-routes.ts).
  registerLifecycleRoutes(app, database);

  // Publishing warns, and asks again, when the notice is shorter than five clear working days.
  app.post(ROUTES['admin.meeting.publishAgenda'], (request, reply) => postMeetingPublishAgenda(deps, request, reply));

  // ---- agenda items ----
  app.get(ROUTES['admin.agendaItem'], (request, reply) => getAgendaItem(deps, request, reply));
  app.post(ROUTES['admin.agendaItem'], (request, reply) => postAgendaItem(deps, request, reply));

  // ---- minutes ----

  app.get(ROUTES['admin.minute'], (request, reply) => getMinute(deps, request, reply));
  app.post(ROUTES['admin.minute'], (request, reply) =>
    submitMinuteForm(deps, request, reply, 'edit', MinuteFieldsSchema.extend(VersionSchema.shape), (id, data, actor) =>
      minuteEditor({ database, actor, id, ...data }),
    ),
  );
  app.post(ROUTES['admin.minute.voteEvents'], (request, reply) =>
    submitMinuteForm(deps, request, reply, 'vote', VoteEventFormSchema, (minuteId, data, actor) => voteEventRecorder({ database, actor, minuteId, ...data })),
  );
  app.post(ROUTES['admin.minute.corrections'], (request, reply) =>
    submitMinuteForm(deps, request, reply, 'correction', CorrectionFieldsSchema, (minuteId, data, actor) =>
      minuteCorrector({ database, actor, minuteId, ...data }),
    ),
  );
}

async function newMeetingPage(deps: FeatureDeps, reply: FastifyReply, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
  const { database } = deps;
  const db = database.db;
  const bodies = await listBodyRows(db);
  return reply.code(status).view('admin/meeting-new.njk', {
    pageTitle: `${problems.length ? 'Error: ' : ''}Schedule a meeting`,
    values,
    bodies: selectItems(
      bodies.map((body) => ({ value: body.id, text: body.name })),
      values.bodyId,
      'Choose the body',
    ),
    errors: problems.length ? formErrors(problems) : undefined,
  });
}

/** A hub form: on failure the meeting page is shown again with this form's values and errors. */
async function submitHubForm<S extends z.ZodType>(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  form: HubForm,
  schema: S,
  run: (id: string, data: z.infer<S>, actor: NonNullable<import('fastify').FastifyRequest['user']>) => Promise<unknown>,
) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema,
    body: values,
    run: async (data) => {
      const outcome = await run(id, data, request.user!);
      return typeof outcome === 'string' ? outcome : back(deps, id);
    },
    fail: (problems, status) => renderMeetingHub(reply, database, id, { form, values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function agendaItemPage(
  deps: FeatureDeps,
  reply: FastifyReply,
  id: string,
  failure?: { values: Record<string, unknown>; problems: Problem[]; status: number },
) {
  const { database } = deps;
  const db = database.db;
  const item = await findAgendaItemRow(db, id);
  if (!item) throw NotFound('Agenda item not found');
  const report = item.report_id ? await store.findReport(db, item.report_id) : undefined;
  const meeting = (await findMeetingForEdit(db, item.meeting_id))!;
  const current = {
    title: item.title,
    description: item.description ?? '',
    reportText: report?.full_text ?? '',
    exempt: item.exempt ? 'yes' : '',
    exemptParagraphs: item.exempt_paragraphs.map(String),
  };
  const values = failure
    ? { ...failure.values, exemptParagraphs: asStrings(failure.values.exemptParagraphs), version: item.version }
    : { ...current, version: item.version };
  return reply.code(failure?.status ?? 200).view('admin/agenda-item.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}Agenda item ${item.number}`,
    item,
    meeting: { ...meeting, longDate: longDate(meeting.date) },
    hasReport: Boolean(report),
    values,
    saved: failure?.status === 409 ? { title: item.title, description: item.description ?? '', report: report?.full_text ?? '' } : undefined,
    errors: failure ? formErrors(failure.problems) : undefined,
  });
}

async function minutePage(
  deps: FeatureDeps,
  reply: FastifyReply,
  id: string,
  failure?: { form: MinuteForm; values: Record<string, unknown>; problems: Problem[]; status: number },
) {
  const { database } = deps;
  const db = database.db;
  const minute = await store.findMinute(db, id);
  if (!minute) throw NotFound('Minute not found');
  const meeting = (await findMeetingForEdit(db, minute.meeting_id))!;
  const [resolutions, workflow, attendance, people, corrections, events] = await Promise.all([
    store.listResolutions(db, [minute.id]),
    store.findWorkflow(db, meeting.id),
    store.listAttendance(db, meeting.id),
    listPersonChoices(db),
    store.listMinuteCorrections(db, [minute.id]),
    store.listMeetingVoteEvents(db, meeting.id),
  ]);
  const votes = await store.listVotes(
    db,
    events.filter((event) => event.minute_id === minute.id).map((event) => event.id),
  );
  const current = { title: minute.title, text: minute.text, resolutions: resolutions.map((row) => row.text).join('\n'), exempt: minute.exempt ? 'yes' : '' };
  const edit = failure?.form === 'edit' ? { ...failure.values, version: minute.version } : { ...current, version: minute.version };
  const voteValues = failure?.form === 'vote' ? failure.values : {};
  // Those who can vote: members present and substitutes.
  const voters = attendance
    .filter((row) => row.status === 'present' || row.status === 'substitute')
    .map((row) => ({ id: row.person_id, name: row.printed_name, choice: voteValues[`vote-${row.person_id}`] ?? '' }));
  const peopleItems = (selected: unknown) =>
    selectItems(
      people.map((person) => ({ value: person.id, text: personName(person) })),
      selected,
      'Choose a member',
    );
  const errorsFor = (form: MinuteForm, prefix: string) => (failure?.form === form ? formErrors(failure.problems, prefix) : undefined);
  return reply.code(failure?.status ?? 200).view('admin/minute.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}Minute ${minute.number}`,
    minute,
    meeting: { ...meeting, longDate: longDate(meeting.date) },
    locked: Boolean(workflow?.minutes_approved_at),
    edit: { values: edit, errors: errorsFor('edit', '') },
    saved: failure?.form === 'edit' && failure.status === 409 ? current : undefined,
    vote: {
      values: voteValues,
      voters,
      movers: peopleItems(voteValues.moverId),
      seconders: peopleItems(voteValues.seconderId),
      errors: errorsFor('vote', 'vote-'),
    },
    events: events
      .filter((event) => event.minute_id === minute.id)
      .map((event) => ({ ...event, votes: votes.filter((vote) => vote.vote_event_id === event.id) })),
    correction: { values: failure?.form === 'correction' ? failure.values : {}, errors: errorsFor('correction', 'correction-') },
    corrections,
    error: failure ? formErrors(failure.problems, failure.form === 'edit' ? '' : `${failure.form}-`) : undefined,
  });
}

async function submitMinuteForm<S extends z.ZodType>(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  form: MinuteForm,
  schema: S,
  run: (id: string, data: z.infer<S>, actor: NonNullable<import('fastify').FastifyRequest['user']>) => Promise<unknown>,
) {
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema,
    body: values,
    run: async (data) => {
      await run(id, data, request.user!);
      return linkTo('admin.minute', { id });
    },
    fail: (problems, status) => minutePage(deps, reply, id, { form, values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

function back(deps: FeatureDeps, id: string) {
  return linkTo('admin.meeting', { id });
}

async function getMeetingNew(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  return newMeetingPage(deps, reply, { kind: 'ordinary' });
}

async function postMeetingNew(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: MeetingFieldsSchema,
    body: values,
    run: async (data) => back(deps, (await meetingScheduler({ database, actor: request.user!, ...data })).id),
    fail: (problems, status) => newMeetingPage(deps, reply, values, problems, status),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function getMeeting(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  return renderMeetingHub(reply, database, IdParams.parse(request.params).id);
}

async function postMeetingAgendaItems(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const { id } = IdParams.parse(request.params);
  const { values, reportFile, problem } = await readReportForm(request);
  const fail = (problems: Problem[], status: number) => renderMeetingHub(reply, database, id, { form: 'agenda', values, problems, status });
  if (problem) return fail([{ field: 'reportFile', message: problem }], 400);
  return formAction({
    schema: AgendaItemFieldsSchema,
    body: values,
    run: async (data) => {
      await agendaItemAdder({
        database,
        actor: request.user!,
        meetingId: id,
        authorityName: config.authorityName,
        ...data,
        ...(reportFile ? { reportFile } : {}),
      });
      return back(deps, id);
    },
    fail,
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function postMeetingPublishAgenda(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const db = database.db;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  let confirmation: unknown;
  const result = await formAction({
    schema: PublishSchema,
    body: values,
    run: async (data) => {
      const outcome = await agendaPublisher({
        database,
        actor: request.user!,
        meetingId: id,
        today: todayInLondon(),
        jurisdiction: config.holidays,
        confirmLate: data.confirmLate,
      });
      if (!outcome.published) {
        const meeting = await findMeetingForEdit(db, id);
        confirmation = reply.view('admin/publish-confirm.njk', {
          pageTitle: 'Publish the agenda with short notice?',
          meeting: { ...meeting, longDate: longDate(meeting!.date) },
          clearWorkingDays: outcome.clearWorkingDays,
          latestOnTime: longDate(outcome.latestOnTime),
        });
        return '';
      }
      return back(deps, id);
    },
    fail: (problems, status) => renderMeetingHub(reply, database, id, { form: 'publish', values, problems, status }),
    redirect: (url) => (url ? reply.redirect(url, 303) : confirmation),
  });
  return result;
}

async function getAgendaItem(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  return agendaItemPage(deps, reply, IdParams.parse(request.params).id);
}

async function postAgendaItem(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const db = database.db;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: AgendaItemFieldsSchema.extend(VersionSchema.shape),
    body: values,
    run: async (data) => {
      await agendaItemEditor({ database, actor: request.user!, id, ...data });
      const item = await findAgendaItemRow(db, id);
      return back(deps, item!.meeting_id);
    },
    fail: (problems, status) => agendaItemPage(deps, reply, id, { values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function getMinute(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  return minutePage(deps, reply, IdParams.parse(request.params).id);
}

function asStrings(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
