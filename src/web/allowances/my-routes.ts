/**
 * A member's own allowances: entitlements for a year (pro rata, and any SRA not payable under the one-SRA rule),
 * claims with their status and history, and making a claim. Claims are chosen by kind first (a GET form), so each
 * kind's form asks only for what that kind needs and works without JavaScript.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { listHistory } from '../../db/repositories/committee-admin.ts';
import { CLAIM_KINDS, CLAIM_KIND_LABELS, needsReceipt, type ClaimKind } from '../../domain/allowances/claims.ts';
import { allowanceYear, allowanceYearOf, daysInclusive, parseYearLabel } from '../../domain/allowances/dates.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { claimSubmitter, type ClaimSubmitterProps } from '../../services/allowances/claim-submitter.ts';
import { buildStatement } from '../../services/allowances/statement.ts';
import { zodProblems, type Problem } from '../admin/forms.ts';
import { presentHistory } from '../admin/history/presenter.ts';
import { requireRole } from '../auth/plugin.ts';
import { HttpError, NotFound, ValidationError } from '../errors.ts';
import { linkTo, ROUTES } from '../routes.ts';
import { presentClaimDetail, presentClaimRow, presentEntitlements } from './claim-presenter.ts';
import { allowancesFormErrors, dateFromParts, formValues, poundsFrom, wholeNumberFrom, type FormValues } from './form-input.ts';
import { ClaimFormSchema, ClaimKindQuerySchema, ClaimParamsSchema, YearQuerySchema } from './schema.ts';
import { ruleProblems } from './service-errors.ts';
import { todayInLondon } from './today.ts';

/** Where each problem's summary link jumps when the field is not a single input. */
const CLAIM_TARGETS = { dutyDate: 'dutyDate-day', purposeCode: 'purposeCode', carerInHousehold: 'carerInHousehold', kind: 'main-content' };

export async function myAllowancesRoutes(app: FastifyInstance, { database }: { database: DatabaseHandle }): Promise<void> {
  const { db } = database;

  await app.register(async (mine) => {
    // Members claim; democratic services pass every role check (and may look at their own page too).
    mine.addHook('preHandler', requireRole('councillor'));

    mine.get(ROUTES['allowances.mine'], async (request, reply) => {
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
        repo.findPerson(db, user.personId),
      ]);
      const startYear = Number(year.start.slice(0, 4));
      const claimed = typeof (request.query as { claimed?: unknown }).claimed === 'string' ? claims.find((claim) => claim.id === (request.query as { claimed: string }).claimed) : undefined;
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
    });

    const kindPage = (reply: FastifyReply, problems?: Problem[]) => {
      if (problems) reply.code(400);
      return reply.view('allowances/claim-kind.njk', {
        pageTitle: `${problems ? 'Error: ' : ''}What are you claiming for?`,
        kinds: CLAIM_KINDS.map((kind) => ({ value: kind, text: CLAIM_KIND_LABELS[kind] })),
        action: linkTo('allowances.mine.claim.new'),
        backHref: linkTo('allowances.mine'),
        errors: problems ? allowancesFormErrors(problems) : undefined,
        currentNav: 'allowances',
      });
    };

    const claimPage = async (reply: FastifyReply, kind: ClaimKind, values: FormValues, problems?: Problem[]) => {
      const scheme = await repo.findSchemeInForce(db, values['dutyDate-year'] ? (dateFromParts(values, 'dutyDate', '').value ?? todayInLondon()) : todayInLondon());
      if (problems) reply.code(400);
      return reply.view('allowances/claim-form.njk', {
        pageTitle: `${problems ? 'Error: ' : ''}Claim: ${CLAIM_KIND_LABELS[kind]}`,
        kind,
        kindLabel: CLAIM_KIND_LABELS[kind],
        receipt: needsReceipt(kind),
        purposes: (scheme?.purposes ?? []).map((purpose) => ({ value: purpose.code, text: `(${purpose.code}) ${purpose.text}`, checked: values.purposeCode === purpose.code })),
        timeLimit: scheme?.scheme.claim_time_limit_months ?? 4,
        values,
        action: linkTo('allowances.mine.claim.new'),
        backHref: linkTo('allowances.mine.claim.new'),
        errors: problems ? allowancesFormErrors(problems, CLAIM_TARGETS) : undefined,
        currentNav: 'allowances',
      });
    };

    mine.get(ROUTES['allowances.mine.claim.new'], async (request, reply) => {
      const query = ClaimKindQuerySchema.safeParse(request.query);
      if (!query.success) return kindPage(reply, zodProblems(query.error));
      if (!query.data.kind) return kindPage(reply);
      return claimPage(reply, query.data.kind, {});
    });

    mine.post(ROUTES['allowances.mine.claim.new'], async (request, reply) => {
      const user = request.user!;
      const values = formValues(request.body);
      const parsed = ClaimFormSchema.safeParse(values);
      if (!parsed.success) {
        const kind = ClaimKindQuerySchema.safeParse({ kind: values.kind }).data?.kind;
        return kind ? claimPage(reply, kind, values, zodProblems(parsed.error)) : kindPage(reply, zodProblems(parsed.error));
      }
      if (!user.personId) throw new HttpError(403, 'forbidden', 'Your account is not linked to a member. Ask democratic services to link it.');
      const { claim, problems } = readClaim(parsed.data, values);
      if (problems.length) return claimPage(reply, parsed.data.kind, values, problems);
      try {
        const { id } = await claimSubmitter({ db, user, personId: user.personId, claim: claim!, claimedOn: todayInLondon() });
        return reply.redirect(`${linkTo('allowances.mine')}?year=${encodeURIComponent(allowanceYearOf(claim!.dutyDate).label)}&claimed=${encodeURIComponent(id)}`, 303);
      } catch (error) {
        return claimPage(reply, parsed.data.kind, values, ruleProblems(error));
      }
    });

    mine.get(ROUTES['allowances.mine.claim'], async (request, reply) => {
      const claim = await ownClaim(db, request.user!, request.params);
      return reply.view('allowances/claim.njk', {
        pageTitle: presentClaimDetail(claim).title,
        claim: presentClaimDetail(claim),
        history: presentHistory(await listHistory(db, 'allowance_claim', claim.id)),
        backHref: linkTo('allowances.mine'),
        backText: 'My allowances',
        currentNav: 'allowances',
      });
    });
  });
}

