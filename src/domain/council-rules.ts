/**
 * The rules a council sets for itself in its constitution and code of conduct, where the law leaves the figure to
 * it. Configured with QUORUM_GIFT_THRESHOLD, QUORUM_INTEREST_REVIEW_MONTHS and QUORUM_CALL_IN_WORKING_DAYS.
 */
export interface CouncilRules {
  /** Gifts and hospitality worth more than this (in pence) must be registered. */
  giftThresholdPence: number;
  /** A member's register is due for review when its latest published version is older than this. */
  interestReviewMonths: number;
  /** Working days after a decision record is published during which it may be called in; 0: no call-in. */
  callInWorkingDays: number;
}

/** The Local Government Association's model code of conduct (2020) threshold of £50; a yearly review; 5 working days. */
export const DEFAULT_COUNCIL_RULES: CouncilRules = { giftThresholdPence: 5000, interestReviewMonths: 12, callInWorkingDays: 5 };

export function councilRules(
  configured: { giftThresholdPounds?: number | undefined; interestReviewMonths?: number | undefined; callInWorkingDays?: number | undefined } | undefined,
): CouncilRules {
  return {
    giftThresholdPence: configured?.giftThresholdPounds !== undefined ? configured.giftThresholdPounds * 100 : DEFAULT_COUNCIL_RULES.giftThresholdPence,
    interestReviewMonths: configured?.interestReviewMonths ?? DEFAULT_COUNCIL_RULES.interestReviewMonths,
    callInWorkingDays: configured?.callInWorkingDays ?? DEFAULT_COUNCIL_RULES.callInWorkingDays,
  };
}
