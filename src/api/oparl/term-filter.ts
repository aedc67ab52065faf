import type { ChangeFilter } from '../../db/queries/api/filters.ts';
import type { StampedTerm } from './presenters.ts';

/**
 * OParl's change filters applied to derived legislative terms. A term appears when its first meeting is recorded and
 * never changes after, so its creation time is also its modification time; filters compare against it as the
 * database lists compare against created_at and updated_at.
 */
export function termsWithin(terms: StampedTerm[], filter: ChangeFilter): StampedTerm[] {
  return terms.filter((term) => {
    const at = new Date(term.created_at).getTime();
    if (filter.createdSince && at < filter.createdSince.getTime()) return false;
    if (filter.createdUntil && at > filter.createdUntil.getTime()) return false;
    if (filter.modifiedSince && at < filter.modifiedSince.getTime()) return false;
    if (filter.modifiedUntil && at > filter.modifiedUntil.getTime()) return false;
    return true;
  });
}
