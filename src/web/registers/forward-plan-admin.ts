/**
 * The forward plan in the back office: officers draft entries; democratic services publish the notice (the
 * regulations' notice rules checked, the general exception and special urgency explained when they apply), record
 * representations about a private meeting and the response, withdraw an entry, and record the decision.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/registers/forward-plan.ts';
import { councilRules } from '../../domain/council-rules.ts';
import { clearDaysBetween } from '../../domain/forward-plan/clear-days.ts';
import { NOTICE_ROUTE_LABELS, NOTICE_ROUTES, needsNotice, routeCovers, routeFor } from '../../domain/forward-plan/notice.ts';
import { personName } from '../../services/political-balance/person-name.ts';
import {
  decisionRecorder,
  factsOf,
  forwardPlanEntryPublisher,
  forwardPlanEntrySaver,
  forwardPlanEntryWithdrawer,
  representationRecorder,
  representationResponder,
  type EntryInput,
} from '../../services/registers/forward-plan.ts';
import { publicForwardPlanEntry } from '../../services/registers/public-records.ts';
import { FieldProblems } from '../../services/registers/problems.ts';
import { formErrors, type Problem } from '../shared/forms.ts';
import { requireRole } from '../auth/plugin.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { NotFound } from '../../http/errors.ts';
import { formatDate } from '../meetings/presenters/meeting.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { entryView } from './forward-plan-public.ts';
import { formValues, idParam, many, one, options, submit } from './form.ts';

type Values = Record<string, string | string[]>;

/** What the handlers share: the database and the council's rules (the call-in period). */
interface Deps {
  db: DatabaseHandle['db'];
  rules: ReturnType<typeof councilRules>;
}

/** The entry form's fields as the service's input: yes/no radios as booleans, wards one per line or comma. */
export function entryInput(values: Values): EntryInput {
  return {
    subject: one(values.subject),
    summary: one(values.summary),
    decisionMakerBodyId: one(values.decisionMakerBodyId),
    decisionMakerPersonId: one(values.decisionMakerPersonId),
    decisionMakerTitle: one(values.decisionMakerTitle),
    plannedDate: one(values.plannedDate),
    wards: one(values.wards)
      .split(/[\n,]/)
      .map((ward) => ward.trim())
      .filter(Boolean),
    documents: one(values.documents),
    consultees: one(values.consultees),
    contact: one(values.contact),
    keyDecision: one(values.keyDecision) !== 'no',
    privateMeeting: one(values.privateMeeting) === 'yes',
    exemptParagraphs: many(values.exemptParagraphs).map(Number),
    privateReasons: one(values.privateReasons),
    officerNote: one(values.officerNote),
    route: (one(values.route) || 'notice') as EntryInput['route'],
    urgencyReasons: one(values.urgencyReasons),
    scrutinyChairPersonId: one(values.scrutinyChairPersonId),
    scrutinyChairInformedOn: one(values.scrutinyChairInformedOn),
    scrutinyChairAgreedOn: one(values.scrutinyChairAgreedOn),
  };
}

function valuesOf(entry: repo.ForwardPlanEntryRow): Values {
  return {
    subject: entry.subject,
    summary: entry.summary,
    decisionMakerBodyId: entry.decision_maker_body_id ?? '',
    decisionMakerPersonId: entry.decision_maker_person_id ?? '',
    decisionMakerTitle: entry.decision_maker_title,
    plannedDate: entry.planned_date,
    wards: entry.wards.join('\n'),
    documents: entry.documents,
    consultees: entry.consultees,
    contact: entry.contact,
    keyDecision: entry.key_decision ? 'yes' : 'no',
    privateMeeting: entry.private_meeting ? 'yes' : 'no',
    exemptParagraphs: entry.exempt_paragraphs.map(String),
    privateReasons: entry.private_reasons,
    officerNote: entry.officer_note,
    route: entry.notice_route,
    urgencyReasons: entry.urgency_reasons,
    scrutinyChairPersonId: entry.scrutiny_chair_person_id ?? '',
    scrutinyChairInformedOn: entry.scrutiny_chair_informed_on ?? '',
    scrutinyChairAgreedOn: entry.scrutiny_chair_agreed_on ?? '',
  };
}

