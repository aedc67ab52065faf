/**
 * Passwords and bearer secrets. Passwords are hashed with argon2id (OWASP's first choice); session ids and reset
 * tokens are random 32 bytes given to the browser and kept only as SHA-256 hashes, which is enough for secrets with
 * 256 bits of entropy and lets a lookup use the primary key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Unknown accounts still pay for one verification, so response times do not reveal which emails have accounts.
  dummyHash ??= hash('not anybody\'s password');
  const target = passwordHash ?? (await dummyHash);
  try {
    return (await verify(target, password)) && passwordHash !== null;
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Why a new password is not acceptable, or undefined. NCSC guidance: length over composition rules. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > 200) return 'Password must be 200 characters or fewer';
  return undefined;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
