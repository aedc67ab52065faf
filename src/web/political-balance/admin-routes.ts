/** Democratic services: each body's seats, kind and whether the balance rules apply; departures from the rules. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as queries from '../../db/queries/political-balance.ts';
import { bodySeatsSetter, departureRecorder } from '../../services/political-balance/settings.ts';
import { serviceProblems } from '../shared/forms.ts';
import { personName } from '../../services/political-balance/person-name.ts';
import { zodProblems, type Problem } from '../shared/forms.ts';
import { requireRole } from '../auth/plugin.ts';
import { NotFound } from '../../http/errors.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { AgreementFormSchema, BodyParamsSchema, BodySettingsFormSchema } from './schema.ts';

type Values = Record<string, string>;

/** The kinds of body Schedule 1 LGHA 1989 distinguishes, as the settings form offers them. */
const BODY_KIND_CHOICES = [
  { value: 'committee', text: 'Ordinary committee', hint: 'Counts towards each group’s share of all the committee seats (rule (c))' },
  { value: 'sub-committee', text: 'Sub-committee', hint: 'Balanced on its own' },
  { value: 'advisory-committee', text: 'Advisory committee', hint: 'Balanced on its own' },
  { value: 'joint-committee', text: 'Joint committee', hint: 'Balanced only if the council fills three or more of its seats' },
  { value: 'outside-body', text: 'Outside body', hint: 'Balanced only if the council fills three or more of its seats' },
] as const;

const valuesOf = (body: unknown): Values =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(([key, value]) => key !== '_csrf' && typeof value === 'string') as Array<[string, string]>,
  );

const errorsOf = (problems: Problem[]) => ({
  summary: problems.map((problem) => ({ text: problem.message, href: `#${problem.field}` })),
  fields: Object.fromEntries(problems.map((problem) => [problem.field, { text: problem.message }])),
});

