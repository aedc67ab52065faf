/**
 * The allowances back office for democratic services officers: claims to approve or reject (with a reason), each
 * claim with its history; who holds which allowance (appointments refused past a post's maximum holders); what
 * members forgo; and recording the adoption of a proposed scheme. Forms follow the GOV.UK error pattern.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { listHistory } from '../../db/repositories/audit-trail.ts';
import { allowanceYearOf, parseYearLabel } from '../../domain/allowances/dates.ts';
import { formatPounds } from '../../domain/allowances/money.ts';
import { claimDecider } from '../../services/allowances/claim-decider.ts';
import { allowanceForgoer, postHolderAppointer } from '../../services/allowances/entitlement-recorder.ts';
import { schemeAdopter } from '../../services/allowances/scheme-adopter.ts';
import { paymentRunRecorder } from '../../services/allowances/payment-run.ts';
import { displayName } from '../../services/allowances/statement.ts';
import { zodProblems, type Problem } from '../shared/forms.ts';
import { presentHistory } from '../admin/history/presenter.ts';
import { requireRole } from '../auth/plugin.ts';
import { NotFound } from '../../http/errors.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { presentClaimDetail, presentClaimRow } from './claim-presenter.ts';
import { allowancesFormErrors, dateFromParts, datePartsOf, formValues, poundsFrom, type FormValues } from './form-input.ts';
import { ClaimParamsSchema, DecisionFormSchema, ForgoneFormSchema, HolderFormSchema, SchemeParamsSchema, YearQuerySchema } from './schema.ts';
import { ruleProblems } from './service-errors.ts';
import { todayInLondon } from '../../domain/dates.ts';

const KIND_LABELS = { basic: 'Basic allowance', sra: 'Special responsibility allowance', 'co-optee': 'Co-optee’s allowance', all: 'All allowances' } as const;

export async function allowancesAdminRoutes(app: FastifyInstance, deps: { database: DatabaseHandle }): Promise<void> {
  await app.register(async (admin) => {
    admin.addHook('preHandler', requireRole('democratic-services'));
    admin.get(ROUTES['allowances.admin'], (request, reply) => getAllowancesAdmin(deps, request, reply));
    admin.get(ROUTES['allowances.admin.claim'], (request, reply) => getAllowancesAdminClaim(deps, request, reply));
    admin.post(ROUTES['allowances.admin.claim.decision'], (request, reply) => postAllowancesAdminClaimDecision(deps, request, reply));
    admin.get(ROUTES['allowances.admin.holders'], (request, reply) => getAllowancesAdminHolders(deps, request, reply));
    admin.post(ROUTES['allowances.admin.holders'], (request, reply) => postAllowancesAdminHolders(deps, request, reply));
    admin.get(ROUTES['allowances.admin.forgone'], (request, reply) => getAllowancesAdminForgone(deps, request, reply));
    admin.post(ROUTES['allowances.admin.forgone'], (request, reply) => postAllowancesAdminForgone(deps, request, reply));

    // ---- payment runs: the sums the annual statement publishes ----
    admin.get(ROUTES['allowances.admin.payments'], (request, reply) => getAllowancesAdminPayments(deps, request, reply));
    admin.post(ROUTES['allowances.admin.payments'], (request, reply) => postAllowancesAdminPayments(deps, request, reply));
    admin.get(ROUTES['allowances.admin.scheme.adopt'], (request, reply) => getAllowancesAdminSchemeAdopt(deps, request, reply));
    admin.post(ROUTES['allowances.admin.scheme.adopt'], (request, reply) => postAllowancesAdminSchemeAdopt(deps, request, reply));
  });
}

async function claimPage(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply, values: FormValues = {}, problems?: Problem[]) {
  const { database } = deps;
  const { db } = database;
  const params = ClaimParamsSchema.safeParse(request.params);
  const claim = params.success ? await repo.findClaimDetail(db, params.data.id) : undefined;
  if (!claim) throw NotFound('Claim not found');
  if (problems) reply.code(400);
  const detail = presentClaimDetail(claim, await repo.findClaimReceipt(db, claim.id));
  return reply.view('allowances/claim.njk', {
    pageTitle: `${problems ? 'Error: ' : ''}${detail.title}`,
    claim: detail,
    history: presentHistory(await listHistory(db, 'allowance_claim', claim.id)),
    decision: claim.status === 'submitted' ? { action: linkTo('allowances.admin.claim.decision', { id: claim.id }), values } : null,
    errors: problems ? allowancesFormErrors(problems, { decision: 'decision' }) : undefined,
    backHref: linkTo('allowances.admin'),
    backText: 'Claims to decide',
    currentNav: 'allowances',
  });
}

function yearOf(deps: { database: DatabaseHandle }, request: FastifyRequest) {
  const query = YearQuerySchema.safeParse(request.query);
  return query.success && query.data.year ? parseYearLabel(query.data.year)! : allowanceYearOf(todayInLondon());
}

async function holdersPage(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply, values: FormValues, problems?: Problem[]) {
  const { database } = deps;
  const { db } = database;
  const year = yearOf(deps, request);
  const [scheme, holders, members, roles] = await Promise.all([
    repo.findSchemeInForce(db, todayInLondon()),
    repo.holdersIn(db, year),
    repo.listMemberNames(db),
    repo.listRoleMemberships(db),
  ]);
  if (problems) reply.code(400);
  const counts = new Map<string, number>();
  for (const holder of holders) if (holder.sra_post_id) counts.set(holder.sra_post_id, (counts.get(holder.sra_post_id) ?? 0) + 1);
  const entitlements = [
    { value: '', text: 'Choose the allowance' },
    { value: 'basic', text: 'Basic allowance' },
    ...(scheme?.posts ?? []).map((post) => ({
      value: `sra:${post.id}`,
      text: `${post.name} (${formatPounds(BigInt(post.amount_pence))}${post.max_holders ? `, at most ${post.max_holders}` : ''})`,
    })),
    ...(scheme?.coOpteeRates ?? [])
      .filter((rate) => rate.per_year_pence !== null)
      .map((rate) => ({ value: `co-optee:${rate.id}`, text: `Co-optee: ${rate.role}` })),
  ].map((option) => ({ ...option, selected: option.value === (values.entitlement ?? '') }));
  return reply.view('allowances/admin/holders.njk', {
    pageTitle: `${problems ? 'Error: ' : ''}Who holds which allowance, ${year.label}`,
    year,
    schemeTitle: scheme?.scheme.title ?? null,
    holders: holders.map((holder) => ({
      name: displayName(holder),
      allowance: holder.kind === 'basic' ? 'Basic allowance' : holder.kind === 'sra' ? (holder.post_name ?? '') : `Co-optee: ${holder.co_optee_role ?? ''}`,
      held: `${holder.start_date} to ${holder.end_date ?? 'now'}`,
      role: holder.membership_body ? `${holder.membership_role}, ${holder.membership_body}` : '',
      maximum: holder.max_holders ? `${counts.get(holder.sra_post_id!) ?? 0} in the year; at most ${holder.max_holders} at a time` : '',
    })),
    members: [
      { value: '', text: 'Choose the member' },
      ...members.map((member) => ({
        value: member.id,
        text: `${member.family_name}, ${displayName({ ...member, family_name: '' }).trim()}`.replace(/, $/, ''),
        selected: member.id === values.personId,
      })),
    ],
    entitlements,
    roles: [
      { value: '', text: 'Not linked to a role' },
      ...roles.map((role) => ({
        value: role.id,
        text: `${displayName(role)}: ${role.role}, ${role.body_name} (from ${role.start_date ?? 'unknown'}${role.end_date ? ` to ${role.end_date}` : ''})`,
        selected: role.id === values.membershipId,
      })),
    ],
    values,
    action: linkTo('allowances.admin.holders'),
    errors: problems ? allowancesFormErrors(problems, { start: 'start-day', end: 'end-day', sraPostId: 'entitlement' }) : undefined,
    currentNav: 'allowances',
  });
}

async function forgonePage(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply, values: FormValues, problems?: Problem[]) {
  const { database } = deps;
  const { db } = database;
  const year = yearOf(deps, request);
  const [forgone, members] = await Promise.all([repo.forgoneWithNames(db, year.start), repo.listMemberNames(db)]);
  if (problems) reply.code(400);
  return reply.view('allowances/admin/forgone.njk', {
    pageTitle: `${problems ? 'Error: ' : ''}Allowances forgone, ${year.label}`,
    year,
    forgone: forgone.map((entry) => ({
      name: displayName(entry),
      kind: KIND_LABELS[entry.kind],
      amount: entry.amount_pence === null ? 'All of it' : formatPounds(BigInt(entry.amount_pence)),
      recordedOn: entry.recorded_on,
      note: entry.note ?? '',
    })),
    members: [
      { value: '', text: 'Choose the member' },
      ...members.map((member) => ({
        value: member.id,
        text: `${member.family_name}, ${displayName({ ...member, family_name: '' }).trim()}`.replace(/, $/, ''),
        selected: member.id === values.personId,
      })),
    ],
    kinds: (Object.keys(KIND_LABELS) as Array<keyof typeof KIND_LABELS>).map((kind) => ({
      value: kind,
      text: KIND_LABELS[kind],
      checked: values.kind === kind,
    })),
    values: { year: year.label, ...values },
    action: linkTo('allowances.admin.forgone'),
    errors: problems ? allowancesFormErrors(problems, { kind: 'kind' }) : undefined,
    currentNav: 'allowances',
  });
}

async function paymentsPage(deps: { database: DatabaseHandle }, reply: FastifyReply, values: FormValues, problems?: Problem[]) {
  if (problems) reply.code(400);
  return reply.view('allowances/admin/payments.njk', {
    pageTitle: `${problems ? 'Error: ' : ''}Record a payment run`,
    values,
    action: linkTo('allowances.admin.payments'),
    errors: problems ? allowancesFormErrors(problems, { paidOn: 'paidOn-day', upTo: 'upTo-day' }) : undefined,
    backHref: linkTo('allowances.admin'),
    currentNav: 'allowances',
  });
}

async function adoptPage(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply, values: FormValues, problems?: Problem[]) {
  const { database } = deps;
  const { db } = database;
  const params = SchemeParamsSchema.safeParse(request.params);
  const detail = params.success ? await repo.findScheme(db, params.data.id) : undefined;
  if (!detail) throw NotFound('Allowances scheme not found');
  if (problems) reply.code(400);
  return reply.view('allowances/admin/adopt.njk', {
    pageTitle: `${problems ? 'Error: ' : ''}Record the adoption of ${detail.scheme.title}`,
    scheme: {
      title: detail.scheme.title,
      status: detail.scheme.status,
      href: linkTo('allowances.scheme', { id: detail.scheme.id }),
      proposals: detail.scheme.proposals.map((p) => p.summary),
    },
    values: Object.keys(values).length ? values : detail.adoptedMeeting ? datePartsOf('adoptedOn', detail.adoptedMeeting.date) : {},
    action: linkTo('allowances.admin.scheme.adopt', { id: detail.scheme.id }),
    errors: problems ? allowancesFormErrors(problems, { adoptedOn: 'adoptedOn-day', takesEffectOn: 'takesEffectOn-day' }) : undefined,
    backHref: linkTo('allowances.admin'),
    currentNav: 'allowances',
  });
}

async function getAllowancesAdmin(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const decided = typeof (request.query as { decided?: unknown }).decided === 'string' ? (request.query as { decided: string }).decided : undefined;
  const [waiting, schemes] = await Promise.all([repo.listClaims(db, { status: 'submitted' }), repo.listSchemes(db)]);
  const decidedClaim = decided ? await repo.findClaimDetail(db, decided) : undefined;
  return reply.view('allowances/admin/index.njk', {
    pageTitle: 'Allowances – back office',
    waiting: waiting.map((claim) => presentClaimRow(claim, linkTo('allowances.admin.claim', { id: claim.id }))),
    decided: decidedClaim ? { ...presentClaimRow(decidedClaim, linkTo('allowances.admin.claim', { id: decidedClaim.id })), status: decidedClaim.status } : null,
    proposed: schemes
      .filter((scheme) => scheme.status === 'proposed')
      .map((scheme) => ({
        title: scheme.title,
        href: linkTo('allowances.scheme', { id: scheme.id }),
        adoptHref: linkTo('allowances.admin.scheme.adopt', { id: scheme.id }),
      })),
    newClaimHref: linkTo('allowances.admin.claim.new'),
    holdersHref: linkTo('allowances.admin.holders'),
    forgoneHref: linkTo('allowances.admin.forgone'),
    statementHref: linkTo('allowances.statement'),
    paymentsHref: linkTo('allowances.admin.payments'),
    currentNav: 'allowances',
  });
}

async function getAllowancesAdminClaim(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  return claimPage(deps, request, reply);
}

async function postAllowancesAdminClaimDecision(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const params = ClaimParamsSchema.safeParse(request.params);
  if (!params.success) throw NotFound('Claim not found');
  const values = formValues(request.body);
  const parsed = DecisionFormSchema.safeParse(values);
  if (!parsed.success) return claimPage(deps, request, reply, values, zodProblems(parsed.error));
  try {
    await claimDecider({
      db,
      actor: request.user!,
      claimId: params.data.id,
      decision: parsed.data.decision,
      ...(parsed.data.note ? { note: parsed.data.note } : {}),
      decidedOn: todayInLondon(),
    });
  } catch (error) {
    return claimPage(deps, request, reply, values, ruleProblems(error));
  }
  return reply.redirect(`${linkTo('allowances.admin')}?decided=${encodeURIComponent(params.data.id)}`, 303);
}

async function getAllowancesAdminHolders(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  return holdersPage(deps, request, reply, {});
}

async function postAllowancesAdminHolders(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const values = formValues(request.body);
  const parsed = HolderFormSchema.safeParse(values);
  const problems: Problem[] = parsed.success ? [] : zodProblems(parsed.error);
  const start = dateFromParts(values, 'start', 'the start date');
  if (start.problem) problems.push(start.problem);
  const endGiven = Boolean(values['end-day'] || values['end-month'] || values['end-year']);
  const end = endGiven ? dateFromParts(values, 'end', 'the end date') : {};
  if (end.problem) problems.push(end.problem);
  if (problems.length || !parsed.success) return holdersPage(deps, request, reply, values, problems);
  const scheme = await repo.findSchemeInForce(db, start.value!);
  if (!scheme) return holdersPage(deps, request, reply, values, [{ field: 'start', message: `No allowances scheme was in force on ${start.value}` }]);
  const [kind, reference] = parsed.data.entitlement.split(/:(.*)/s) as ['basic' | 'sra' | 'co-optee', string | undefined];
  const postSchemeId = kind === 'sra' ? (await repo.findPost(db, reference!))?.scheme_id : undefined;
  try {
    await postHolderAppointer({
      db,
      actor: request.user!,
      personId: parsed.data.personId,
      schemeId: postSchemeId ?? scheme.scheme.id,
      kind,
      ...(kind === 'sra' ? { sraPostId: reference! } : {}),
      ...(kind === 'co-optee' ? { coOpteeRateId: reference! } : {}),
      ...(parsed.data.membershipId ? { membershipId: parsed.data.membershipId } : {}),
      start: start.value!,
      end: end.value ?? null,
    });
  } catch (error) {
    return holdersPage(
      deps,
      request,
      reply,
      values,
      ruleProblems(error).map((problem) => (problem.field === 'sraPostId' ? { ...problem, field: 'entitlement' } : problem)),
    );
  }
  return reply.redirect(`${linkTo('allowances.admin.holders')}?year=${encodeURIComponent(allowanceYearOf(start.value!).label)}`, 303);
}

async function getAllowancesAdminForgone(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  return forgonePage(deps, request, reply, {});
}

async function postAllowancesAdminForgone(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const values = formValues(request.body);
  const parsed = ForgoneFormSchema.safeParse(values);
  const problems: Problem[] = parsed.success ? [] : zodProblems(parsed.error);
  const amountPence = poundsFrom(values, 'amount', problems, 'Enter the amount in pounds and pence, like 195.00, or leave it blank to forgo all of it');
  if (problems.length || !parsed.success) return forgonePage(deps, request, reply, values, problems);
  const year = parseYearLabel(parsed.data.year)!;
  try {
    await allowanceForgoer({
      db,
      actor: request.user!,
      personId: parsed.data.personId,
      yearOf: year.start,
      kind: parsed.data.kind,
      amountPence: amountPence ?? null,
      recordedOn: todayInLondon(),
      ...(parsed.data.note ? { note: parsed.data.note } : {}),
    });
  } catch (error) {
    return forgonePage(deps, request, reply, values, ruleProblems(error));
  }
  return reply.redirect(`${linkTo('allowances.admin.forgone')}?year=${encodeURIComponent(year.label)}`, 303);
}

async function getAllowancesAdminPayments(deps: { database: DatabaseHandle }, _request: FastifyRequest, reply: FastifyReply) {
  return paymentsPage(deps, reply, {});
}

async function postAllowancesAdminPayments(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const values = formValues(request.body);
  const paidOn = dateFromParts(values, 'paidOn', 'the date of payment');
  const upTo = dateFromParts(values, 'upTo', 'the last day paid for');
  const problems = [paidOn.problem, upTo.problem].filter((problem) => problem !== undefined);
  if (problems.length) return paymentsPage(deps, reply, values, problems);
  try {
    await paymentRunRecorder({ db, actor: request.user!, paidOn: paidOn.value!, upTo: upTo.value! });
  } catch (error) {
    return paymentsPage(deps, reply, values, ruleProblems(error));
  }
  return reply.redirect(`${linkTo('allowances.statement')}?year=${encodeURIComponent(allowanceYearOf(paidOn.value!).label)}#paid`, 303);
}

async function getAllowancesAdminSchemeAdopt(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  return adoptPage(deps, request, reply, {});
}

async function postAllowancesAdminSchemeAdopt(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const params = SchemeParamsSchema.safeParse(request.params);
  if (!params.success) throw NotFound('Allowances scheme not found');
  const values = formValues(request.body);
  const date = dateFromParts(values, 'adoptedOn', 'the date the Council adopted it');
  // Optional: left empty, the service takes the day of adoption.
  const effectGiven = ['day', 'month', 'year'].some((part) => values[`takesEffectOn-${part}`]?.trim());
  const effect: { value?: string; problem?: Problem } = effectGiven ? dateFromParts(values, 'takesEffectOn', 'the date it takes effect') : {};
  const dateProblems = [date.problem, effect.problem].filter((problem) => problem !== undefined);
  if (dateProblems.length || !date.value)
    return adoptPage(
      deps,
      request,
      reply,
      values,
      dateProblems.length ? dateProblems : [{ field: 'adoptedOn', message: 'Enter the date the Council adopted it' }],
    );
  try {
    await schemeAdopter({
      db,
      actor: request.user!,
      schemeId: params.data.id,
      adoptedOn: date.value,
      ...(effect.value ? { takesEffectOn: effect.value } : {}),
    });
  } catch (error) {
    return adoptPage(deps, request, reply, values, ruleProblems(error));
  }
  return reply.redirect(linkTo('allowances.scheme', { id: params.data.id }), 303);
}
