/**
 * The life of a scrutiny recommendation, in the council's own status words, as a pure state machine.
 * The tracking sheets print PENDING, OUTSTANDING, TO NOTE ONLY and RESPONSE RECEIVED; the executive's decision on a
 * response and its follow-through add ACCEPTED, PARTIALLY ACCEPTED, REJECTED, IMPLEMENTED and CLOSED.
 */

export const SCRUTINY_STATUSES = [
  'PENDING',
  'OUTSTANDING',
  'TO NOTE ONLY',
  'RESPONSE RECEIVED',
  'ACCEPTED',
  'PARTIALLY ACCEPTED',
  'REJECTED',
  'IMPLEMENTED',
  'CLOSED',
] as const;
export type ScrutinyStatus = (typeof SCRUTINY_STATUSES)[number];

export function isScrutinyStatus(text: string): text is ScrutinyStatus {
  return (SCRUTINY_STATUSES as readonly string[]).includes(text);
}

/**
 * Allowed changes. A committee may reopen a response it finds wanting (back to PENDING) or re-raise a rejected
 * recommendation; CLOSED is final, because closing is the committee's decision that nothing more is owed.
 */
export const TRANSITIONS: Readonly<Record<ScrutinyStatus, readonly ScrutinyStatus[]>> = {
  PENDING: ['OUTSTANDING', 'RESPONSE RECEIVED', 'TO NOTE ONLY', 'CLOSED'],
  OUTSTANDING: ['RESPONSE RECEIVED', 'TO NOTE ONLY', 'CLOSED'],
  'TO NOTE ONLY': ['CLOSED'],
  'RESPONSE RECEIVED': ['ACCEPTED', 'PARTIALLY ACCEPTED', 'REJECTED', 'PENDING', 'CLOSED'],
  ACCEPTED: ['IMPLEMENTED', 'CLOSED'],
  'PARTIALLY ACCEPTED': ['IMPLEMENTED', 'CLOSED'],
  REJECTED: ['PENDING', 'CLOSED'],
  IMPLEMENTED: ['CLOSED'],
  CLOSED: [],
};

/** Statuses in which the executive still owes a response: reminders chase these. */
export const AWAITING_RESPONSE: readonly ScrutinyStatus[] = ['PENDING', 'OUTSTANDING'];

/** Statuses in which an owner may still record a response (an update on progress counts too). */
export const OPEN_TO_RESPONSES: readonly ScrutinyStatus[] = ['PENDING', 'OUTSTANDING', 'RESPONSE RECEIVED', 'ACCEPTED', 'PARTIALLY ACCEPTED', 'REJECTED'];

export type TransitionCheck = { allowed: true } | { allowed: false; reason: string };

export function checkTransition(from: ScrutinyStatus, to: ScrutinyStatus): TransitionCheck {
  if (from === to) return { allowed: false, reason: `The recommendation is already ${to}` };
  if (TRANSITIONS[from].includes(to)) return { allowed: true };
  const options = TRANSITIONS[from];
  const next = options.length ? `it can only become ${options.join(', ')}` : 'it is final and cannot change';
  return { allowed: false, reason: `A recommendation that is ${from} cannot become ${to}: ${next}` };
}

export function checkResponseAllowed(status: ScrutinyStatus): TransitionCheck {
  if (OPEN_TO_RESPONSES.includes(status)) return { allowed: true };
  return { allowed: false, reason: `The recommendation is ${status}, so it takes no more responses` };
}

/** The status a recommendation moves to when a response is recorded (unchanged once it has moved past waiting). */
export function statusAfterResponse(status: ScrutinyStatus): ScrutinyStatus {
  return AWAITING_RESPONSE.includes(status) ? 'RESPONSE RECEIVED' : status;
}

/**
 * The status of a recommendation read from a paper: the tracking sheet's word when it printed one; otherwise a
 * response means RESPONSE RECEIVED, and thanks to witnesses or "make no comments" are, as the council files them,
 * TO NOTE ONLY (nothing is asked of the executive); anything else awaits its response.
 */
export function importedStatus(input: { printed?: string; responses: number; text?: string | null }): ScrutinyStatus {
  const printed = input.printed?.trim().toUpperCase();
  if (printed && isScrutinyStatus(printed)) return printed;
  if (input.responses > 0) return 'RESPONSE RECEIVED';
  if (input.text && /^(?:thank\b|make no comments?\b|to note\b)/i.test(input.text.trim())) return 'TO NOTE ONLY';
  return 'PENDING';
}
