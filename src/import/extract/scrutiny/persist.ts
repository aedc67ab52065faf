/**
 * persistScrutiny: turns a paper's scrutiny records into rows, inside the caller's transaction (one per file), with
 * the same PersistContext as the committee importer, so names resolve against the people already known and meetings
 * are found or created exactly as the committee importer does. Tracking sheet rows keep what was printed; a row whose
 * title differs slightly from its call-in is linked and reported, never silently merged or split.
 */
import * as paperStore from '../../../db/repositories/paper-store.ts';
import * as store from '../../../db/repositories/scrutiny.ts';
import { canonicalBodyName } from '../../../domain/body-name.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { parsePrintedName } from '../../../domain/person-name.ts';
import { DEFAULT_RESPONSE_MONTHS, responseDeadline } from '../../../domain/scrutiny/deadline.ts';
import { checkTransition, importedStatus, isScrutinyStatus, type ScrutinyStatus } from '../../../domain/scrutiny/status.ts';
import { compareTitles } from '../../../domain/scrutiny/titles.ts';
import { slugify, stableId } from '../../../domain/stable-id.ts';
import type { PersistContext } from '../../persist.ts';
import type { ImportIssue } from '../../types.ts';
import type { CallInRecord, PoscRecommendationRecord, RecommendationRecord, ScrutinyExtract, TrackingRowRecord, TrackingSheetRecord } from './types.ts';
import { groupBy } from '../../../domain/group-by.ts';
import type { NewRow } from '../../../db/types.ts';

export interface PersistScrutinyOptions {
  /** Months to the response deadline (Config.scrutinyResponseMonths). */
  responseMonths?: number;
  /** For the status history: who imported it. */
  actor?: string;
}

export interface PersistScrutinyResult {
  created: Record<string, number>;
  issues: ImportIssue[];
}

const CABINET_MEMBER = /^(?:the\s+)?Cabinet Member$/i;

