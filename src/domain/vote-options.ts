/**
 * One vocabulary for how a member voted, wherever votes are published (the JSON API, Popolo and the bulk download's
 * CSVs): Popolo's "yes", "no", "abstain", "absent" and "not voting" (http://www.popoloproject.com/specs/vote.html).
 * The database and the export format keep the council's words (for, against, abstain, absent, not_voting); they are
 * translated on the way out.
 *
 * Only for, against and abstain are votes cast. A roll call's "Absent" or "Excused" member was not there to vote, and
 * a "Recused" or "Not voting" member was there and took no part (often after declaring an interest): both are
 * recorded so the roll call reads as printed, but neither counts in a vote event's totals, in a group's majority or
 * in "voted against own group".
 */
export type StoredVoteOption = 'for' | 'against' | 'abstain' | 'absent' | 'not_voting';
export type PublishedVoteOption = 'yes' | 'no' | 'abstain' | 'absent' | 'not voting';

/** Every stored option, in the order pages list them (migration 20261208_0302 checks the column against it). */
export const STORED_VOTE_OPTIONS = ['for', 'against', 'abstain', 'absent', 'not_voting'] as const satisfies readonly StoredVoteOption[];

/** The options that are votes cast: what a vote event's for, against and abstain counts count. */
export const CAST_VOTE_OPTIONS = ['for', 'against', 'abstain'] as const satisfies readonly StoredVoteOption[];
export type CastVoteOption = (typeof CAST_VOTE_OPTIONS)[number];

export const isCastVote = (option: StoredVoteOption): option is CastVoteOption => (CAST_VOTE_OPTIONS as readonly string[]).includes(option);

export const PUBLISHED_VOTE_OPTIONS = ['yes', 'no', 'abstain', 'absent', 'not voting'] as const satisfies readonly PublishedVoteOption[];

const PUBLISHED: Record<StoredVoteOption, PublishedVoteOption> = {
  for: 'yes',
  against: 'no',
  abstain: 'abstain',
  absent: 'absent',
  not_voting: 'not voting',
};

export const publishedVoteOption = (option: StoredVoteOption): PublishedVoteOption => PUBLISHED[option];
