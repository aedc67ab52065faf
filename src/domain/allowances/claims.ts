/**
 * The scheme's rules for a claim, checked before it is stored: a claim made after the time limit, or without a
 * receipt the scheme requires, is refused with the rule it breaks. Amounts are worked out here, in pence.
 */
import { formatShortDate } from '../dates.ts';
import { addMonths, isIsoDate } from './dates.ts';
import { formatPounds, mulDivRound, minPence, toScaled, type Pence } from './money.ts';
import { milesToTenths, splitMileage, type MileageBand, type MileagePart } from './mileage.ts';

export const CLAIM_KINDS = ['travel', 'parking', 'public-transport', 'taxi', 'hotel', 'carers', 'co-optee-day'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  travel: 'Mileage (own vehicle)',
  parking: 'Parking',
  'public-transport': 'Public transport',
  taxi: 'Taxi',
  hotel: 'Hotel',
  carers: "Dependants' carers",
  'co-optee-day': "Co-optee's day",
};

/** Where each kind of claim is published in the annual statement (Regulation 15's heads). */
export const STATEMENT_HEAD_OF_CLAIM: Record<ClaimKind, 'travel' | 'subsistence' | 'carers' | 'co-optee'> = {
  travel: 'travel',
  parking: 'travel',
  'public-transport': 'travel',
  taxi: 'travel',
  hotel: 'subsistence',
  carers: 'carers',
  'co-optee-day': 'co-optee',
};

/** Paid at cost, and only on production of a valid ticket or receipt. */
const AT_COST: ReadonlySet<ClaimKind> = new Set(['parking', 'public-transport', 'taxi', 'hotel']);

export function needsReceipt(kind: ClaimKind): boolean {
  return AT_COST.has(kind) || kind === 'carers';
}

/** Travel claims, as a scheme's rule on "travel expenses" means them. */
export const TRAVEL_CLAIM_KINDS: readonly ClaimKind[] = ['travel', 'parking', 'public-transport', 'taxi'];

/** Months from the duty within which each kind of claim must be made (Regulation 14); a kind not named has no limit. */
export type ClaimTimeLimits = Partial<Record<ClaimKind, number>>;

/**
 * The kinds of claim a scheme's time-limit sentence speaks of: "Travel expenses will only be reimbursed if claimed
 * within four months" limits travel claims; "dependent carers', travelling and subsistence and co-optees'
 * allowances" all of them. A sentence naming none of them is taken to mean every claim.
 */
export function claimKindsLimitedBy(sentence: string | undefined): ClaimKind[] {
  if (!sentence) return [...CLAIM_KINDS];
  const kinds = new Set<ClaimKind>();
  if (/travel/i.test(sentence)) for (const kind of TRAVEL_CLAIM_KINDS) kinds.add(kind);
  if (/subsistence/i.test(sentence)) kinds.add('hotel');
  if (/carer/i.test(sentence)) kinds.add('carers');
  if (/co-?opt/i.test(sentence)) kinds.add('co-optee-day');
  return kinds.size ? CLAIM_KINDS.filter((kind) => kinds.has(kind)) : [...CLAIM_KINDS];
}

/** The parts of a scheme a claim is checked against. */
export interface ClaimRules {
  claimTimeLimits: ClaimTimeLimits;
  journeyPurposes: Array<{ code: string; text: string }>;
  /** The bands in force on the date of duty. */
  mileageBands: MileageBand[];
  carersMaxPencePerHour: Pence | null;
  coOpteeDayPence: Pence | null;
}

export interface ClaimInput {
  kind: ClaimKind;
  dutyDate: string;
  /** The day the claim is made: passed in, never read from the clock. */
  claimedOn: string;
  purposeCode?: string;
  /** Travel: miles as a decimal with at most one place. */
  miles?: string;
  /** Business miles already claimed in the same tax year before this claim (tenths of a mile). */
  milesBeforeTenths?: bigint;
  /** At cost: what was paid; carers: what was paid to the carer. */
  costPence?: Pence;
  /** Whether the ticket or receipt is attached (the file itself is checked and stored by the service). */
  receipt?: boolean;
  /** Carers: hours of care (at most two decimal places) and the number of dependants cared for. */
  hours?: string;
  dependants?: number;
  carerInHousehold?: boolean;
  /** Co-optee: days of duty. */
  days?: number;
}

/** A rule a claim breaks: which field, and the rule in the scheme's words. */
export interface RuleBreach {
  field: string;
  rule: string;
}

export interface AssessedClaim {
  payablePence: Pence;
  mileageParts: MileagePart[];
  /** Why the payable amount is less than claimed (the carers' cap). */
  note?: string;
}

export type Assessment = { ok: true; claim: AssessedClaim } | { ok: false; breaches: RuleBreach[] };

