/**
 * A Panel's proposals applied to the scheme they amend, giving the scheme the Council is asked to adopt. Reductions
 * apply to the printed amounts (the authoritative figures), each rounded to the penny.
 */
import { reduceBy, type Pence } from './money.ts';
import type { MileageBand } from './mileage.ts';
import { CLAIM_KINDS, type ClaimTimeLimits } from './claims.ts';

export interface SchemePost {
  group: string;
  name: string;
  printed: string;
  percentOfLeader: string | null;
  amountPence: Pence;
  maxHolders: number | null;
  qualifier: string | null;
  appliesTo: string[];
}

export interface SchemeTerms {
  basicAllowancePence: Pence;
  posts: SchemePost[];
  mileageBands: MileageBand[];
  claimTimeLimitMonths: number | null;
  /** The time limits by kind of claim (Regulation 14). */
  claimTimeLimits: ClaimTimeLimits;
  /** No member receives more than one special responsibility allowance. */
  oneSraOnly: boolean;
  carersMaxPencePerHour: Pence | null;
  rules: string[];
}

export type Proposal =
  | { kind: 'basic-allowance-reduction'; percent: string }
  | { kind: 'sra-reduction'; percent: string }
  | { kind: 'post-maximum'; postName: string; maxHolders: number }
  | { kind: 'mileage-rate'; pencePerMile: string }
  | { kind: 'forgo-provision' }
  | { kind: 'claim-time-limit'; months: number };

export const FORGO_RULE = 'A Member may elect to forgo all or any part of an entitlement to an allowance (Regulation 13)';

export function applyProposals(base: SchemeTerms, proposals: Proposal[]): SchemeTerms {
  const terms: SchemeTerms = {
    ...base,
    claimTimeLimits: { ...base.claimTimeLimits },
    posts: base.posts.map((post) => ({ ...post })),
    mileageBands: base.mileageBands.map((band) => ({ ...band })),
    rules: [...base.rules],
  };
  for (const proposal of proposals) {
    switch (proposal.kind) {
      case 'basic-allowance-reduction':
        terms.basicAllowancePence = reduceBy(terms.basicAllowancePence, proposal.percent);
        break;
      case 'sra-reduction':
        for (const post of terms.posts) post.amountPence = reduceBy(post.amountPence, proposal.percent);
        break;
      case 'post-maximum': {
        const post = terms.posts.find((candidate) => candidate.name.toLowerCase() === proposal.postName.toLowerCase());
        if (post) post.maxHolders = proposal.maxHolders;
        break;
      }
      case 'mileage-rate':
        if (terms.mileageBands[0]) terms.mileageBands[0].pencePerMile = proposal.pencePerMile;
        break;
      case 'forgo-provision':
        if (!terms.rules.includes(FORGO_RULE)) terms.rules.push(FORGO_RULE);
        break;
      case 'claim-time-limit':
        // Regulation 14's limit covers dependants' carers', travelling and subsistence and co-optees' claims: all of them.
        terms.claimTimeLimitMonths = proposal.months;
        terms.claimTimeLimits = Object.fromEntries(CLAIM_KINDS.map((kind) => [kind, proposal.months]));
        break;
    }
  }
  return terms;
}
