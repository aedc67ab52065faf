/**
 * The register of interests in the back office. Democratic services review and publish members' registers (or return
 * them with a note), see whose register is due for review, and link each declaration made at a meeting to the
 * register; a declaration not in the register is flagged to the monitoring officer, who alone sees the flags and the
 * details of sensitive interests (with the member), and resolves the flags.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/registers/interests.ts';
import { councilRules } from '../../domain/council-rules.ts';
import { INTEREST_CATEGORY_LABELS, WITHHELD_WORDING } from '../../domain/interests/categories.ts';
import { byCategory } from '../../domain/interests/public-register.ts';
import { reviewDue } from '../../domain/interests/review.ts';
import { personName } from '../../services/political-balance/person-name.ts';
import { canSeeWithheld, declarationLinker, flagResolver, registerPublisher, registerReturner } from '../../services/registers/interests.ts';
import { FieldProblems } from '../../services/registers/problems.ts';
import { formErrors, type Problem } from '../shared/forms.ts';
import { findPersonName } from '../../db/records/people.ts';
import { findMeetingHeading } from '../../db/records/meetings.ts';
import { requireRole } from '../auth/plugin.ts';
import { HttpError, NotFound } from '../../http/errors.ts';
import { formatDate } from '../meetings/presenters/meeting.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { formValues, idParam, one, options, submit } from './form.ts';

type Values = Record<string, string | string[]>;
const NOT_REGISTERED = 'not-registered';

/** What the handlers share: the database and the council's register rules (review period). */
interface Deps {
  db: DatabaseHandle['db'];
  rules: ReturnType<typeof councilRules>;
}

function requireMonitoringOfficer(request: FastifyRequest): void {
  if (!request.user?.roles.includes('monitoring-officer')) throw new HttpError(403, 'forbidden', 'Only the monitoring officer sees flagged declarations');
}

export function registerInterestsAdminRoutes(app: FastifyInstance, config: Config, database: DatabaseHandle): void {
  const deps: Deps = { db: database.db, rules: councilRules(config.registerRules) };
  const democraticServices = { preHandler: requireRole('democratic-services') };
  const monitoringOfficer = { preHandler: requireRole('monitoring-officer') };
  app.get(ROUTES['interests.admin'], democraticServices, (_request, reply) => listPage(deps, reply));
  app.get(ROUTES['interests.admin.version'], democraticServices, (request, reply) => versionPage(deps, request, reply, idParam(request.params)));
  app.post(ROUTES['interests.admin.publish'], democraticServices, (request, reply) => publish(deps, request, reply));
  app.post(ROUTES['interests.admin.return'], democraticServices, (request, reply) => returnToMember(deps, request, reply));
  app.get(ROUTES['interests.admin.meeting'], democraticServices, (request, reply) => meetingPage(deps, request, reply, idParam(request.params)));
  app.post(ROUTES['interests.admin.declaration'], democraticServices, (request, reply) => linkDeclaration(deps, request, reply));
  app.get(ROUTES['interests.admin.flags'], monitoringOfficer, (request, reply) => flagsPage(deps, request, reply));
  app.post(ROUTES['interests.admin.flag.resolve'], monitoringOfficer, (request, reply) => resolveFlag(deps, request, reply));
}

async function listPage({ db, rules }: Deps, reply: FastifyReply) {
  const today = todayInLondon();
  const [submitted, members, published, meetings] = await Promise.all([
    repo.submittedVersions(db),
    repo.members(db),
    repo.latestPublished(db),
    repo.meetingsWithDeclarations(db),
  ]);
  const lastPublished = new Map(published.map((version) => [version.person_id, version.published_on]));
  return reply.view('registers/admin/interests.njk', {
    pageTitle: 'Registers of interests',
    submitted: submitted.map((version) => ({
      name: version.person_name,
      submittedOn: version.submitted_on ? formatDate(version.submitted_on) : '',
      href: linkTo('interests.admin.version', { id: version.id }),
    })),
    due: members
      .filter((member) => reviewDue(lastPublished.get(member.id) ?? null, today, rules.interestReviewMonths))
      .map((member) => ({
        name: personName(member),
        lastPublished: lastPublished.get(member.id) ? formatDate(lastPublished.get(member.id)!) : 'Never published',
        href: linkTo('interests.member', { id: member.id }),
      })),
    reviewMonths: rules.interestReviewMonths,
    meetings: meetings.map((meeting) => ({
      text: `${meeting.body_name}, ${formatDate(meeting.date)}`,
      declarations: meeting.declarations,
      unlinked: meeting.unlinked,
      href: linkTo('interests.admin.meeting', { id: meeting.id }),
    })),
    flagsHref: linkTo('interests.admin.flags'),
  });
}

