/**
 * persistScrutiny: turns a paper's scrutiny records into rows, inside the caller's transaction (one per file), with
 * the same PersistContext as the committee importer, so names resolve against the people already known and meetings
 * are found or created exactly as the committee importer does. Tracking sheet rows keep what was printed; a row whose
 * title differs slightly from its call-in is linked and reported, never silently merged or split. The steps are in
 * scrutiny/: match the rows, resolve people and places, load what is on record, gather the rows, write them.
 */
import { DEFAULT_RESPONSE_MONTHS } from '../../domain/scrutiny/deadline.ts';
import type { ScrutinyExtract } from '../extract/scrutiny/types.ts';
import type { CapabilityOutcome, PersistContext } from './context.ts';
import { gatherCallIns } from './scrutiny/call-ins.ts';
import { matchTrackingRows } from './scrutiny/match.ts';
import { loadOnRecord } from './scrutiny/on-record.ts';
import { resolveCallInPeople, resolvePlaces } from './scrutiny/places.ts';
import { gatherPoscRecommendations } from './scrutiny/posc.ts';
import { scrutinyBatch, type ScrutinyScope } from './scrutiny/scope.ts';
import { gatherTrackingSheets } from './scrutiny/tracking.ts';
import { writeScrutiny } from './scrutiny/write.ts';

export async function persistScrutiny(ctx: PersistContext, extract: ScrutinyExtract): Promise<CapabilityOutcome> {
  const scope: ScrutinyScope = {
    ctx,
    months: ctx.scrutinyResponseMonths ?? DEFAULT_RESPONSE_MONTHS,
    actor: ctx.actor ?? 'import',
    issues: [...extract.issues],
    batch: scrutinyBatch(),
    statusUpdates: new Map(),
  };
  const matches = matchTrackingRows(extract, scope.issues);
  const people = resolveCallInPeople(scope, extract);
  const places = await resolvePlaces(scope, extract, matches.unmatched);
  const onRecord = await loadOnRecord(scope, extract, places, matches.unmatched);
  const callInRecommendations = await gatherCallIns(scope, extract, { places, people, matches, onRecord });
  gatherTrackingSheets(scope, extract, { places, unmatched: matches.unmatched, callInRecommendations, onRecord });
  gatherPoscRecommendations(scope, extract, places, onRecord);
  const created = await writeScrutiny(scope);
  // The caller stores the issues with the file's others (the paper importer writes them to import_issue).
  return { created, issues: scope.issues };
}
