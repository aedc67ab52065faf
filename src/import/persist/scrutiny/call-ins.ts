/**
 * Call-ins: the scrutiny item, linked to the report or decision it scrutinised when the titles agree exactly, and its
 * recommendations with their owners, responses and first status.
 */
import * as store from '../../../db/repositories/scrutiny.ts';
import { responseDeadline } from '../../../domain/scrutiny/deadline.ts';
import { importedStatus } from '../../../domain/scrutiny/status.ts';
import { compareTitles } from '../../../domain/scrutiny/titles.ts';
import { stableId } from '../../../domain/stable-id.ts';
import type { CallInRecord, RecommendationRecord, ScrutinyExtract, TrackingRowRecord } from '../../extract/scrutiny/types.ts';
import type { RowMatches } from './match.ts';
import type { OnRecord } from './on-record.ts';
import { callInItemId, meetingId, type CallInPeople, type Places } from './places.ts';
import { addItem, recommendationId, recordHistory, where, type ScrutinyScope } from './scope.ts';

/** The recommendations the paper's call-ins hold, by "<meeting date>|<number>|<title as the tracking sheet prints it>". */
export type CallInRecommendations = Map<string, string>;

export async function gatherCallIns(
  scope: ScrutinyScope,
  extract: ScrutinyExtract,
  found: { places: Places; people: CallInPeople; matches: RowMatches; onRecord: OnRecord },
): Promise<CallInRecommendations> {
  const { ctx } = scope;
  const { places, people } = found;
  const recommendationIds: CallInRecommendations = new Map();
  const known = extract.callIns.length ? await store.reportsAndDecisionsTitled(ctx.trx, ctx.authorityId) : { reports: [], decisions: [] };
  for (const callIn of extract.callIns) {
    const committeeId = places.callInBodies.get(callIn)!;
    const itemId = callInItemId(places, callIn);
    addItem(scope, {
      id: itemId,
      authority_id: ctx.authorityId,
      kind: 'call-in',
      body_id: committeeId,
      meeting_id: meetingId(places, committeeId, callIn.meetingDate),
      title: callIn.title,
      subtitle: callIn.subtitle ?? null,
      portfolio_printed: callIn.portfolio ?? null,
      portfolio_holder_id: people.holders.get(callIn) ?? null,
      synopsis: callIn.synopsis ?? null,
      call_in_reason: callIn.reason ?? null,
      call_in_points: JSON.stringify(callIn.points),
      witnesses: callIn.witnesses,
      decision_id: known.decisions.find((decision) => compareTitles(decision.subject, callIn.title) === 'exact')?.id ?? null,
      report_id: known.reports.find((report) => compareTitles(report.subject, callIn.title) === 'exact')?.id ?? null,
      addressed_to: callIn.portfolio ? 'Cabinet Member' : null,
      executive_response: callIn.executiveResponse?.text ?? null,
      executive_response_date: callIn.executiveResponse?.date ?? null,
      source_document_id: ctx.sourceId,
      source_line_from: callIn.lineFrom,
      source_line_to: callIn.lineTo,
    });
    const rows = found.matches.rowsByCallIn.get(callIn);
    for (const recommendation of callIn.recommendations) {
      const row = rows?.get(recommendation.number);
      const owners = people.ownerIds.get(recommendation) ?? [];
      const id = gatherRecommendation(scope, { itemId, recommendation, row, callIn, owners, holderId: people.holders.get(callIn) }, found.onRecord);
      recommendationIds.set(`${callIn.meetingDate}|${recommendation.number}|${row?.item ?? callIn.title}`, id);
    }
  }
  return recommendationIds;
}

interface PrintedRecommendation {
  itemId: string;
  recommendation: RecommendationRecord;
  /** The tracking row of this paper that tracks it, if any. */
  row: TrackingRowRecord | undefined;
  callIn: CallInRecord;
  owners: Array<string | undefined>;
  holderId: string | undefined;
}

/** A recommendation already on record (an earlier paper) keeps its history, owners and responses. */
function gatherRecommendation(scope: ScrutinyScope, printed: PrintedRecommendation, onRecord: OnRecord): string {
  const { ctx, batch } = scope;
  const { itemId, recommendation, row, callIn, owners, holderId } = printed;
  const id = recommendationId(itemId, recommendation.number);
  if (onRecord.recommendationIds.has(id) || batch.has('scrutiny_recommendation', id)) return id;
  const status = importedStatus({ printed: row?.status, responses: recommendation.responses.length, text: recommendation.text });
  batch.add('scrutiny_recommendation', {
    id,
    item_id: itemId,
    number: recommendation.number,
    text: recommendation.text,
    context: recommendation.context ?? null,
    addressee: callIn.portfolio ? 'Cabinet Member' : null,
    status,
    due_date: responseDeadline(callIn.meetingDate, scope.months),
    tracking_notes: row?.notes ?? null,
    published: true,
    source_document_id: ctx.sourceId,
    source_line_from: recommendation.lineFrom,
    source_line_to: recommendation.lineTo,
  });
  const firstResponse = recommendation.responses.find((response) => response.date)?.date;
  recordHistory(
    scope,
    id,
    null,
    status,
    firstResponse ?? callIn.meetingDate,
    `Imported from the paper, ${where(recommendation.lineFrom, recommendation.lineTo)}${row ? ` and tracking sheet line ${row.line}` : ''}`,
  );
  for (const [index, owner] of recommendation.owners.entries()) {
    batch.add('scrutiny_action_owner', {
      id: stableId('scrutiny-owner', id, index + 1),
      recommendation_id: id,
      person_id: owners[index] ?? null,
      printed: owner.printed,
      instruction: owner.instruction,
      position: index + 1,
    });
  }
  for (const [index, response] of recommendation.responses.entries()) {
    batch.add('scrutiny_response', {
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
    });
  }
  return id;
}
