/**
 * What a member's register of interests holds. Disclosable pecuniary interests are those of the Schedule to the
 * Relevant Authorities (Disclosable Pecuniary Interests) Regulations 2012, whether the member's own or their spouse's
 * or civil partner's, or those of a person they live with as such (Localism Act 2011 s.30(3)); "other registrable
 * interests" are those the council's code of conduct adds (s.28(2)), such as membership of outside bodies.
 */

export const INTEREST_CATEGORIES = ['employment', 'sponsorship', 'contracts', 'land', 'licences', 'corporate-tenancies', 'securities', 'other'] as const;
export type InterestCategory = (typeof INTEREST_CATEGORIES)[number];

export const INTEREST_CATEGORY_LABELS: Record<InterestCategory, string> = {
  employment: 'Employment, office, trade, profession or vocation',
  sponsorship: 'Sponsorship',
  contracts: 'Contracts',
  land: 'Land',
  licences: 'Licences',
  'corporate-tenancies': 'Corporate tenancies',
  securities: 'Securities',
  other: 'Other registrable interests',
};

/** What each category asks the member to give, shown as the hint on the form. */
export const INTEREST_CATEGORY_HINTS: Record<InterestCategory, string> = {
  employment: 'Any employment, office, trade, profession or vocation carried on for profit or gain.',
  sponsorship:
    'Any payment or financial benefit (other than from the council) towards your expenses as a member or your election expenses, including from a trade union.',
  contracts: 'Any current contract for goods, services or works between the council and you (or a body in which you have a beneficial interest).',
  land: 'Any beneficial interest in land in the council’s area.',
  licences: 'Any licence to occupy land in the council’s area for a month or longer.',
  'corporate-tenancies': 'Any tenancy where the council is the landlord and the tenant is a body in which you have a beneficial interest.',
  securities:
    'Any beneficial interest in securities of a body with a place of business or land in the council’s area, above the thresholds in the regulations.',
  other: 'Interests your council’s code of conduct asks you to register, such as membership of outside bodies, charities or lobbying groups.',
};

/**
 * Localism Act 2011 s.32(2): where the monitoring officer agrees that disclosing an interest could lead to violence
 * or intimidation, the published register leaves out its details and may say that the member has an interest whose
 * details are withheld.
 */
export const WITHHELD_WORDING = 'The member has an interest the details of which are withheld under section 32(2) of the Localism Act 2011.';