export async function registerBalanceAdminRoutes(app: FastifyInstance, database: DatabaseHandle): Promise<void> {
  const { db } = database;

  await app.register(async (admin) => {
    admin.addHook('preHandler', requireRole('democratic-services'));

    admin.get(ROUTES['balance.admin'], async (_request, reply) => {
      const [bodies, agreements] = await Promise.all([queries.bodiesWithSettings(db), queries.agreementsOn(db, '9999-12-31')]);
      const names = new Map(bodies.map((body) => [body.id, body.name]));
      const groups = new Map((await queries.listGroupNames(db)).map((group) => [group.id, group.name]));
      return reply.view('political-balance/admin.njk', {
        bodies: bodies.map((body) => ({
          name: body.name,
          seats: body.seats ?? null,
          rulesApply: body.rules_apply,
          // A body with no settings has no kind yet: the table counts it nowhere until one is recorded.
          kind: BODY_KIND_CHOICES.find((choice) => choice.value === body.balance_kind)?.text ?? null,
          href: linkTo('balance.admin.body', { id: body.id }),
        })),
        agreements: agreements.map((agreement) => ({
          body: names.get(agreement.body_id) ?? agreement.body_id,
          group: groups.get(agreement.group_id) ?? agreement.group_id,
          person: personName(agreement),
          agreedOn: agreement.agreed_on,
          note: agreement.note,
          vote:
            agreement.votes_for === null
              ? 'not recorded'
              : `${agreement.votes_for} for, ${agreement.votes_against} against, ${agreement.votes_abstained} abstaining`,
        })),
        newAgreementHref: linkTo('balance.admin.agreement'),
        tableHref: linkTo('balance.table'),
        currentNav: 'committees',
      });
    });

    const bodyPage = async (reply: FastifyReply, id: string, values?: Values, problems?: Problem[]) => {
      const body = (await queries.bodiesWithSettings(db)).find((candidate) => candidate.id === id);
      if (!body) throw NotFound('Body not found');
      if (problems) reply.code(400);
      const shown = values ?? {
        seats: body.seats ? String(body.seats) : '',
        rulesApply: body.rules_apply === false ? 'no' : body.rules_apply ? 'yes' : '',
        kind: body.balance_kind ?? (body.kind === 'sub-committee' ? 'sub-committee' : 'committee'),
      };
      return reply.view('political-balance/admin-body.njk', {
        body,
        values: shown,
        kinds: BODY_KIND_CHOICES.map((kind) => ({ value: kind.value, text: kind.text, hint: { text: kind.hint }, checked: shown.kind === kind.value })),
        errors: problems ? errorsOf(problems) : undefined,
        action: linkTo('balance.admin.body', { id }),
        backHref: linkTo('balance.admin'),
        currentNav: 'committees',
      });
    };

    admin.get(ROUTES['balance.admin.body'], async (request, reply) => {
      const params = BodyParamsSchema.safeParse(request.params);
      if (!params.success) throw NotFound('Body not found');
      return bodyPage(reply, params.data.id);
    });

    admin.post(ROUTES['balance.admin.body'], async (request, reply) => {
      const params = BodyParamsSchema.safeParse(request.params);
      if (!params.success) throw NotFound('Body not found');
      const values = valuesOf(request.body);
      const form = BodySettingsFormSchema.safeParse(values);
      if (!form.success) return bodyPage(reply, params.data.id, values, zodProblems(form.error));
      try {
        await bodySeatsSetter({
          db,
          actor: request.user!,
          bodyId: params.data.id,
          seats: form.data.seats,
          rulesApply: form.data.rulesApply === 'yes',
          kind: form.data.kind,
        });
      } catch (error) {
        const problems = serviceProblems(error);
        if (problems) return bodyPage(reply, params.data.id, values, problems);
        throw error;
      }
      return reply.redirect(linkTo('balance.admin'), 303);
    });

    const agreementPage = async (reply: FastifyReply, values: Values, problems?: Problem[]) => {
      const date = values.agreedOn && /^\d{4}-\d{2}-\d{2}$/.test(values.agreedOn) ? values.agreedOn : todayInLondon();
      const [bodies, groups, members] = await Promise.all([queries.bodiesWithSettings(db), queries.listGroupNames(db), queries.membersOn(db, date)]);
      const options = (items: Array<{ value: string; text: string }>, selected?: string) => [
        { value: '', text: 'Choose' },
        ...items.map((item) => ({ ...item, selected: item.value === selected })),
      ];
      if (problems) reply.code(400);
      return reply.view('political-balance/admin-agreement.njk', {
        values,
        bodies: options(
          bodies.map((body) => ({ value: body.id, text: body.name })),
          values.bodyId,
        ),
        groups: options(
          groups.map((group) => ({ value: group.id, text: group.name })),
          values.groupId,
        ),
        people: options(
          members.map((member) => ({
            value: member.personId,
            text: personName({ honorific: member.honorific, given_name: member.givenName, initials: member.initials, family_name: member.familyName }),
          })),
          values.personId,
        ),
        errors: problems ? errorsOf(problems) : undefined,
        action: linkTo('balance.admin.agreement'),
        backHref: linkTo('balance.admin'),
        currentNav: 'committees',
      });
    };

    admin.get(ROUTES['balance.admin.agreement'], async (_request, reply) => agreementPage(reply, { agreedOn: todayInLondon() }));

    admin.post(ROUTES['balance.admin.agreement'], async (request, reply) => {
      const values = valuesOf(request.body);
      const form = AgreementFormSchema.safeParse(values);
      if (!form.success) return agreementPage(reply, values, zodProblems(form.error));
      try {
        await departureRecorder({ db, actor: request.user!, departure: { ...form.data, ...(form.data.note ? { note: form.data.note } : {}) } });
      } catch (error) {
        const problems = serviceProblems(error);
        if (problems) return agreementPage(reply, values, problems);
        throw error;
      }
      return reply.redirect(linkTo('balance.admin'), 303);
    });
  });
}
