/**
 * Passwords and bearer secrets. Passwords are hashed with argon2id (OWASP's first choice); session ids and reset
 * tokens are random 32 bytes given to the browser and kept only as SHA-256 hashes, which is enough for secrets with
 * 256 bits of entropy and lets a lookup use the primary key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/**
 * zxcvbn's score of at least 3 ("safely unguessable: moderate protection from offline slow-hash scenario", about 10^8
 * guesses): nothing on its lists of common and breached passwords, no dictionary word with digits added, no repeat
 * or sequence, no variation of the person's own name or email address.
 */
const MIN_PASSWORD_SCORE = 3;
/** zxcvbn's time grows fast with length; a password is judged by its first 64 characters (NIST asks for at least 64). */
const CHECKED_LENGTH = 64;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Unknown accounts still pay for one verification, so response times do not reveal which emails have accounts.
  dummyHash ??= hash("not anybody's password");
  const target = passwordHash ?? (await dummyHash);
  try {
    return (await verify(target, password)) && passwordHash !== null;
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

let strength: Promise<ZxcvbnFactory> | undefined;
/** Loaded on first use: its dictionaries take most of a second to load, and most processes never need them. */
const strengthChecker = () =>
  (strength ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
        maxLength: CHECKED_LENGTH,
      }),
  ));

/**
 * Why a new password is not acceptable, or undefined. NIST SP 800-63B section 5.1.1.2 and NCSC guidance: length over
 * composition rules, and a check against passwords known to be common or breached, dictionary words, repetitive or
 * sequential characters, and words from the context (the service, the person's name and email address), here by
 * zxcvbn-ts and its lists.
 */
export async function passwordProblem(password: string, context: string[] = []): Promise<string | undefined> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  // The person's own words, whole and in parts: "jane.smith@kent.gov.uk" and "smith" alike.
  const words = [
    'quorum',
    'council',
    ...context.flatMap((text) => [text.toLowerCase(), ...text.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length >= 3),
  ];
  const result = (await strengthChecker()).check(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const why = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '').toLowerCase()})` : '';
  return `Choose a password that is harder to guess${why}: a few unrelated words together are easy to remember and hard to guess`;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