function status(entry: repo.ForwardPlanEntryRow, decided: boolean): { text: string; classes: string } {
  if (entry.withdrawn_on) return { text: 'Withdrawn', classes: 'govuk-tag--grey' };
  if (decided) return { text: 'Decided', classes: 'govuk-tag--green' };
  if (entry.published_on) return { text: 'Published', classes: 'govuk-tag--blue' };
  return { text: 'Draft', classes: 'govuk-tag--yellow' };
}

export function registerForwardPlanAdminRoutes(app: FastifyInstance, config: Config, database: DatabaseHandle): void {
  const deps: Deps = { db: database.db, rules: councilRules(config.registerRules) };
  const officers = { preHandler: requireRole('officer') };
  const democraticServices = { preHandler: requireRole('democratic-services') };
  app.get(ROUTES['forwardPlan.admin'], officers, (_request, reply) => listPage(deps, reply));
  app.get(ROUTES['forwardPlan.admin.new'], officers, (_request, reply) => newEntryPage(deps, reply));
  app.post(ROUTES['forwardPlan.admin.new'], officers, (request, reply) => createEntry(deps, request, reply));
  app.get(ROUTES['forwardPlan.admin.edit'], officers, (request, reply) => editPage(deps, request, reply));
  app.post(ROUTES['forwardPlan.admin.edit'], officers, (request, reply) => saveEntry(deps, request, reply));
  app.get(ROUTES['forwardPlan.admin.entry'], officers, (request, reply) => entryPage(deps, reply, idParam(request.params)));
  app.post(ROUTES['forwardPlan.admin.publish'], democraticServices, (request, reply) => publishEntry(deps, request, reply));
  app.post(ROUTES['forwardPlan.admin.withdraw'], democraticServices, (request, reply) => withdrawEntry(deps, request, reply));
  app.post(ROUTES['forwardPlan.admin.representations'], democraticServices, (request, reply) => recordRepresentation(deps, request, reply));
  app.post(ROUTES['forwardPlan.admin.decision'], democraticServices, (request, reply) => recordDecision(deps, request, reply));
  app.post(ROUTES['forwardPlan.admin.response'], democraticServices, (request, reply) => respondToRepresentation(deps, request, reply));
}

async function listPage({ db }: Deps, reply: FastifyReply) {
  const rows = await repo.allEntries(db);
  const decided = new Set(
    (
      await repo.decisionRecordsOf(
        db,
        rows.map((row) => row.id),
      )
    ).map((record) => record.entry_id),
  );
  return reply.view('registers/admin/forward-plan.njk', {
    pageTitle: 'Forward plan',
    entries: rows.map((row) => ({
      reference: row.reference,
      subject: row.subject,
      href: linkTo('forwardPlan.admin.entry', { id: row.id }),
      date: formatDate(row.planned_date),
      maker: publicForwardPlanEntry(row, [], undefined).decisionMaker.text,
      status: status(row, decided.has(row.id)),
    })),
    newHref: linkTo('forwardPlan.admin.new'),
    publicHref: linkTo('forwardPlan.list'),
  });
}

async function formPage({ db }: Deps, reply: FastifyReply, values: Values, props: { id?: string; problems?: Problem[] }) {
  const { bodies, people } = await repo.decisionMakerChoices(db);
  const members = people.filter((person) => person.kind === 'member');
  const chosen = many(values.exemptParagraphs);
  const route = one(values.route) || 'notice';
  return reply.code(props.problems?.length ? 400 : 200).view('registers/admin/forward-plan-form.njk', {
    pageTitle: `${props.problems?.length ? 'Error: ' : ''}${props.id ? 'Change a forward plan entry' : 'New forward plan entry'}`,
    values,
    errors: props.problems?.length ? formErrors(props.problems) : undefined,
    action: props.id ? linkTo('forwardPlan.admin.edit', { id: props.id }) : linkTo('forwardPlan.admin.new'),
    backHref: props.id ? linkTo('forwardPlan.admin.entry', { id: props.id }) : linkTo('forwardPlan.admin'),
    bodies: options(
      bodies.map((body) => ({ value: body.id, text: body.name })),
      one(values.decisionMakerBodyId),
      'Not a body',
    ),
    people: options(
      people.map((person) => ({ value: person.id, text: `${personName(person)}${person.job_title ? `, ${person.job_title}` : ''}` })),
      one(values.decisionMakerPersonId),
      'Not an individual',
    ),
    chairs: options(
      members.map((person) => ({ value: person.id, text: personName(person) })),
      one(values.scrutinyChairPersonId),
      'Choose the chair',
    ),
    paragraphs: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: String(n), text: `Paragraph ${n}`, checked: chosen.includes(String(n)) })),
    routes: NOTICE_ROUTES.map((value) => ({ value, text: NOTICE_ROUTE_LABELS[value], checked: value === route })),
  });
}

