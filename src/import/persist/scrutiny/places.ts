/**
 * The people, bodies and meetings a paper's scrutiny records name, resolved before any row is built: people first,
 * then bodies, then every meeting in one query (a paper names the same meetings in many rows). New people, bodies and
 * meetings are written with the paper's rows, in the batch (people first, as rows refer to them).
 */
import * as paperStore from '../../../db/repositories/paper-store.ts';
import { stableId } from '../../../domain/stable-id.ts';
import type { CallInRecord, PoscRecommendationRecord, RecommendationRecord, ScrutinyExtract, TrackingSheetRecord } from '../../extract/scrutiny/types.ts';
import type { UnmatchedRow } from './match.ts';
import { resolveBody, resolvePerson, type ScrutinyScope } from './scope.ts';

const CABINET_MEMBER = /^(?:the\s+)?Cabinet Member$/i;

export interface CallInPeople {
  /** The Cabinet Member holding each call-in's portfolio. */
  holders: Map<CallInRecord, string | undefined>;
  /** Each recommendation's owners, in the order printed (undefined where a name was not linked). */
  ownerIds: Map<RecommendationRecord, Array<string | undefined>>;
}

export function resolveCallInPeople(scope: ScrutinyScope, extract: ScrutinyExtract): CallInPeople {
  const holders = new Map<CallInRecord, string | undefined>();
  const ownerIds = new Map<RecommendationRecord, Array<string | undefined>>();
  for (const callIn of extract.callIns) {
    const holderId = callIn.portfolio ? resolvePerson(scope, callIn.portfolio, 'member', callIn.lineFrom, 'Cabinet Member') : undefined;
    holders.set(callIn, holderId);
    for (const recommendation of callIn.recommendations) {
      ownerIds.set(
        recommendation,
        recommendation.owners.map((owner) =>
          CABINET_MEMBER.test(owner.printed) ? holderId : resolvePerson(scope, owner.printed, 'officer', recommendation.lineTo),
        ),
      );
    }
  }
  return { holders, ownerIds };
}

export interface Places {
  callInBodies: Map<CallInRecord, string>;
  sheetBodies: Map<TrackingSheetRecord, string>;
  poscBodies: Map<PoscRecommendationRecord, string>;
  /** Meeting ids by body and date: on record, or added by this paper. */
  meetingIds: Map<string, string>;
}

const meetingKey = (body: string, date: string) => `${body}|${date}`;

export const meetingId = (places: Places, body: string, date: string): string => places.meetingIds.get(meetingKey(body, date))!;

export const callInItemId = (places: Places, callIn: CallInRecord) =>
  stableId('scrutiny-item', meetingId(places, places.callInBodies.get(callIn)!, callIn.meetingDate), callIn.title);

export const poscItemId = (places: Places, posc: PoscRecommendationRecord) =>
  stableId('scrutiny-item', meetingId(places, places.poscBodies.get(posc)!, posc.meetingDate), 'posc', posc.to);

export const rowMeeting = (places: Places, { sheet, row }: UnmatchedRow) => meetingId(places, places.sheetBodies.get(sheet)!, row.meetingDate);

export async function resolvePlaces(scope: ScrutinyScope, extract: ScrutinyExtract, unmatched: UnmatchedRow[]): Promise<Places> {
  const places: Places = { callInBodies: new Map(), sheetBodies: new Map(), poscBodies: new Map(), meetingIds: new Map() };
  for (const callIn of extract.callIns) places.callInBodies.set(callIn, resolveBody(scope, callIn.committee));
  for (const sheet of extract.trackingSheets) places.sheetBodies.set(sheet, resolveBody(scope, sheet.committee));
  for (const posc of extract.poscRecommendations) places.poscBodies.set(posc, resolveBody(scope, posc.from));
  await resolveMeetings(scope, places, [
    ...extract.callIns.map((callIn) => ({
      body: places.callInBodies.get(callIn)!,
      date: callIn.meetingDate,
      lineFrom: callIn.lineFrom,
      lineTo: callIn.lineTo,
    })),
    ...unmatched.map(({ sheet, row }) => ({ body: places.sheetBodies.get(sheet)!, date: row.meetingDate, lineFrom: row.line, lineTo: row.line })),
    ...extract.poscRecommendations.map((posc) => ({
      body: places.poscBodies.get(posc)!,
      date: posc.meetingDate,
      lineFrom: posc.lineFrom,
      lineTo: posc.lineTo,
    })),
  ]);
  return places;
}

async function resolveMeetings(
  scope: ScrutinyScope,
  places: Places,
  wanted: Array<{ body: string; date: string; lineFrom: number; lineTo: number }>,
): Promise<void> {
  const { meetingIds } = places;
  const missing = wanted.filter((want) => !meetingIds.has(meetingKey(want.body, want.date)));
  for (const row of await paperStore.findMeetings(
    scope.ctx.trx,
    missing.map((want) => ({ bodyId: want.body, date: want.date })),
  )) {
    meetingIds.set(meetingKey(row.body_id, row.date), row.id);
  }
  for (const want of missing) {
    const key = meetingKey(want.body, want.date);
    if (meetingIds.has(key)) continue;
    const id = stableId('meeting', want.body, want.date);
    scope.batch.add('meeting', {
      id,
      body_id: want.body,
      date: want.date,
      status: 'held',
      kind: 'ordinary',
      source_document_id: scope.ctx.sourceId,
      source_line_from: want.lineFrom,
      source_line_to: want.lineTo,
    });
    meetingIds.set(key, id);
  }
}
