/**
 * A member's own allowances: entitlements for a year (pro rata, and any SRA not payable under the one-SRA rule),
 * claims with their status and history, and making a claim. Claims are chosen by kind first (a GET form), so each
 * kind's form asks only for what that kind needs and works without JavaScript.
 */
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { listHistory } from '../../db/repositories/audit-trail.ts';
import { allowanceYear, allowanceYearOf, daysInclusive, parseYearLabel } from '../../domain/allowances/dates.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { claimSubmitter } from '../../services/allowances/claim-submitter.ts';
import { readFile } from '../../db/repositories/stored-files.ts';
import { buildStatement } from '../../services/allowances/statement.ts';
import { zodProblems } from '../shared/forms.ts';
import { presentHistory } from '../admin/history/presenter.ts';
import { requireRole } from '../auth/plugin.ts';
import { HttpError, NotFound, ValidationError } from '../../http/errors.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { presentClaimDetail, presentClaimRow, presentEntitlements } from './claim-presenter.ts';
import { renderClaimPage, renderKindPage, readClaim } from './claim-form.ts';
import { formValues } from './form-input.ts';
import { attachmentDisposition } from '../shared/uploads.ts';
import { ClaimFormSchema, ClaimKindQuerySchema, ClaimParamsSchema, YearQuerySchema } from './schema.ts';
import { ruleProblems } from './service-errors.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { findPersonName } from '../../db/records/people.ts';

const place = { action: linkTo('allowances.mine.claim.new'), backHref: linkTo('allowances.mine') };
const kindPlace = { ...place };
const formPlace = { ...place, backHref: linkTo('allowances.mine.claim.new') };

export async function myAllowancesRoutes(app: FastifyInstance, deps: { database: DatabaseHandle }): Promise<void> {
  await app.register(async (mine) => {
    // Members claim; democratic services pass every role check (and may look at their own page too).
    mine.addHook('preHandler', requireRole('councillor'));
    mine.get(ROUTES['allowances.mine'], (request, reply) => getAllowancesMine(deps, request, reply));
    mine.get(ROUTES['allowances.mine.claim.new'], (request, reply) => getAllowancesMineClaimNew(deps, request, reply));
    mine.post(ROUTES['allowances.mine.claim.new'], { config: { files: ['receipt'] } }, (request, reply) => postAllowancesMineClaimNew(deps, request, reply));
    mine.get(ROUTES['allowances.mine.claim'], (request, reply) => getAllowancesMineClaim(deps, request, reply));

    // The receipt goes only to the member whose claim it is and to democratic services; never cached or public.
    mine.get(ROUTES['allowances.mine.claim.receipt'], (request, reply) => getAllowancesMineClaimReceipt(deps, request, reply));
  });
}

async function getAllowancesMine(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const user = request.user!;
  const query = YearQuerySchema.safeParse(request.query);
  if (!query.success) throw ValidationError(zodProblems(query.error));
  const today = todayInLondon();
  const year = query.data.year ? parseYearLabel(query.data.year)! : allowanceYearOf(today);
  const current = allowanceYearOf(today);
  if (!user.personId) {
    return reply.view('allowances/mine.njk', { pageTitle: 'My allowances', linked: false, currentNav: 'allowances' });
  }
  const [statement, claims, person] = await Promise.all([
    buildStatement(db, year, user.personId),
    repo.listClaims(db, { personId: user.personId, period: year }),
    findPersonName(db, user.personId),
  ]);
  const startYear = Number(year.start.slice(0, 4));
  const claimed =
    typeof (request.query as { claimed?: unknown }).claimed === 'string'
      ? claims.find((claim) => claim.id === (request.query as { claimed: string }).claimed)
      : undefined;
  return reply.view('allowances/mine.njk', {
    pageTitle: `My allowances ${year.label}`,
    linked: true,
    name: person ? [person.honorific, person.given_name ?? person.initials.join(' '), person.family_name].filter(Boolean).join(' ') : user.name,
    year,
    previousHref: `${linkTo('allowances.mine')}?year=${encodeURIComponent(allowanceYear(startYear - 1).label)}`,
    nextHref: year.start < current.start ? `${linkTo('allowances.mine')}?year=${encodeURIComponent(allowanceYear(startYear + 1).label)}` : null,
    view: presentEntitlements(statement.rows[0], daysInclusive(year.start, year.end)),
    claims: claims.map((claim) => presentClaimRow(claim, linkTo('allowances.mine.claim', { id: claim.id }))).reverse(),
    claimed: claimed ? presentClaimRow(claimed, linkTo('allowances.mine.claim', { id: claimed.id })) : null,
    newClaimHref: linkTo('allowances.mine.claim.new'),
    currentNav: 'allowances',
  });
}

