/**
 * A save made from a page read before someone else changed the recommendation. It is refused rather than merged:
 * the officer sees the record as it now stands, with their own words kept in the form, and decides.
 */
import { Conflict, QuorumError, type Problem } from '../../domain/errors.ts';

export type StaleEdit = QuorumError & { problems: Problem[]; currentVersion: number };

export function StaleEditConflict(field: string, currentVersion: number): StaleEdit {
  const message =
    'Someone else changed this recommendation after you opened the page. Your changes have not been saved: check the record as it is now, then save again.';
  return Object.assign(Conflict(`${field}: ${message}`, 'conflict', [{ field, message }]), { problems: [{ field, message }], currentVersion });
}

export function isStaleEdit(error: unknown): error is StaleEdit {
  return error instanceof QuorumError && error.id === 'conflict' && 'currentVersion' in error;
}

/** Refuses the save when the form was read at another version; no expected version (a script, the CLI) skips the check. */
export function checkVersion(current: number, expected: number | undefined, field: string): void {
  if (expected !== undefined && expected !== current) throw StaleEditConflict(field, current);
}