/** The claim, if it is the signed-in member's own (democratic services may see any); otherwise not found, so ids reveal nothing. */
async function ownClaim(db: DatabaseHandle['db'], user: SessionUser, params: unknown) {
  const parsed = ClaimParamsSchema.safeParse(params);
  const claim = parsed.success ? await repo.findClaimDetail(db, parsed.data.id) : undefined;
  if (!claim || (claim.person_id !== user.personId && !user.roles.includes('democratic-services'))) throw NotFound('Claim not found');
  return claim;
}

/** The form's strings as a claim for claimSubmitter; what cannot be read is a problem on its field. */
function readClaim(form: ReturnType<typeof ClaimFormSchema.parse>, values: FormValues): { claim?: ClaimSubmitterProps['claim']; problems: Problem[] } {
  const problems: Problem[] = [];
  const date = dateFromParts(values, 'dutyDate', 'the date of the duty');
  if (date.problem) problems.push(date.problem);
  const costPence = poundsFrom(values, 'cost', problems, 'Enter the cost in pounds and pence, like 12.50');
  const dependants = wholeNumberFrom(values, 'dependants', problems, 'Enter the number of dependants as a whole number, like 2');
  const days = wholeNumberFrom(values, 'days', problems, 'Enter the number of days as a whole number, like 1');
  // Without a date the scheme's rules cannot be checked yet; say now what else is missing, so one try shows all.
  if (date.problem) problems.push(...missingFields(form.kind, values).filter((missing) => !problems.some((problem) => problem.field === missing.field)));
  if (problems.length) return { problems };
  const claim: ClaimSubmitterProps['claim'] = {
    kind: form.kind,
    dutyDate: date.value!,
    ...(form.description ? { description: form.description } : {}),
    ...(form.purposeCode ? { purposeCode: form.purposeCode } : {}),
    ...(form.miles ? { miles: form.miles } : {}),
    ...(costPence !== undefined ? { costPence } : {}),
    ...(form.receiptReference ? { receiptReference: form.receiptReference } : {}),
    ...(form.hours ? { hours: form.hours } : {}),
    ...(dependants !== undefined ? { dependants } : {}),
    ...(days !== undefined ? { days } : {}),
    carerInHousehold: form.carerInHousehold === 'yes',
  };
  return { claim, problems };
}

const REQUIRED: Record<ClaimKind, Array<[field: string, message: string]>> = {
  travel: [
    ['purposeCode', 'Choose the purpose of the journey'],
    ['miles', 'Enter the miles'],
  ],
  parking: [['cost', 'Enter the cost']],
  'public-transport': [['cost', 'Enter the cost']],
  taxi: [['cost', 'Enter the cost']],
  hotel: [['cost', 'Enter the cost']],
  carers: [
    ['hours', 'Enter the hours of care'],
    ['dependants', 'Enter how many dependants were cared for'],
    ['cost', 'Enter what was paid to the carer'],
  ],
  'co-optee-day': [['days', 'Enter the number of days']],
};

function missingFields(kind: ClaimKind, values: FormValues): Problem[] {
  const required = [...REQUIRED[kind], ...(needsReceipt(kind) ? ([['receiptReference', 'Enter the receipt reference']] as Array<[string, string]>) : [])];
  return required.filter(([field]) => !values[field]?.trim()).map(([field, message]) => ({ field, message }));
}