async function versionPage(
  { db }: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  failed?: { form: string; values: Values; problems: Problem[] },
) {
  const version = await repo.findVersion(db, id);
  if (!version) throw NotFound('Register not found');
  const [person, entries] = await Promise.all([findPersonName(db, version.person_id), repo.entriesOf(db, [version.id])]);
  const seeWithheld = canSeeWithheld(request.user, version.person_id);
  return reply.code(failed ? 400 : 200).view('registers/admin/interests-version.njk', {
    pageTitle: `${failed ? 'Error: ' : ''}${personName(person!)}: register version ${version.version}`,
    name: personName(person!),
    version,
    statusText:
      version.status === 'submitted'
        ? `Submitted ${version.submitted_on ? formatDate(version.submitted_on) : ''}`
        : version.status === 'published'
          ? `Published ${formatDate(version.published_on!)}`
          : 'Draft',
    sections: byCategory(
      entries.map((entry) => ({
        category: entry.category,
        description: entry.sensitive && !seeWithheld ? WITHHELD_WORDING : entry.description,
        extra: [entry.spouse_partner ? '(spouse or partner)' : '', entry.sensitive ? '(sensitive: withheld from the public register)' : '']
          .filter(Boolean)
          .join(' '),
      })),
    ),
    form: failed?.form,
    values: failed?.values ?? {},
    errors: failed ? formErrors(failed.problems, `${failed.form}-`) : undefined,
    actions: { publish: linkTo('interests.admin.publish', { id }), return: linkTo('interests.admin.return', { id }), list: linkTo('interests.admin') },
  });
}

async function publish(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const id = idParam(request.params);
  return submit(
    async () => {
      await registerPublisher({ db, actor: request.user!, versionId: id, today: todayInLondon() });
      return linkTo('interests.admin');
    },
    (problems) =>
      versionPage(deps, request, reply, id, { form: 'publish', values: {}, problems: problems.map((problem) => ({ ...problem, field: 'publish' })) }),
    (url) => reply.redirect(url, 303),
  );
}

async function returnToMember(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const id = idParam(request.params);
  const values = formValues(request.body);
  return submit(
    async () => {
      await registerReturner({ db, actor: request.user!, versionId: id, note: one(values.note) });
      return linkTo('interests.admin');
    },
    (problems) => versionPage(deps, request, reply, id, { form: 'return', values, problems: problems.map((problem) => ({ ...problem, field: 'note' })) }),
    (url) => reply.redirect(url, 303),
  );
}

