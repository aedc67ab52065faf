/**
 * A democratic services officer makes a claim on a member's behalf (a member who sends a paper form, or asks for
 * help): the same form and rules as the member's own, the claim recorded as submitted by the officer's account.
 */
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { claimSubmitter } from '../../services/allowances/claim-submitter.ts';
import { displayName } from '../../services/allowances/statement.ts';
import { zodProblems, type Problem } from '../shared/forms.ts';
import { requireRole } from '../auth/plugin.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { readClaim, renderClaimPage, renderKindPage, type OnBehalfOf } from './claim-form.ts';
import { formValues } from './form-input.ts';
import { ClaimFormSchema, OnBehalfQuerySchema } from './schema.ts';
import { ruleProblems } from './service-errors.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { findPersonName } from '../../db/records/people.ts';

const action = linkTo('allowances.admin.claim.new');

export async function onBehalfClaimRoutes(app: FastifyInstance, deps: { database: DatabaseHandle }): Promise<void> {
  await app.register(async (admin) => {
    admin.addHook('preHandler', requireRole('democratic-services'));
    admin.get(ROUTES['allowances.admin.claim.new'], (request, reply) => getAllowancesAdminClaimNew(deps, request, reply));
    admin.post(ROUTES['allowances.admin.claim.new'], { config: { files: ['receipt'] } }, (request, reply) => postAllowancesAdminClaimNew(deps, request, reply));
  });
}

async function memberNamed(deps: { database: DatabaseHandle }, id: string | undefined): Promise<OnBehalfOf | undefined> {
  const { database } = deps;
  const { db } = database;
  const person = id ? await findPersonName(db, id) : undefined;
  return person && person.kind === 'member' ? { id: person.id, name: displayName(person) } : undefined;
}

async function kindPlace(deps: { database: DatabaseHandle }, selected?: string) {
  const { database } = deps;
  const { db } = database;
  const members = (await repo.listMemberNames(db)).map((member) => ({ value: member.id, text: displayName(member), selected: member.id === selected }));
  return { action, backHref: linkTo('allowances.admin'), members: [{ value: '', text: 'Choose a member' }, ...members] };
}

async function getAllowancesAdminClaimNew(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const query = OnBehalfQuerySchema.safeParse(request.query);
  const asked = Object.keys((request.query ?? {}) as object).length > 0;
  if (!query.success) return renderKindPage(reply, await kindPlace(deps), zodProblems(query.error));
  const member = await memberNamed(deps, query.data.member);
  const problems: Problem[] = [];
  if (!member) problems.push({ field: 'member', message: 'Choose the member the claim is for' });
  if (!query.data.kind) problems.push({ field: 'kind', message: 'Choose what the member is claiming for' });
  if (problems.length) return renderKindPage(reply, await kindPlace(deps, query.data.member), asked ? problems : undefined);
  return renderClaimPage(db, reply, { action, backHref: `${action}?member=${encodeURIComponent(member!.id)}`, onBehalfOf: member }, query.data.kind!, {});
}

async function postAllowancesAdminClaimNew(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const values = formValues(request.body);
  const member = await memberNamed(deps, values.member);
  if (!member) return renderKindPage(reply, await kindPlace(deps), [{ field: 'member', message: 'Choose the member the claim is for' }]);
  const place = { action, backHref: `${action}?member=${encodeURIComponent(member.id)}`, onBehalfOf: member };
  const parsed = ClaimFormSchema.safeParse(values);
  if (!parsed.success) {
    const kind = OnBehalfQuerySchema.safeParse({ kind: values.kind }).data?.kind;
    return kind
      ? renderClaimPage(db, reply, place, kind, values, zodProblems(parsed.error))
      : renderKindPage(reply, await kindPlace(deps, member.id), zodProblems(parsed.error));
  }
  const { claim, problems } = readClaim(parsed.data, values, request.body);
  if (problems.length) return renderClaimPage(db, reply, place, parsed.data.kind, values, problems);
  try {
    const { id } = await claimSubmitter({
      db,
      actor: request.user!,
      personId: member.id,
      claim: claim!,
      claimedOn: todayInLondon(),
      confirmDuplicate: parsed.data.confirmDuplicate === 'yes',
    });
    return reply.redirect(linkTo('allowances.admin.claim', { id }), 303);
  } catch (error) {
    return renderClaimPage(db, reply, place, parsed.data.kind, values, ruleProblems(error));
  }
}