/** The last day on which a claim for a duty may be made. */
export function claimDeadline(dutyDate: string, months: number): string {
  return addMonths(dutyDate, months);
}

export function assessClaim(input: ClaimInput, rules: ClaimRules): Assessment {
  const breaches: RuleBreach[] = [];
  const breach = (field: string, rule: string) => breaches.push({ field, rule });

  if (!isIsoDate(input.dutyDate)) breach('dutyDate', 'Enter the date of the duty as a real date');
  else if (input.dutyDate > input.claimedOn) breach('dutyDate', 'The date of the duty must be today or in the past');
  else {
    const months = rules.claimTimeLimits[input.kind];
    const deadline = months === undefined ? undefined : claimDeadline(input.dutyDate, months);
    if (deadline !== undefined && input.claimedOn > deadline) {
      breach(
        'dutyDate',
        `Claims for ${CLAIM_KIND_LABELS[input.kind].toLowerCase()} must be made within ${months} months of the duty (scheme rule; Regulation 14): the last day to claim for ${formatShortDate(input.dutyDate)} was ${formatShortDate(deadline)}`,
      );
    }
  }
  if (needsReceipt(input.kind) && !input.receipt) {
    breach('receipt', 'Expenses are reimbursed only on production of a valid ticket or receipt (scheme rule): attach the ticket or receipt');
  }

  let payablePence = 0n;
  let mileageParts: MileagePart[] = [];
  let note: string | undefined;

  switch (input.kind) {
    case 'travel': {
      if (!rules.journeyPurposes.some((purpose) => purpose.code === input.purposeCode)) {
        breach('purposeCode', "Choose the purpose of the journey from the scheme's list of journeys that may be claimed");
      }
      const tenths = parseOrBreach(
        () => milesToTenths(input.miles ?? ''),
        'miles',
        'Enter the miles as a number with at most one decimal place, like 12.5',
        breach,
      );
      if (tenths !== undefined && tenths <= 0n) breach('miles', 'Miles must be more than 0');
      if (tenths !== undefined && tenths > 0n && breaches.length === 0) {
        mileageParts = splitMileage(rules.mileageBands, input.milesBeforeTenths ?? 0n, tenths);
        payablePence = mileageParts.reduce((sum, part) => sum + part.amountPence, 0n);
      }
      break;
    }
    case 'parking':
    case 'public-transport':
    case 'taxi':
    case 'hotel':
      if (input.costPence === undefined || input.costPence <= 0n) breach('cost', 'Enter what was paid, in pounds and pence');
      else payablePence = input.costPence;
      break;
    case 'carers': {
      if (input.carerInHousehold) breach('carerInHousehold', "Money paid to a member of the claimant Member's household is not reimbursed (scheme rule)");
      const hours = parseOrBreach(() => toScaled(input.hours ?? '', 2), 'hours', 'Enter the hours of care as a number, like 3.5', breach);
      if (hours !== undefined && hours <= 0n) breach('hours', 'Hours must be more than 0');
      if (!input.dependants || input.dependants < 1) breach('dependants', 'Enter how many dependants were cared for (at least 1)');
      if (input.costPence === undefined || input.costPence <= 0n) breach('cost', 'Enter what was paid to the carer, in pounds and pence');
      if (rules.carersMaxPencePerHour === null) breach('kind', "This scheme has no dependants' carers' allowance");
      if (breaches.length === 0 && hours !== undefined && input.costPence !== undefined && rules.carersMaxPencePerHour !== null) {
        // Hours are held in hundredths: cap x dependants x hours / 100.
        const cap = mulDivRound(rules.carersMaxPencePerHour * BigInt(input.dependants!), hours, 100n);
        payablePence = minPence(input.costPence, cap);
        if (payablePence < input.costPence) {
          note = `Capped at the scheme's maximum of ${formatPounds(rules.carersMaxPencePerHour)} an hour for each dependant (${input.dependants} for ${input.hours} hours)`;
        }
      }
      break;
    }
    case 'co-optee-day':
      if (rules.coOpteeDayPence === null) breach('kind', "This scheme has no daily co-optees' allowance");
      if (!input.days || input.days < 1 || !Number.isInteger(input.days)) breach('days', 'Enter the number of days as a whole number, at least 1');
      if (breaches.length === 0) payablePence = rules.coOpteeDayPence! * BigInt(input.days!);
      break;
  }

  if (breaches.length > 0) return { ok: false, breaches };
  return { ok: true, claim: { payablePence, mileageParts, ...(note ? { note } : {}) } };
}

function parseOrBreach<T>(parse: () => T, field: string, rule: string, breach: (field: string, rule: string) => void): T | undefined {
  try {
    return parse();
  } catch {
    breach(field, rule);
    return undefined;
  }
}
