/** Bodies (create, edit, memberships) and political groups (create, edit, members) under /admin. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as store from '../../../db/queries/admin/body-pages.ts';
import {
  bodyCreator,
  bodyEditor,
  BodyFieldsSchema,
  BodyPageFieldsSchema,
  groupCreator,
  groupEditor,
  GroupFieldsSchema,
  groupMembershipAdder,
  GroupMembershipFieldsSchema,
  membershipAdder,
  MembershipEndSchema,
  membershipEnder,
  MembershipFieldsSchema,
} from '../../../services/committee/bodies.ts';
import { NotFound } from '../../../http/errors.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { formAction } from '../form-action.ts';
import { formErrors, type Problem } from '../../shared/forms.ts';
import { BODY_KIND_ITEMS, personItems, personName, selectItems } from '../presenters.ts';
import { z } from 'zod';
import { listPersonChoices } from '../../../db/records/people.ts';
import { listBodyRows, findBodyRow } from '../../../db/records/bodies.ts';

const VersionSchema = z.object({ version: z.string().regex(/^\d+$/, 'The form is out of date: open the page again') });
const IdParams = z.object({ id: z.string().min(1).max(200) });

export async function bodyRoutes(app: FastifyInstance, { config, database }: FeatureDeps): Promise<void> {
  const db = database.db;

  app.get(ROUTES['admin.bodies'], async (_request, reply) => {
    const bodies = await listBodyRows(db);
    return reply.view('admin/bodies.njk', { pageTitle: 'Bodies', bodies });
  });

  function newBodyPage(reply: FastifyReply, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
    return reply.code(status).view('admin/body-new.njk', {
      pageTitle: `${problems.length ? 'Error: ' : ''}Create a body`,
      values,
      kinds: selectItems(BODY_KIND_ITEMS, values.kind, 'Choose the kind of body'),
      errors: problems.length ? formErrors(problems) : undefined,
    });
  }

  app.get(ROUTES['admin.body.new'], async (_request, reply) => newBodyPage(reply, {}));

  app.post(ROUTES['admin.body.new'], async (request, reply) => {
    const values = (request.body ?? {}) as Record<string, unknown>;
    return formAction({
      schema: BodyFieldsSchema,
      body: values,
      run: async (data) =>
        linkTo('admin.body', { id: (await bodyCreator({ database, actor: request.user!, authorityName: config.authorityName, ...data })).id }),
      fail: (problems, status) => newBodyPage(reply, values, problems, status),
      redirect: (url) => reply.redirect(url, 303),
    });
  });

  async function bodyPage(
    reply: FastifyReply,
    id: string,
    overrides: {
      values?: Record<string, unknown>;
      problems?: Problem[];
      membership?: { values: Record<string, unknown>; problems: Problem[] };
      status?: number;
    } = {},
  ) {
    const body = await findBodyRow(db, id);
    if (!body) throw NotFound('Body not found');
    const [memberships, people] = await Promise.all([store.listBodyMemberships(db, id), listPersonChoices(db)]);
    const values = overrides.values
      ? { ...overrides.values, version: body.version }
      : {
          name: body.name,
          kind: body.kind,
          termsOfReference: body.terms_of_reference,
          clerkName: body.clerk_name ?? '',
          clerkEmail: body.clerk_email ?? '',
          clerkPhone: body.clerk_phone ?? '',
          version: body.version,
        };
    const membershipValues = overrides.membership?.values ?? {};
    return reply.code(overrides.status ?? 200).view('admin/body.njk', {
      pageTitle: `${overrides.problems?.length || overrides.membership?.problems.length ? 'Error: ' : ''}${body.name}`,
      body,
      saved: overrides.values ? { name: body.name, kind: body.kind } : undefined,
      values,
      kinds: selectItems(BODY_KIND_ITEMS, values.kind, 'Choose the kind of body'),
      errors: overrides.problems?.length ? formErrors(overrides.problems) : undefined,
      memberships: memberships.map((row) => ({ ...row, name: personName(row) })),
      membership: {
        values: membershipValues,
        people: personItems(people, membershipValues.personId),
        errors: overrides.membership?.problems.length ? formErrors(overrides.membership.problems, 'membership-') : undefined,
      },
    });
  }

  app.get(ROUTES['admin.body'], async (request, reply) => bodyPage(reply, IdParams.parse(request.params).id));

  app.post(ROUTES['admin.body'], async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const values = (request.body ?? {}) as Record<string, unknown>;
    return formAction({
      schema: BodyFieldsSchema.extend(BodyPageFieldsSchema.shape).extend(VersionSchema.shape),
      body: values,
      run: async (data) => {
        await bodyEditor({ database, actor: request.user!, id, ...data });
        return linkTo('admin.body', { id });
      },
      fail: (problems, status) => bodyPage(reply, id, { values, problems, status }),
      redirect: (url) => reply.redirect(url, 303),
    });
  });

  app.post(ROUTES['admin.body.memberships'], async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const values = (request.body ?? {}) as Record<string, unknown>;
    return formAction({
      schema: MembershipFieldsSchema,
      body: values,
      run: async (data) => {
        await membershipAdder({ database, actor: request.user!, bodyId: id, ...data });
        return linkTo('admin.body', { id });
      },
      fail: (problems, status) => bodyPage(reply, id, { membership: { values, problems }, status }),
      redirect: (url) => reply.redirect(url, 303),
    });
  });

  // ---- political groups ----

  app.get(ROUTES['admin.groups'], async (_request, reply) => {
    return reply.view('admin/groups.njk', { pageTitle: 'Political groups', groups: await store.listGroups(db) });
  });

  function newGroupPage(reply: FastifyReply, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
    return reply.code(status).view('admin/group-new.njk', {
      pageTitle: `${problems.length ? 'Error: ' : ''}Create a political group`,
      values,
      errors: problems.length ? formErrors(problems) : undefined,
    });
  }

  app.get(ROUTES['admin.group.new'], async (_request, reply) => newGroupPage(reply, {}));

  app.post(ROUTES['admin.group.new'], async (request, reply) => {
    const values = (request.body ?? {}) as Record<string, unknown>;
    return formAction({
      schema: GroupFieldsSchema,
      body: values,
      run: async (data) =>
        linkTo('admin.group', { id: (await groupCreator({ database, actor: request.user!, authorityName: config.authorityName, ...data })).id }),
      fail: (problems, status) => newGroupPage(reply, values, problems, status),
      redirect: (url) => reply.redirect(url, 303),
    });
  });

  async function groupPage(
    reply: FastifyReply,
    id: string,
    overrides: {
      values?: Record<string, unknown>;
      problems?: Problem[];
      member?: { values: Record<string, unknown>; problems: Problem[] };
      status?: number;
    } = {},
  ) {
    const group = await store.findGroup(db, id);
    if (!group) throw NotFound('Political group not found');
    const [members, people] = await Promise.all([store.listGroupMembers(db, id), listPersonChoices(db)]);
    const values = overrides.values
      ? { ...overrides.values, version: group.version }
      : { name: group.name, abbreviation: group.abbreviation ?? '', version: group.version };
    const memberValues = overrides.member?.values ?? {};
    return reply.code(overrides.status ?? 200).view('admin/group.njk', {
      pageTitle: `${overrides.problems?.length || overrides.member?.problems.length ? 'Error: ' : ''}${group.name}`,
      group,
      saved: overrides.values ? { name: group.name, abbreviation: group.abbreviation } : undefined,
      values,
      errors: overrides.problems?.length ? formErrors(overrides.problems) : undefined,
      members: members.map((row) => ({ ...row, name: personName(row) })),
      member: {
        values: memberValues,
        people: personItems(people, memberValues.personId),
        errors: overrides.member?.problems.length ? formErrors(overrides.member.problems, 'member-') : undefined,
      },
    });
  }

  app.get(ROUTES['admin.group'], async (request, reply) => groupPage(reply, IdParams.parse(request.params).id));

  app.post(ROUTES['admin.group'], async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const values = (request.body ?? {}) as Record<string, unknown>;
    return formAction({
      schema: GroupFieldsSchema.extend(VersionSchema.shape),
      body: values,
      run: async (data) => {
        await groupEditor({ database, actor: request.user!, id, ...data });
        return linkTo('admin.group', { id });
      },
      fail: (problems, status) => groupPage(reply, id, { values, problems, status }),
      redirect: (url) => reply.redirect(url, 303),
    });
  });

  app.post(ROUTES['admin.group.memberships'], async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const values = (request.body ?? {}) as Record<string, unknown>;
    return formAction({
      schema: GroupMembershipFieldsSchema,
      body: values,
      run: async (data) => {
        await groupMembershipAdder({ database, actor: request.user!, groupId: id, ...data });
        return linkTo('admin.group', { id });
      },
      fail: (problems, status) => groupPage(reply, id, { member: { values, problems }, status }),
      redirect: (url) => reply.redirect(url, 303),
    });
  });

  // Ending a membership: the form sits on the body's (or group's) page, which shows any problem.
  for (const [route, table] of [
    [ROUTES['admin.membership.end'], 'membership'],
    [ROUTES['admin.groupMembership.end'], 'group_membership'],
  ] as const) {
    app.post(route, async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      const owner = await membershipOwner(database, table, id);
      return formAction({
        schema: MembershipEndSchema,
        body: values,
        run: async (data) => {
          const { ownerId } = await membershipEnder({ database, actor: request.user!, table, id, endDate: data.endDate });
          return table === 'membership' ? linkTo('admin.body', { id: ownerId }) : linkTo('admin.group', { id: ownerId });
        },
        fail: (problems, status) =>
          table === 'membership'
            ? bodyPage(reply, owner, { membership: { values: {}, problems }, status })
            : groupPage(reply, owner, { member: { values: {}, problems }, status }),
        redirect: (url) => reply.redirect(url, 303),
      });
    });
  }
}

async function membershipOwner(database: FeatureDeps['database'], table: 'membership' | 'group_membership', id: string): Promise<string> {
  const row = await store.findMembershipRow(database.db, table, id);
  if (!row) throw NotFound('Membership not found');
  return row.owner_id;
}