export async function persistScrutiny(ctx: PersistContext, extract: ScrutinyExtract, options: PersistScrutinyOptions = {}): Promise<PersistScrutinyResult> {
  const months = options.responseMonths ?? DEFAULT_RESPONSE_MONTHS;
  const actor = options.actor ?? 'import';
  const created: Record<string, number> = {};
  const issues: ImportIssue[] = [...extract.issues];
  const add = (what: string, n: number) => {
    if (n > 0) created[what] = (created[what] ?? 0) + n;
  };
  const { trx } = ctx;

  async function bodyId(printed: string): Promise<string> {
    const canonical = canonicalBodyName(printed.replace(/[’‘]/g, "'"), ctx.authorityName);
    const known = ctx.bodies.get(canonical.name);
    if (known) return known;
    const id = stableId('body', ctx.authorityName, canonical.name);
    add(
      'bodies',
      await paperStore.insertNew(trx, 'body', [
        { id, authority_id: ctx.authorityId, name: canonical.name, slug: slugify(canonical.name), kind: canonical.kind },
      ]),
    );
    ctx.bodies.set(canonical.name, id);
    return id;
  }

  // Every meeting the paper names, found in one query (a paper names the same meetings in many rows); those not on
  // record are added with the paper's rows.
  const meetingIds = new Map<string, string>();
  const newMeetings: Array<NewRow<'meeting'>> = [];
  const meetingKey = (body: string, date: string) => `${body}|${date}`;
  async function resolveMeetings(wanted: Array<{ body: string; date: string; lineFrom: number; lineTo: number }>): Promise<void> {
    const missing = wanted.filter((want) => !meetingIds.has(meetingKey(want.body, want.date)));
    for (const row of await paperStore.findMeetings(
      trx,
      missing.map((want) => ({ bodyId: want.body, date: want.date })),
    )) {
      meetingIds.set(meetingKey(row.body_id, row.date), row.id);
    }
    for (const want of missing) {
      const key = meetingKey(want.body, want.date);
      if (meetingIds.has(key)) continue;
      const id = stableId('meeting', want.body, want.date);
      newMeetings.push({
        id,
        body_id: want.body,
        date: want.date,
        status: 'held',
        kind: 'ordinary',
        source_document_id: ctx.sourceId,
        source_line_from: want.lineFrom,
        source_line_to: want.lineTo,
      });
      meetingIds.set(key, id);
    }
  }
  const meetingId = (body: string, date: string): string => meetingIds.get(meetingKey(body, date))!;

  function person(printed: string, kind: 'member' | 'officer', line: number, role?: string): string | undefined {
    const name = parsePrintedName(printed);
    if (!name) {
      issues.push({ severity: 'warning', line, message: `"${printed}" is not a name; not linked to a person` });
      return undefined;
    }
    const outcome = ctx.people.resolve(name, { kind, ...(role ? { role } : {}) });
    if (outcome.status === 'ambiguous') {
      issues.push({
        severity: 'warning',
        line,
        message: `"${printed}" could mean ${outcome.candidates.join(' or ')}; not linked. Check the paper and link it by hand.`,
      });
      return undefined;
    }
    return outcome.personId;
  }

  // Rows are gathered here and written at the end, one statement per table, parents first: a paper's recommendations
  // went in one statement each, with their history, owners and responses, and statements were most of the cost.
  const pending = {
    items: new Map<string, NewRow<'scrutiny_item'>>(),
    recommendations: new Map<string, NewRow<'scrutiny_recommendation'>>(),
    statusChanges: [] as Array<NewRow<'scrutiny_status_change'>>,
    owners: [] as Array<NewRow<'scrutiny_action_owner'>>,
    responses: [] as Array<NewRow<'scrutiny_response'>>,
    sheets: [] as Array<NewRow<'scrutiny_tracking_sheet'>>,
    trackingRows: [] as Array<NewRow<'scrutiny_tracking_row'>>,
  };
  const addItem = (row: NewRow<'scrutiny_item'>) => {
    if (!pending.items.has(row.id)) pending.items.set(row.id, row);
  };
  const history = (recommendationId: string, from: ScrutinyStatus | null, to: ScrutinyStatus, date: string, reason: string) =>
    void pending.statusChanges.push({ recommendation_id: recommendationId, from_status: from, to_status: to, effective_date: date, reason, actor });
  const statusUpdates = new Map<string, ScrutinyStatus>();
  const where = (lineFrom: number, lineTo: number) => `lines ${lineFrom}-${lineTo}`;

  // Which tracking rows of this paper track which call-in of this paper.
  const rowsByCallIn = new Map<CallInRecord, Map<number, TrackingRowRecord>>();
  const unmatched: Array<{ sheet: TrackingSheetRecord; row: TrackingRowRecord }> = [];
  for (const sheet of extract.trackingSheets) {
    for (const row of sheet.rows) {
      let found: CallInRecord | undefined;
      for (const callIn of extract.callIns) {
        if (callIn.meetingDate !== row.meetingDate || !callIn.recommendations.some((r) => r.number === row.recommendationNumber)) continue;
        const match = compareTitles(row.item, callIn.title);
        if (match === 'different') continue;
        found = callIn;
        if (match === 'near') {
          issues.push({
            severity: 'warning',
            line: row.line,
            message: `Tracking sheet row at line ${row.line} prints "${row.item}" where the call-in of ${callIn.meetingDate} (line ${callIn.lineFrom}) says "${callIn.title}"; kept as printed and linked to recommendation ${row.recommendationNumber} of that call-in. Check the paper.`,
          });
        }
        break;
      }
      if (found) {
        const map = rowsByCallIn.get(found) ?? new Map<number, TrackingRowRecord>();
        map.set(row.recommendationNumber, row);
        rowsByCallIn.set(found, map);
      } else {
        unmatched.push({ sheet, row });
      }
    }
  }

  // People first: rows refer to them, so new ones must be written before.
  const holders = new Map<CallInRecord, string | undefined>();
  const ownerIds = new Map<RecommendationRecord, Array<string | undefined>>();
  for (const callIn of extract.callIns) {
    const holderId = callIn.portfolio ? person(callIn.portfolio, 'member', callIn.lineFrom, 'Cabinet Member') : undefined;
    holders.set(callIn, holderId);
    for (const recommendation of callIn.recommendations) {
      ownerIds.set(
        recommendation,
        recommendation.owners.map((owner) => (CABINET_MEMBER.test(owner.printed) ? holderId : person(owner.printed, 'officer', recommendation.lineTo))),
      );
    }
  }
  await ctx.people.flush(trx);

  // Bodies and meetings, then what is on record at them, each in one query before the rows are built.
  const callInBodies = new Map<CallInRecord, string>();
  for (const callIn of extract.callIns) callInBodies.set(callIn, await bodyId(callIn.committee));
  const sheetBodies = new Map<TrackingSheetRecord, string>();
  for (const sheet of extract.trackingSheets) sheetBodies.set(sheet, await bodyId(sheet.committee));
  const poscBodies = new Map<PoscRecommendationRecord, string>();
  for (const posc of extract.poscRecommendations) poscBodies.set(posc, await bodyId(posc.from));
  await resolveMeetings([
    ...extract.callIns.map((callIn) => ({ body: callInBodies.get(callIn)!, date: callIn.meetingDate, lineFrom: callIn.lineFrom, lineTo: callIn.lineTo })),
    ...unmatched.map(({ sheet, row }) => ({ body: sheetBodies.get(sheet)!, date: row.meetingDate, lineFrom: row.line, lineTo: row.line })),
    ...extract.poscRecommendations.map((posc) => ({ body: poscBodies.get(posc)!, date: posc.meetingDate, lineFrom: posc.lineFrom, lineTo: posc.lineTo })),
  ]);
  const callInItemId = (callIn: CallInRecord) => stableId('scrutiny-item', meetingId(callInBodies.get(callIn)!, callIn.meetingDate), callIn.title);
  const poscItemId = (posc: PoscRecommendationRecord) => stableId('scrutiny-item', meetingId(poscBodies.get(posc)!, posc.meetingDate), 'posc', posc.to);
  const rowMeeting = ({ sheet, row }: { sheet: TrackingSheetRecord; row: TrackingRowRecord }) => meetingId(sheetBodies.get(sheet)!, row.meetingDate);
  const added = new Set(newMeetings.map((meeting) => meeting.id));
  const itemsOnRecord = groupBy(
    await store.itemsOfMeetings(
      trx,
      [...new Set(unmatched.map(rowMeeting))].filter((id) => !added.has(id)),
    ),
    (item) => item.meeting_id,
  );
  const recommendationsOnRecord = groupBy(
    await store.recommendationsOfItems(
      trx,
      [...itemsOnRecord.values()].flat().map((item) => item.id),
    ),
    (recommendation) => recommendation.item_id,
  );
  // Every recommendation id the paper could add, so one query says which are already on record.
  const candidates = new Set<string>();
  const recommendationId = (itemId: string, number: number) => stableId('scrutiny-recommendation', itemId, number);
  for (const callIn of extract.callIns) for (const r of callIn.recommendations) candidates.add(recommendationId(callInItemId(callIn), r.number));
  for (const posc of extract.poscRecommendations) candidates.add(recommendationId(poscItemId(posc), 1));
  for (const entry of unmatched) {
    const meeting = rowMeeting(entry);
    const itemIds = [
      ...(itemsOnRecord.get(meeting) ?? []).map((item) => item.id),
      ...extract.callIns.filter((callIn) => meetingId(callInBodies.get(callIn)!, callIn.meetingDate) === meeting).map(callInItemId),
      stableId('scrutiny-item', meeting, entry.row.item),
    ];
    for (const itemId of itemIds) candidates.add(recommendationId(itemId, entry.row.recommendationNumber));
  }
  const onRecord = await store.existingRecommendationIds(trx, [...candidates]);

  const recommendationIds = new Map<string, string>();
  const known = extract.callIns.length ? await store.reportsAndDecisionsTitled(trx, ctx.authorityId) : { reports: [], decisions: [] };
  for (const callIn of extract.callIns) {
    const committeeId = callInBodies.get(callIn)!;
    const meeting = meetingId(committeeId, callIn.meetingDate);
    const itemId = callInItemId(callIn);
    const scrutinised = {
      report: known.reports.find((report) => compareTitles(report.subject, callIn.title) === 'exact')?.id ?? null,
      decision: known.decisions.find((decision) => compareTitles(decision.subject, callIn.title) === 'exact')?.id ?? null,
    };
    addItem({
      id: itemId,
      authority_id: ctx.authorityId,
      kind: 'call-in',
      body_id: committeeId,
      meeting_id: meeting,
      title: callIn.title,
      subtitle: callIn.subtitle ?? null,
      portfolio_printed: callIn.portfolio ?? null,
      portfolio_holder_id: holders.get(callIn) ?? null,
      synopsis: callIn.synopsis ?? null,
      call_in_reason: callIn.reason ?? null,
      call_in_points: JSON.stringify(callIn.points),
      witnesses: callIn.witnesses,
      decision_id: scrutinised.decision,
      report_id: scrutinised.report,
      addressed_to: callIn.portfolio ? 'Cabinet Member' : null,
      executive_response: callIn.executiveResponse?.text ?? null,
      executive_response_date: callIn.executiveResponse?.date ?? null,
      source_document_id: ctx.sourceId,
      source_line_from: callIn.lineFrom,
      source_line_to: callIn.lineTo,
    });
    const rows = rowsByCallIn.get(callIn);
    for (const recommendation of callIn.recommendations) {
      const row = rows?.get(recommendation.number);
      const id = persistRecommendation(itemId, recommendation, row, callIn, ownerIds.get(recommendation) ?? [], holders.get(callIn), onRecord);
      recommendationIds.set(`${callIn.meetingDate}|${recommendation.number}|${row?.item ?? callIn.title}`, id);
    }
  }

  function persistRecommendation(
    itemId: string,
    recommendation: RecommendationRecord,
    row: TrackingRowRecord | undefined,
    callIn: CallInRecord,
    owners: Array<string | undefined>,
    holderId: string | undefined,
    onRecord: Set<string>,
  ): string {
    const id = recommendationId(itemId, recommendation.number);
    // A recommendation already on record (an earlier paper) keeps its history, owners and responses.
    if (onRecord.has(id) || pending.recommendations.has(id)) return id;
    const status = importedStatus({ printed: row?.status, responses: recommendation.responses.length, text: recommendation.text });
    pending.recommendations.set(id, {
      id,
      item_id: itemId,
      number: recommendation.number,
      text: recommendation.text,
      context: recommendation.context ?? null,
      addressee: callIn.portfolio ? 'Cabinet Member' : null,
      status,
      due_date: responseDeadline(callIn.meetingDate, months),
      tracking_notes: row?.notes ?? null,
      published: true,
      source_document_id: ctx.sourceId,
      source_line_from: recommendation.lineFrom,
      source_line_to: recommendation.lineTo,
    });
    const firstResponse = recommendation.responses.find((response) => response.date)?.date;
    history(
      id,
      null,
      status,
      firstResponse ?? callIn.meetingDate,
      `Imported from the paper, ${where(recommendation.lineFrom, recommendation.lineTo)}${row ? ` and tracking sheet line ${row.line}` : ''}`,
    );
    pending.owners.push(
      ...recommendation.owners.map((owner, index) => ({
        id: stableId('scrutiny-owner', id, index + 1),
        recommendation_id: id,
        person_id: owners[index] ?? null,
        printed: owner.printed,
        instruction: owner.instruction,
        position: index + 1,
      })),
    );
    pending.responses.push(
      ...recommendation.responses.map((response, index) => ({
        id: stableId('scrutiny-response', id, index + 1),
        recommendation_id: id,
        text: response.text,
        response_date: response.date ?? null,
        // Responses to a call-in come from the Cabinet Member holding the portfolio.
        responder_id: holderId ?? null,
        responder_printed: callIn.portfolio ?? null,
        source_document_id: ctx.sourceId,
        source_line_from: response.lineFrom,
        source_line_to: response.lineTo,
      })),
    );
    return id;
  }

  // Tracking sheets, and the rows of items this paper has no call-in for.
  for (const sheet of extract.trackingSheets) {
    const committeeId = sheetBodies.get(sheet)!;
    const sheetId = stableId('scrutiny-tracking-sheet', committeeId, sheet.date);
    pending.sheets.push({
      id: sheetId,
      body_id: committeeId,
      sheet_date: sheet.date,
      title: sheet.title,
      source_document_id: ctx.sourceId,
      source_line_from: sheet.lineFrom,
      source_line_to: sheet.lineTo,
    });
    const trackingRows = pending.trackingRows;
    for (const [index, row] of sheet.rows.entries()) {
      let recommendationId = recommendationIds.get(`${row.meetingDate}|${row.recommendationNumber}|${row.item}`);
      if (!recommendationId && unmatched.some((entry) => entry.row === row)) {
        recommendationId = trackedElsewhere(committeeId, sheet, row);
      }
      trackingRows.push({
        id: stableId('scrutiny-tracking-row', sheetId, index + 1),
        sheet_id: sheetId,
        position: index + 1,
        item_printed: row.item,
        meeting_date: row.meetingDate,
        recommendation_number: row.recommendationNumber,
        status_printed: row.status,
        notes: row.notes ?? null,
        recommendation_id: recommendationId ?? null,
        source_line: row.line,
      });
    }
  }

  /**
   * A row for an item this paper does not describe: the recommendation of an earlier paper when one is on record
   * (its status follows the sheet where the change is allowed), otherwise a new record of what the sheet says.
   */
  function trackedElsewhere(committeeId: string, sheet: TrackingSheetRecord, row: TrackingRowRecord): string | undefined {
    const meeting = meetingId(committeeId, row.meetingDate);
    const items = [...(itemsOnRecord.get(meeting) ?? []), ...[...pending.items.values()].filter((candidate) => candidate.meeting_id === meeting)];
    const item = items.find((candidate) => compareTitles(candidate.title, row.item) !== 'different');
    const printed = row.status.toUpperCase();
    if (item) {
      if (compareTitles(item.title, row.item) === 'near') {
        issues.push({
          severity: 'warning',
          line: row.line,
          message: `Tracking sheet row at line ${row.line} prints "${row.item}" where the record says "${item.title}"; kept as printed and linked. Check the paper.`,
        });
      }
      const gathered = [...pending.recommendations.values()].find(
        (candidate) => candidate.item_id === item.id && candidate.number === row.recommendationNumber,
      );
      const existing = gathered ?? recommendationsOnRecord.get(item.id)?.find((candidate) => candidate.number === row.recommendationNumber);
      if (existing) {
        if (isScrutinyStatus(printed) && printed !== existing.status) {
          const check = checkTransition(existing.status, printed);
          if (check.allowed) {
            const from = existing.status;
            // Later rows of the paper see the status this one set.
            existing.status = printed;
            if (!gathered) statusUpdates.set(existing.id, printed);
            history(existing.id, from, printed, sheet.date, `Tracking sheet of ${sheet.date}, line ${row.line}`);
          } else {
            issues.push({
              severity: 'warning',
              line: row.line,
              message: `Tracking sheet line ${row.line} says ${printed} but the record is ${existing.status}: ${check.reason}. Left as it was.`,
            });
          }
        }
        return existing.id;
      }
    }
    const itemId = item?.id ?? stableId('scrutiny-item', meeting, row.item);
    if (!item) {
      addItem({
        id: itemId,
        authority_id: ctx.authorityId,
        kind: 'call-in',
        body_id: committeeId,
        meeting_id: meeting,
        title: row.item,
        ...store.ITEM_WITHOUT_DETAILS,
        addressed_to: null,
        source_document_id: ctx.sourceId,
        source_line_from: row.line,
        source_line_to: row.line,
      });
    }
    const id = stableId('scrutiny-recommendation', itemId, row.recommendationNumber);
    const status = importedStatus({ printed, responses: 0 });
    if (!isScrutinyStatus(printed)) {
      issues.push({
        severity: 'warning',
        line: row.line,
        message: `Tracking sheet line ${row.line}: "${row.status}" is not a status Quorum knows; recorded as ${status}.`,
      });
    }
    if (pending.recommendations.has(id) || onRecord.has(id)) return id;
    pending.recommendations.set(id, {
      id,
      item_id: itemId,
      number: row.recommendationNumber,
      // The sheet prints only the number; the words are in the minutes of that meeting.
      text: null,
      context: null,
      addressee: null,
      status,
      due_date: responseDeadline(row.meetingDate, months),
      tracking_notes: row.notes ?? null,
      published: true,
      source_document_id: ctx.sourceId,
      source_line_from: row.line,
      source_line_to: row.line,
    });
    history(id, null, status, sheet.date, `Imported from the tracking sheet of ${formatShortDate(sheet.date)}, line ${row.line}`);
    return id;
  }

  // Recommendations of Policy Overview and Scrutiny Committees to Cabinet.
  for (const posc of extract.poscRecommendations) {
    const committeeId = poscBodies.get(posc)!;
    const meeting = meetingId(committeeId, posc.meetingDate);
    const itemId = poscItemId(posc);
    addItem({
      id: itemId,
      authority_id: ctx.authorityId,
      kind: 'posc-recommendation',
      body_id: committeeId,
      meeting_id: meeting,
      title: `Recommendation following the ${posc.from.replace(/[’‘]/g, "'")} to ${posc.to}`,
      ...store.ITEM_WITHOUT_DETAILS,
      addressed_to: posc.to,
      source_document_id: ctx.sourceId,
      source_line_from: posc.lineFrom,
      source_line_to: posc.lineTo,
    });
    const id = stableId('scrutiny-recommendation', itemId, 1);
    if (pending.recommendations.has(id) || onRecord.has(id)) continue;
    pending.recommendations.set(id, {
      id,
      item_id: itemId,
      number: 1,
      text: posc.text,
      context: null,
      addressee: posc.to,
      status: 'PENDING',
      due_date: responseDeadline(posc.meetingDate, months),
      tracking_notes: null,
      published: true,
      source_document_id: ctx.sourceId,
      source_line_from: posc.lineFrom,
      source_line_to: posc.lineTo,
    });
    history(id, null, 'PENDING', posc.meetingDate, `Imported from the paper, ${where(posc.lineFrom, posc.lineTo)}`);
  }

  const counts = await store.insertNewMany(trx, [
    { table: 'meeting', rows: newMeetings },
    { table: 'scrutiny_item', rows: [...pending.items.values()] },
    { table: 'scrutiny_recommendation', rows: [...pending.recommendations.values()] },
    { table: 'scrutiny_status_change', rows: pending.statusChanges },
    { table: 'scrutiny_action_owner', rows: pending.owners },
    { table: 'scrutiny_response', rows: pending.responses },
    { table: 'scrutiny_tracking_sheet', rows: pending.sheets },
    { table: 'scrutiny_tracking_row', rows: pending.trackingRows },
  ]);
  const [meetings, items, recommendations, , owners, responses, sheets, trackingRows] = counts;
  add('meetings', meetings!);
  add('scrutinyItems', items!);
  add('scrutinyRecommendations', recommendations!);
  add('scrutinyOwners', owners!);
  add('scrutinyResponses', responses!);
  add('scrutinyTrackingSheets', sheets!);
  add('scrutinyTrackingRows', trackingRows!);
  for (const [id, status] of statusUpdates) await store.updateRecommendation(trx, id, { status });
  // The caller stores the issues with the file's others (the paper importer writes them to import_issue).
  return { created, issues };
}
