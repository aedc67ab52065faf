import type { ChangeFilter } from '../../db/queries/api/filters.ts';

/** An object whose created and modified times are computed here rather than in a query. */
export interface Stamped {
  created_at: Date | string;
  modified_at: Date | string;
}

/**
 * OParl's change filters applied to objects stamped outside the database's lists: derived legislative terms and the
 * Bodies that embed them. They compare against created and modified exactly as the database lists do.
 */
export function stampsWithin<T extends Stamped>(items: T[], filter: ChangeFilter): T[] {
  return items.filter((item) => {
    const created = new Date(item.created_at).getTime();
    const modified = new Date(item.modified_at).getTime();
    if (filter.createdSince && created < filter.createdSince.getTime()) return false;
    if (filter.createdUntil && created > filter.createdUntil.getTime()) return false;
    if (filter.modifiedSince && modified < filter.modifiedSince.getTime()) return false;
    if (filter.modifiedUntil && modified > filter.modifiedUntil.getTime()) return false;
    return true;
  });
}
