/**
 * The claim form, shared by a member claiming for themself and a democratic services officer claiming on a member's
 * behalf: the "what are you claiming for?" page, the form for one kind of claim (with the receipt upload for claims
 * at cost), and reading what was posted into the claim claimSubmitter takes.
 */
import type { FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { CLAIM_KINDS, CLAIM_KIND_LABELS, needsReceipt, type ClaimKind } from '../../domain/allowances/claims.ts';
import { MAX_RECEIPT_BYTES } from '../../domain/allowances/receipt.ts';
import type { ClaimSubmitterProps } from '../../services/allowances/claim-submitter.ts';
import type { Problem } from '../shared/forms.ts';
import { optionalUploadedFile } from '../shared/uploads.ts';
import { allowancesFormErrors, dateFromParts, poundsFrom, wholeNumberFrom, type FormValues } from './form-input.ts';
import type { ClaimFormSchema } from './schema.ts';
import { todayInLondon } from '../../domain/dates.ts';

/** Where each problem's summary link jumps when the field is not a single input. */
const CLAIM_TARGETS = {
  dutyDate: 'dutyDate-day',
  purposeCode: 'purposeCode',
  carerInHousehold: 'carerInHousehold',
  confirmDuplicate: 'confirmDuplicate',
  kind: 'main-content',
};

/** Who the claim is for, when an officer makes it on a member's behalf. */
export interface OnBehalfOf {
  id: string;
  name: string;
}

interface FormPlace {
  /** Where the kind page's GET form and the claim form's POST go. */
  action: string;
  backHref: string;
  onBehalfOf?: OnBehalfOf;
  /** Members to choose from on the kind page (officers only). */
  members?: Array<{ value: string; text: string; selected?: boolean }>;
}

export function renderKindPage(reply: FastifyReply, place: FormPlace, problems?: Problem[]) {
  if (problems) reply.code(400);
  return reply.view('allowances/claim-kind.njk', {
    pageTitle: `${problems ? 'Error: ' : ''}${place.members ? 'Make a claim for a member' : 'What are you claiming for?'}`,
    kinds: CLAIM_KINDS.map((kind) => ({ value: kind, text: CLAIM_KIND_LABELS[kind] })),
    members: place.members,
    action: place.action,
    backHref: place.backHref,
    errors: problems ? allowancesFormErrors(problems) : undefined,
    currentNav: 'allowances',
  });
}

export async function renderClaimPage(
  db: DatabaseHandle['db'],
  reply: FastifyReply,
  place: FormPlace,
  kind: ClaimKind,
  values: FormValues,
  problems?: Problem[],
) {
  const scheme = await repo.findSchemeInForce(db, values['dutyDate-year'] ? (dateFromParts(values, 'dutyDate', '').value ?? todayInLondon()) : todayInLondon());
  if (problems) reply.code(400);
  return reply.view('allowances/claim-form.njk', {
    pageTitle: `${problems ? 'Error: ' : ''}Claim: ${CLAIM_KIND_LABELS[kind]}`,
    kind,
    kindLabel: CLAIM_KIND_LABELS[kind],
    receipt: needsReceipt(kind),
    receiptLimitMb: MAX_RECEIPT_BYTES / 1024 / 1024,
    onBehalfOf: place.onBehalfOf,
    purposes: (scheme?.purposes ?? []).map((purpose) => ({
      value: purpose.code,
      text: `(${purpose.code}) ${purpose.text}`,
      checked: values.purposeCode === purpose.code,
    })),
    // The scheme's own limit for this kind of claim (Regulation 14); none when it sets none.
    timeLimit: scheme?.limits.find((limit) => limit.claim_kind === kind)?.months ?? null,
    values,
    action: place.action,
    backHref: place.backHref,
    errors: problems ? allowancesFormErrors(problems, CLAIM_TARGETS) : undefined,
    currentNav: 'allowances',
  });
}

/** The posted form as a claim for claimSubmitter; what cannot be read is a problem on its field. */
export function readClaim(
  form: ReturnType<typeof ClaimFormSchema.parse>,
  values: FormValues,
  body: unknown,
): { claim?: ClaimSubmitterProps['claim']; problems: Problem[] } {
  const problems: Problem[] = [];
  const date = dateFromParts(values, 'dutyDate', 'the date of the duty');
  if (date.problem) problems.push(date.problem);
  const costPence = poundsFrom(values, 'cost', problems, 'Enter the cost in pounds and pence, like 12.50');
  const dependants = wholeNumberFrom(values, 'dependants', problems, 'Enter the number of dependants as a whole number, like 2');
  const days = wholeNumberFrom(values, 'days', problems, 'Enter the number of days as a whole number, like 1');
  const upload = optionalUploadedFile.safeParse((body as { receipt?: unknown } | undefined)?.receipt);
  const receipt = upload.success ? upload.data : undefined;
  // Without a date the scheme's rules cannot be checked yet; say now what else is missing, so one try shows all.
  if (date.problem)
    problems.push(...missingFields(form.kind, values, Boolean(receipt)).filter((missing) => !problems.some((problem) => problem.field === missing.field)));
  if (problems.length) return { problems };
  const claim: ClaimSubmitterProps['claim'] = {
    kind: form.kind,
    dutyDate: date.value!,
    ...(form.description ? { description: form.description } : {}),
    ...(form.purposeCode ? { purposeCode: form.purposeCode } : {}),
    ...(form.miles ? { miles: form.miles } : {}),
    ...(costPence !== undefined ? { costPence } : {}),
    ...(receipt && needsReceipt(form.kind) ? { receipt: { filename: receipt.filename, data: receipt.data } } : {}),
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

function missingFields(kind: ClaimKind, values: FormValues, hasReceipt: boolean): Problem[] {
  const missing = REQUIRED[kind].filter(([field]) => !values[field]?.trim()).map(([field, message]) => ({ field, message }));
  if (needsReceipt(kind) && !hasReceipt) missing.push({ field: 'receipt', message: 'Choose the ticket or receipt to upload' });
  return missing;
}
