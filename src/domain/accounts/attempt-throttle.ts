/**
 * How often someone may try to sign in, and ask for reset links: a progressive delay, never a lock.
 *
 * A hard lock after N wrong passwords lets anyone who knows an officer's address keep them out, and answering
 * differently for addresses with accounts tells a stranger who works here. Instead each attempt is counted under
 * keys made only of what the client typed and where it came from, so an address with no account is treated exactly
 * like one with an account:
 *
 * - the email address and the client's address together: guessing one account from one place;
 * - the client's address alone: trying many accounts from one place ("password spraying");
 * - the email address alone: guessing one account from many places (its allowance is larger, so a stranger's guesses
 *   from elsewhere slow the officer down at most for a while, and a reset link by email always lets them in).
 *
 * Each key has some free failures; after them, every further attempt must wait a delay that doubles with each
 * failure, up to a ceiling. An attempt refused for the delay is not counted (a stream of refused attempts cannot
 * push the delay out for ever), and a key with no failure for a day starts again. OWASP Authentication Cheat Sheet,
 * "Account Lockout"; NIST SP 800-63B section 5.2.2 (rate limiting).
 */

export interface ThrottleRule {
  /** Failures allowed before any delay. */
  free: number;
  /** The delay after the first failure past the free ones; it doubles with each failure after that. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key whose last failure is older than this starts again from nothing. */
  forgetAfterSeconds: number;
}

const DAY = 24 * 60 * 60;

export const SIGN_IN_RULES = {
  pair: { free: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, forgetAfterSeconds: DAY },
  address: { free: 50, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60, forgetAfterSeconds: DAY },
  email: { free: 20, firstDelaySeconds: 30, maxDelaySeconds: 5 * 60, forgetAfterSeconds: DAY },
} as const satisfies Record<string, ThrottleRule>;

/** Reset links: every request counts. A stranger cannot fill an officer's inbox, nor one client ask for thousands. */
export const RESET_RULES = {
  address: { free: 20, firstDelaySeconds: 60, maxDelaySeconds: 60 * 60, forgetAfterSeconds: DAY },
  email: { free: 3, firstDelaySeconds: 5 * 60, maxDelaySeconds: 60 * 60, forgetAfterSeconds: DAY },
} as const satisfies Record<string, ThrottleRule>;

/** The delay a key has earned after `failures` counted failures, in seconds (0: no delay). */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(failures - rule.free, 30));
}

/** The key names: what was typed (an email address, lower-cased) and where from. Stored only as hashes. */
export const throttleKeys = {
  signInPair: (email: string, address: string) => `sign-in:pair:${normalEmail(email)}|${address}`,
  signInAddress: (address: string) => `sign-in:address:${address}`,
  signInEmail: (email: string) => `sign-in:email:${normalEmail(email)}`,
  resetAddress: (address: string) => `reset:address:${address}`,
  resetEmail: (email: string) => `reset:email:${normalEmail(email)}`,
};

function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}