async function newEntryPage(deps: Deps, reply: FastifyReply) {
  return formPage(deps, reply, { keyDecision: 'yes', privateMeeting: 'no', route: 'notice' }, {});
}

async function createEntry(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const values = formValues(request.body);
  return submit(
    async () => linkTo('forwardPlan.admin.entry', await forwardPlanEntrySaver({ db, actor: request.user!, input: entryInput(values) })),
    (problems) => formPage(deps, reply, values, { problems }),
    (url) => reply.redirect(url, 303),
  );
}

async function editPage(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const entry = await repo.findEntry(db, idParam(request.params));
  if (!entry) throw NotFound('Forward plan entry not found');
  return formPage(deps, reply, valuesOf(entry), { id: entry.id });
}

async function saveEntry(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const id = idParam(request.params);
  const values = formValues(request.body);
  return submit(
    async () => linkTo('forwardPlan.admin.entry', await forwardPlanEntrySaver({ db, actor: request.user!, id, input: entryInput(values) })),
    (problems) => formPage(deps, reply, values, { id, problems }),
    (url) => reply.redirect(url, 303),
  );
}

/** The officers' page of one entry, with its forms; a failed post comes back here with the form's problems. */
async function entryPage({ db }: Deps, reply: FastifyReply, id: string, failed?: { form: string; values: Values; problems: Problem[] }) {
  const row = await repo.findEntry(db, id);
  if (!row) throw NotFound('Forward plan entry not found');
  const [representations, records] = await Promise.all([repo.representationsOf(db, [id]), repo.decisionRecordsOf(db, [id])]);
  const record = records[0];
  const today = todayInLondon();
  const facts = factsOf(row);
  const noticeFrom = row.published_on ?? today;
  const days = clearDaysBetween(noticeFrom, row.planned_date);
  const needed = routeFor(noticeFrom, row.planned_date);
  const meetings = row.decision_maker_body_id ? await repo.listMeetingChoicesInScope(db, { bodyId: row.decision_maker_body_id }) : [];
  const values = failed?.values ?? {};
  const prefix = failed ? `${failed.form}-` : '';
  return reply.code(failed ? 400 : 200).view('registers/admin/forward-plan-entry.njk', {
    pageTitle: `${failed ? 'Error: ' : ''}${row.subject}`,
    entry: entryView(publicForwardPlanEntry(row, representations, record)),
    row,
    status: status(row, !!record),
    formatDate,
    notice: {
      applies: needsNotice(facts),
      days,
      from: row.published_on ? `its publication on ${formatDate(row.published_on)}` : `today, ${formatDate(today)}`,
      needed: NOTICE_ROUTE_LABELS[needed],
      enough: !needsNotice(facts) || routeCovers(row.notice_route, needed),
    },
    representations: representations.map((representation) => ({
      ...representation,
      action: linkTo('forwardPlan.admin.response', { id: representation.id }),
    })),
    form: failed?.form,
    values,
    today,
    errors: failed ? formErrors(failed.problems, prefix) : undefined,
    meetings: options(
      meetings.map((meeting) => ({ value: meeting.id, text: `${meeting.body_name}, ${formatDate(meeting.date)}` })),
      one(values.meetingId),
      'Not taken at a meeting',
    ),
    actions: {
      edit: linkTo('forwardPlan.admin.edit', { id }),
      publish: linkTo('forwardPlan.admin.publish', { id }),
      withdraw: linkTo('forwardPlan.admin.withdraw', { id }),
      representation: linkTo('forwardPlan.admin.representations', { id }),
      decision: linkTo('forwardPlan.admin.decision', { id }),
      public: row.published_on && !row.withdrawn_on ? linkTo('forwardPlan.entry', { id }) : null,
      list: linkTo('forwardPlan.admin'),
    },
  });
}

