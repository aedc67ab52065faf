/**
 * One vocabulary for how a member voted, wherever votes are published (the JSON API, Popolo and the bulk download's
 * CSVs): Popolo's "yes", "no" and "abstain" (http://www.popoloproject.com/specs/vote.html). The database and the
 * export format keep the council's words for, against and abstain; they are translated on the way out.
 */
export type StoredVoteOption = 'for' | 'against' | 'abstain';
export type PublishedVoteOption = 'yes' | 'no' | 'abstain';

export const PUBLISHED_VOTE_OPTIONS = ['yes', 'no', 'abstain'] as const satisfies readonly PublishedVoteOption[];

const PUBLISHED: Record<StoredVoteOption, PublishedVoteOption> = { for: 'yes', against: 'no', abstain: 'abstain' };

export const publishedVoteOption = (option: StoredVoteOption): PublishedVoteOption => PUBLISHED[option];