async function meetingPage(
  { db }: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  failed?: { declarationId: string; problems: Problem[] },
) {
  const meeting = await findMeetingHeading(db, meetingId);
  if (!meeting) throw NotFound('Meeting not found');
  const declarations = await repo.declarationsAt(db, meetingId);
  const rows = await Promise.all(
    declarations.map(async (declaration) => {
      const register = await repo.publishedOn(db, declaration.person_id, meeting.date);
      const entries = register ? await repo.entriesOf(db, [register.id]) : [];
      const seeWithheld = canSeeWithheld(request.user, declaration.person_id);
      const chosen = declaration.link_entry_key ?? (declaration.flagged_on ? NOT_REGISTERED : undefined);
      return {
        id: declaration.id,
        person: declaration.person_name,
        item: declaration.agenda_item_number
          ? `Item ${declaration.agenda_item_number}${declaration.item_title ? `: ${declaration.item_title}` : ''}`
          : 'The meeting',
        kind: declaration.kind,
        reason: declaration.reason,
        register: register ? `Register published ${formatDate(register.published_on!)}` : 'No register published by the day of the meeting',
        flagged: !!declaration.flagged_on,
        action: linkTo('interests.admin.declaration', { id: declaration.id }),
        error: failed?.declarationId === declaration.id ? failed.problems[0] : undefined,
        choices: [
          ...options(
            entries.map((entry) => ({
              value: entry.entry_key,
              text: `${INTEREST_CATEGORY_LABELS[entry.category]}: ${entry.sensitive && !seeWithheld ? 'withheld (sensitive)' : entry.description}`,
            })),
            chosen,
            'Choose',
          ),
          { value: NOT_REGISTERED, text: 'Not in the register: flag to the monitoring officer', selected: chosen === NOT_REGISTERED },
        ],
      };
    }),
  );
  const problem = failed?.problems[0];
  return reply.code(failed ? 400 : 200).view('registers/admin/interests-meeting.njk', {
    pageTitle: `${failed ? 'Error: ' : ''}Declarations at ${meeting.name}, ${formatDate(meeting.date)}`,
    heading: `${meeting.name}, ${formatDate(meeting.date)}`,
    declarations: rows,
    errors: failed && problem ? { summary: [{ text: problem.message, href: `#entryKey-${failed.declarationId}` }], fields: {} } : undefined,
    backHref: linkTo('interests.admin'),
  });
}

async function linkDeclaration(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const id = idParam(request.params);
  const declaration = await repo.findDeclaration(db, id);
  if (!declaration) throw NotFound('Declaration not found');
  const choice = one(formValues(request.body).entryKey);
  return submit(
    async () => {
      if (!choice) throw FieldProblems([{ field: 'entryKey', message: 'Choose the interest in the register, or say it is not in the register' }]);
      await declarationLinker({ db, actor: request.user!, declarationId: id, entryKey: choice === NOT_REGISTERED ? null : choice, today: todayInLondon() });
      return linkTo('interests.admin.meeting', { id: declaration.meeting_id });
    },
    (problems) => meetingPage(deps, request, reply, declaration.meeting_id, { declarationId: id, problems }),
    (url) => reply.redirect(url, 303),
  );
}

async function flagsPage({ db }: Deps, request: FastifyRequest, reply: FastifyReply, failed?: { declarationId: string; values: Values; problems: Problem[] }) {
  requireMonitoringOfficer(request);
  const flags = await repo.flaggedDeclarations(db);
  return reply.code(failed ? 400 : 200).view('registers/admin/interests-flags.njk', {
    pageTitle: `${failed ? 'Error: ' : ''}Declarations flagged to the monitoring officer`,
    flags: flags.map((flag) => ({
      id: flag.id,
      person: flag.person_name,
      meeting: `${flag.body_name}, ${formatDate(flag.meeting_date)}`,
      item: flag.item_title ?? '',
      declaration: `${flag.kind}: ${flag.reason}`,
      reason: flag.flag_reason,
      flaggedOn: formatDate(flag.flagged_on!),
      resolved: flag.resolved_on ? `Resolved ${formatDate(flag.resolved_on)}: ${flag.resolution}` : null,
      registerHref: linkTo('interests.member', { id: flag.person_id }),
      action: linkTo('interests.admin.flag.resolve', { id: flag.id }),
      value: failed?.declarationId === flag.id ? one(failed.values.resolution) : '',
      error: failed?.declarationId === flag.id ? { text: failed.problems[0]!.message } : undefined,
    })),
    errors: failed ? { summary: [{ text: failed.problems[0]!.message, href: `#resolution-${failed.declarationId}` }], fields: {} } : undefined,
  });
}

async function resolveFlag(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  requireMonitoringOfficer(request);
  const id = idParam(request.params);
  const values = formValues(request.body);
  return submit(
    async () => {
      await flagResolver({ db, actor: request.user!, declarationId: id, resolution: one(values.resolution), today: todayInLondon() });
      return linkTo('interests.admin.flags');
    },
    (problems) => flagsPage(deps, request, reply, { declarationId: id, values, problems }),
    (url) => reply.redirect(url, 303),
  );
}