async function publishEntry(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  return entryFormAction(deps, request, reply, 'publish', ['publishedOn'], (id, values, actor) =>
    forwardPlanEntryPublisher({ db: deps.db, actor, id, publishedOn: one(values.publishedOn) || todayInLondon() }),
  );
}

async function withdrawEntry(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  return entryFormAction(deps, request, reply, 'withdraw', ['reason'], (id, values, actor) =>
    forwardPlanEntryWithdrawer({ db: deps.db, actor, id, reason: one(values.reason), on: todayInLondon() }),
  );
}

async function recordRepresentation(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  return entryFormAction(deps, request, reply, 'representation', ['receivedOn', 'text'], (id, values, actor) =>
    representationRecorder({ db: deps.db, actor, entryId: id, input: { receivedOn: one(values.receivedOn), text: one(values.text) } }),
  );
}

async function recordDecision(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db, rules } = deps;
  return entryFormAction(
    deps,
    request,
    reply,
    'decision',
    ['decidedOn', 'decision', 'reasons', 'alternativesRejected', 'conflicts', 'meetingId', 'minuteNumber', 'officerRecord', 'publishedOn'],
    async (id, values, actor) => {
      const meetingId = one(values.meetingId);
      const minuteNumber = one(values.minuteNumber).trim();
      let minuteId = '';
      if (minuteNumber) {
        if (!meetingId) throw FieldProblems([{ field: 'minuteNumber', message: 'Choose the meeting before its minute' }]);
        const minute = await repo.minuteByNumber(db, meetingId, minuteNumber);
        if (!minute) throw FieldProblems([{ field: 'minuteNumber', message: `That meeting has no minute numbered ${minuteNumber}` }]);
        minuteId = minute.id;
      }
      return decisionRecorder({
        db,
        actor,
        entryId: id,
        callInWorkingDays: rules.callInWorkingDays,
        input: {
          decidedOn: one(values.decidedOn),
          decision: one(values.decision),
          reasons: one(values.reasons),
          alternativesRejected: one(values.alternativesRejected),
          conflicts: one(values.conflicts),
          meetingId,
          minuteId,
          officerRecord: one(values.officerRecord),
          publishedOn: one(values.publishedOn) || one(values.decidedOn),
        },
      });
    },
  );
}

/** One of the entry page's forms: run it, or come back to the page with its problems. */
async function entryFormAction(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  form: string,
  fields: string[],
  run: (id: string, values: Values, actor: SessionUser) => Promise<unknown>,
) {
  // A problem with the entry itself (its reasons, the scrutiny chair) is shown at the form's first field, so every
  // link in the error summary lands on something in this form.
  const onForm = (problems: Problem[]) =>
    problems.map((problem) => {
      const field = problem.field === 'minuteId' ? 'minuteNumber' : problem.field;
      return { ...problem, field: fields.includes(field) ? field : fields[0]! };
    });
  const id = idParam(request.params);
  const values = formValues(request.body);
  return submit(
    async () => {
      await run(id, values, request.user!);
      return linkTo('forwardPlan.admin.entry', { id });
    },
    (problems) => entryPage(deps, reply, id, { form, values, problems: onForm(problems) }),
    (url) => reply.redirect(url, 303),
  );
}

async function respondToRepresentation(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const representationId = idParam(request.params);
  const representation = await repo.findRepresentation(db, representationId);
  if (!representation) throw NotFound('Representation not found');
  const values = formValues(request.body);
  return submit(
    async () => {
      await representationResponder({
        db,
        actor: request.user!,
        id: representationId,
        input: { response: one(values.response), respondedOn: one(values.respondedOn) },
      });
      return linkTo('forwardPlan.admin.entry', { id: representation.entry_id });
    },
    (problems) =>
      entryPage(deps, reply, representation.entry_id, {
        form: `response-${representationId}`,
        values,
        problems: problems.map((problem) => (problem.field === 'respondedOn' ? problem : { ...problem, field: 'response' })),
      }),
    (url) => reply.redirect(url, 303),
  );
}