async function getAllowancesMineClaimNew(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const query = ClaimKindQuerySchema.safeParse(request.query);
  if (!query.success) return renderKindPage(reply, kindPlace, zodProblems(query.error));
  if (!query.data.kind) return renderKindPage(reply, kindPlace);
  return renderClaimPage(db, reply, formPlace, query.data.kind, {});
}

async function postAllowancesMineClaimNew(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const user = request.user!;
  const values = formValues(request.body);
  const parsed = ClaimFormSchema.safeParse(values);
  if (!parsed.success) {
    const kind = ClaimKindQuerySchema.safeParse({ kind: values.kind }).data?.kind;
    return kind ? renderClaimPage(db, reply, formPlace, kind, values, zodProblems(parsed.error)) : renderKindPage(reply, kindPlace, zodProblems(parsed.error));
  }
  if (!user.personId) throw new HttpError(403, 'forbidden', 'Your account is not linked to a member. Ask democratic services to link it.');
  const { claim, problems } = readClaim(parsed.data, values, request.body);
  if (problems.length) return renderClaimPage(db, reply, formPlace, parsed.data.kind, values, problems);
  try {
    const { id } = await claimSubmitter({
      db,
      actor: user,
      personId: user.personId,
      claim: claim!,
      claimedOn: todayInLondon(),
      confirmDuplicate: parsed.data.confirmDuplicate === 'yes',
    });
    return reply.redirect(
      `${linkTo('allowances.mine')}?year=${encodeURIComponent(allowanceYearOf(claim!.dutyDate).label)}&claimed=${encodeURIComponent(id)}`,
      303,
    );
  } catch (error) {
    return renderClaimPage(db, reply, formPlace, parsed.data.kind, values, ruleProblems(error));
  }
}

async function getAllowancesMineClaim(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const claim = await ownClaim(db, request.user!, request.params);
  const detail = presentClaimDetail(claim, await repo.findClaimReceipt(db, claim.id));
  return reply.view('allowances/claim.njk', {
    pageTitle: detail.title,
    claim: detail,
    history: presentHistory(await listHistory(db, 'allowance_claim', claim.id)),
    backHref: linkTo('allowances.mine'),
    backText: 'My allowances',
    currentNav: 'allowances',
  });
}

async function getAllowancesMineClaimReceipt(deps: { database: DatabaseHandle }, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { db } = database;
  const claim = await ownClaim(db, request.user!, request.params);
  const receipt = await repo.findClaimReceipt(db, claim.id);
  const content = receipt ? await readFile(db, receipt.file_sha256) : undefined;
  if (!receipt || !content) throw NotFound('This claim has no receipt');
  return reply
    .header('content-type', receipt.media_type)
    .header('content-disposition', attachmentDisposition(receipt.filename))
    .header('cache-control', 'private, no-store')
    .send(content);
}

/** The claim, if it is the signed-in member's own (democratic services may see any); otherwise not found, so ids reveal nothing. */
async function ownClaim(db: DatabaseHandle['db'], user: SessionUser, params: unknown) {
  const parsed = ClaimParamsSchema.safeParse(params);
  const claim = parsed.success ? await repo.findClaimDetail(db, parsed.data.id) : undefined;
  if (!claim || (claim.person_id !== user.personId && !user.roles.includes('democratic-services'))) throw NotFound('Claim not found');
  return claim;
}
