/** Bodies (create, edit, memberships) and political groups (create, edit, members) under /admin. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

export async function bodyRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.bodies'], (request, reply) => getBodies(deps, request, reply));
  app.get(ROUTES['admin.body.new'], (request, reply) => getBodyNew(deps, request, reply));
  app.post(ROUTES['admin.body.new'], (request, reply) => postBodyNew(deps, request, reply));
  app.get(ROUTES['admin.body'], (request, reply) => getBody(deps, request, reply));
  app.post(ROUTES['admin.body'], (request, reply) => postBody(deps, request, reply));
  app.post(ROUTES['admin.body.memberships'], (request, reply) => postBodyMemberships(deps, request, reply));

  // ---- political groups ----
  app.get(ROUTES['admin.groups'], (request, reply) => getGroups(deps, request, reply));
  app.get(ROUTES['admin.group.new'], (request, reply) => getGroupNew(deps, request, reply));
  app.post(ROUTES['admin.group.new'], (request, reply) => postGroupNew(deps, request, reply));
  app.get(ROUTES['admin.group'], (request, reply) => getGroup(deps, request, reply));
  app.post(ROUTES['admin.group'], (request, reply) => postGroup(deps, request, reply));
  app.post(ROUTES['admin.group.memberships'], (request, reply) => postGroupMemberships(deps, request, reply));

  // Ending a membership: the form sits on the body's (or group's) page, which shows any problem.
  app.post(ROUTES['admin.membership.end'], (request, reply) => endMembership(deps, 'membership', request, reply));
  app.post(ROUTES['admin.groupMembership.end'], (request, reply) => endMembership(deps, 'group_membership', request, reply));
}

function newBodyPage(deps: FeatureDeps, reply: FastifyReply, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
  return reply.code(status).view('admin/body-new.njk', {
    pageTitle: `${problems.length ? 'Error: ' : ''}Create a body`,
    values,
    kinds: selectItems(BODY_KIND_ITEMS, values.kind, 'Choose the kind of body'),
    errors: problems.length ? formErrors(problems) : undefined,
  });
}

async function bodyPage(
  deps: FeatureDeps,
  reply: FastifyReply,
  id: string,
  overrides: {
    values?: Record<string, unknown>;
    problems?: Problem[];
    membership?: { values: Record<string, unknown>; problems: Problem[] };
    status?: number;
  } = {},
) {
  const { database } = deps;
  const db = database.db;
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

function newGroupPage(deps: FeatureDeps, reply: FastifyReply, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
  return reply.code(status).view('admin/group-new.njk', {
    pageTitle: `${problems.length ? 'Error: ' : ''}Create a political group`,
    values,
    errors: problems.length ? formErrors(problems) : undefined,
  });
}

async function groupPage(
  deps: FeatureDeps,
  reply: FastifyReply,
  id: string,
  overrides: {
    values?: Record<string, unknown>;
    problems?: Problem[];
    member?: { values: Record<string, unknown>; problems: Problem[] };
    status?: number;
  } = {},
) {
  const { database } = deps;
  const db = database.db;
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

async function endMembership(deps: FeatureDeps, table: 'membership' | 'group_membership', request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
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
        ? bodyPage(deps, reply, owner, { membership: { values: {}, problems }, status })
        : groupPage(deps, reply, owner, { member: { values: {}, problems }, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function getBodies(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const db = database.db;
  const bodies = await listBodyRows(db);
  return reply.view('admin/bodies.njk', { pageTitle: 'Bodies', bodies });
}

async function getBodyNew(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  return newBodyPage(deps, reply, {});
}

async function postBodyNew(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: BodyFieldsSchema,
    body: values,
    run: async (data) => linkTo('admin.body', { id: (await bodyCreator({ database, actor: request.user!, authorityName: config.authorityName, ...data })).id }),
    fail: (problems, status) => newBodyPage(deps, reply, values, problems, status),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function getBody(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  return bodyPage(deps, reply, IdParams.parse(request.params).id);
}

async function postBody(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: BodyFieldsSchema.extend(BodyPageFieldsSchema.shape).extend(VersionSchema.shape),
    body: values,
    run: async (data) => {
      await bodyEditor({ database, actor: request.user!, id, ...data });
      return linkTo('admin.body', { id });
    },
    fail: (problems, status) => bodyPage(deps, reply, id, { values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function postBodyMemberships(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: MembershipFieldsSchema,
    body: values,
    run: async (data) => {
      await membershipAdder({ database, actor: request.user!, bodyId: id, ...data });
      return linkTo('admin.body', { id });
    },
    fail: (problems, status) => bodyPage(deps, reply, id, { membership: { values, problems }, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function getGroups(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const db = database.db;
  return reply.view('admin/groups.njk', { pageTitle: 'Political groups', groups: await store.listGroups(db) });
}

async function getGroupNew(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  return newGroupPage(deps, reply, {});
}

async function postGroupNew(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: GroupFieldsSchema,
    body: values,
    run: async (data) =>
      linkTo('admin.group', { id: (await groupCreator({ database, actor: request.user!, authorityName: config.authorityName, ...data })).id }),
    fail: (problems, status) => newGroupPage(deps, reply, values, problems, status),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function getGroup(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  return groupPage(deps, reply, IdParams.parse(request.params).id);
}

async function postGroup(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: GroupFieldsSchema.extend(VersionSchema.shape),
    body: values,
    run: async (data) => {
      await groupEditor({ database, actor: request.user!, id, ...data });
      return linkTo('admin.group', { id });
    },
    fail: (problems, status) => groupPage(deps, reply, id, { values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function postGroupMemberships(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: GroupMembershipFieldsSchema,
    body: values,
    run: async (data) => {
      await groupMembershipAdder({ database, actor: request.user!, groupId: id, ...data });
      return linkTo('admin.group', { id });
    },
    fail: (problems, status) => groupPage(deps, reply, id, { member: { values, problems }, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function membershipOwner(database: FeatureDeps['database'], table: 'membership' | 'group_membership', id: string): Promise<string> {
  const row = await store.findMembershipRow(database.db, table, id);
  if (!row) throw NotFound('Membership not found');
  return row.owner_id;
}
