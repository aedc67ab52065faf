/**
 * Quorum's JSON API at /api/v1/: what OParl lacks (vote events as Popolo, decisions, the bulk download) and plain
 * JSON views of the committee records. Keyset pagination with opaque cursors; every route documented in the
 * OpenAPI document generated from its zod schemas.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as committee from '../../db/queries/api/committee.ts';
import * as votes from '../../db/queries/api/votes.ts';
import { ExportError } from '../../services/exporter.ts';
import { OpenDataCache } from '../../services/open-data/bulk-download.ts';
import { NotFound } from '../../http/errors.ts';
import { absoluteLinks } from '../links.ts';
import { PopoloVoteEventSchema, presentVoteEvent } from '../popolo/vote-event.ts';
import { isoTimestamp } from '../../domain/dates.ts';
import { accountabilityRoutes } from './accountability-routes.ts';
import { registersApiRoutes } from './registers-routes.ts';
import { documentedGet } from './documented.ts';
import { decodeCursor, pageLinksFor } from './paging.ts';
import * as present from './presenters.ts';
import {
  BodySchema,
  DecisionSchema,
  DecisionsQuerySchema,
  IdParamsSchema,
  listOf,
  MeetingSchema,
  MeetingsQuerySchema,
  MeetingSummarySchema,
  OpenDataFileParamsSchema,
  OpenDataIndexSchema,
  PageQuerySchema,
  PeopleQuerySchema,
  PersonSchema,
  VoteEventsQuerySchema,
} from './schemas.ts';

export const API_PREFIX = '/api';

export const apiV1Routes: FastifyPluginAsync<{ config: Config; database: DatabaseHandle }> = async (app, { config, database }) => {
  const db = database.db;
  const link = absoluteLinks(config);
  const openData = new OpenDataCache(db);
  const prefix = API_PREFIX;

  const pageLinks = pageLinksFor(link);

  documentedGet(
    app,
    {
      name: 'api.bodies',
      prefix,
      summary: 'List bodies',
      description: 'The council, its cabinet, committees, sub-committees and panels.',
      tags: ['Committee records'],
      querystring: PageQuerySchema,
      response: listOf(BodySchema, 'BodyList'),
    },
    async ({ query }) => {
      const page = await committee.listBodiesForApi(db, { after: decodeCursor(query.cursor), limit: query.limit });
      return {
        data: page.rows.map((row) => present.presentBody(link, row)),
        links: pageLinks('api.bodies', { limit: query.limit, cursor: query.cursor }, page.nextAfter),
      };
    },
  );

  documentedGet(
    app,
    { name: 'api.body', prefix, summary: 'One body', tags: ['Committee records'], params: IdParamsSchema, response: BodySchema, what: 'Body' },
    async ({ params }) => {
      const row = await committee.findBodyForApi(db, params.id);
      if (!row) throw NotFound('Body not found');
      return present.presentBody(link, row);
    },
  );

  async function people(rows: committee.ApiPersonRow[]) {
    const ids = rows.map((row) => row.id);
    const [groups, bodies] = [await committee.groupMembershipsOf(db, ids), await committee.bodyMembershipsOf(db, ids)];
    return rows.map((row) =>
      present.presentPerson(
        link,
        row,
        groups.filter((group) => group.person_id === row.id),
        bodies.filter((body) => body.person_id === row.id),
      ),
    );
  }

  documentedGet(
    app,
    {
      name: 'api.people',
      prefix,
      summary: 'List people',
      description: 'Members, officers and others named in the papers, with their political groups and bodies.',
      tags: ['Committee records'],
      querystring: PeopleQuerySchema,
      response: listOf(PersonSchema, 'PersonList'),
    },
    async ({ query }) => {
      const page = await committee.listPeopleForApi(db, { kind: query.kind }, { after: decodeCursor(query.cursor), limit: query.limit });
      return { data: await people(page.rows), links: pageLinks('api.people', { kind: query.kind, limit: query.limit, cursor: query.cursor }, page.nextAfter) };
    },
  );

  documentedGet(
    app,
    { name: 'api.person', prefix, summary: 'One person', tags: ['Committee records'], params: IdParamsSchema, response: PersonSchema, what: 'Person' },
    async ({ params }) => {
      const row = await committee.findPersonForApi(db, params.id);
      if (!row) throw NotFound('Person not found');
      return (await people([row]))[0];
    },
  );

  documentedGet(
    app,
    {
      name: 'api.meetings',
      prefix,
      summary: 'List meetings',
      tags: ['Committee records'],
      querystring: MeetingsQuerySchema,
      response: listOf(MeetingSummarySchema, 'MeetingList'),
    },
    async ({ query }) => {
      const page = await committee.listMeetingsForApi(
        db,
        { bodyId: query.body, from: query.from, to: query.to },
        { after: decodeCursor(query.cursor), limit: query.limit },
      );
      return {
        data: page.rows.map((row) => present.presentMeetingSummary(link, row)),
        links: pageLinks('api.meetings', { body: query.body, from: query.from, to: query.to, limit: query.limit, cursor: query.cursor }, page.nextAfter),
      };
    },
  );

  documentedGet(
    app,
    {
      name: 'api.meeting',
      prefix,
      summary: 'One meeting with its agenda, minutes, attendance and vote events',
      description: 'Exempt items show number, title and Schedule 12A paragraphs only; exempt minutes have no text or resolutions.',
      tags: ['Committee records'],
      params: IdParamsSchema,
      response: MeetingSchema,
      what: 'Meeting',
    },
    async ({ params }) => {
      const row = await committee.findMeetingForApi(db, params.id);
      if (!row) throw NotFound('Meeting not found');
      return present.presentMeeting(link, row, await committee.meetingDetails(db, row.id));
    },
  );

  documentedGet(
    app,
    {
      name: 'api.voteEvents',
      prefix,
      summary: 'List recorded votes (Popolo vote events)',
      description: 'Each recorded vote with its counts, every member’s vote and the counts by political group. Votes on exempt items are not published.',
      tags: ['Votes'],
      querystring: VoteEventsQuerySchema,
      response: listOf(PopoloVoteEventSchema, 'VoteEventList'),
    },
    async ({ query }) => {
      const page = await votes.listVoteEventsForApi(
        db,
        { meetingId: query.meeting, bodyId: query.body },
        { after: decodeCursor(query.cursor), limit: query.limit },
      );
      const allVotes = await votes.votesOf(
        db,
        page.rows.map((row) => row.id),
      );
      return {
        data: page.rows.map((row) =>
          presentVoteEvent(
            link,
            row,
            allVotes.filter((vote) => vote.vote_event_id === row.id),
          ),
        ),
        links: pageLinks('api.voteEvents', { meeting: query.meeting, body: query.body, limit: query.limit, cursor: query.cursor }, page.nextAfter),
      };
    },
  );

  documentedGet(
    app,
    {
      name: 'api.voteEvent',
      prefix,
      summary: 'One recorded vote (Popolo vote event)',
      tags: ['Votes'],
      params: IdParamsSchema,
      response: PopoloVoteEventSchema,
      what: 'Vote event',
    },
    async ({ params }) => {
      const row = await votes.findVoteEvent(db, params.id);
      if (!row) throw NotFound('Vote event not found');
      return presentVoteEvent(link, row, await votes.votesOf(db, [row.id]));
    },
  );

  documentedGet(
    app,
    {
      name: 'api.decisions',
      prefix,
      summary: 'List decisions',
      description: 'Executive and urgent decisions, newest records first by id order.',
      tags: ['Committee records'],
      querystring: DecisionsQuerySchema,
      response: listOf(DecisionSchema, 'DecisionList'),
    },
    async ({ query }) => {
      const page = await committee.listDecisionsForApi(db, { from: query.from, to: query.to }, { after: decodeCursor(query.cursor), limit: query.limit });
      return {
        data: page.rows.map((row) => present.presentDecision(link, row)),
        links: pageLinks('api.decisions', { from: query.from, to: query.to, limit: query.limit, cursor: query.cursor }, page.nextAfter),
      };
    },
  );

  documentedGet(
    app,
    { name: 'api.decision', prefix, summary: 'One decision', tags: ['Committee records'], params: IdParamsSchema, response: DecisionSchema, what: 'Decision' },
    async ({ params }) => {
      const row = await committee.findDecisionForApi(db, params.id);
      if (!row) throw NotFound('Decision not found');
      return present.presentDecision(link, row);
    },
  );

  async function dataset() {
    try {
      return await openData.dataset();
    } catch (error) {
      if (error instanceof ExportError) throw NotFound(`No open data yet: ${error.message}`);
      throw error;
    }
  }

  documentedGet(
    app,
    {
      name: 'api.openData',
      prefix,
      summary: 'The bulk download: index of files',
      description: 'The whole public dataset as one JSON document and one CSV file per record kind, rebuilt whenever a record changes.',
      tags: ['Bulk download'],
      response: OpenDataIndexSchema,
    },
    async () => {
      const current = await dataset();
      return {
        generatedAt: isoTimestamp(current.generatedAt),
        dataVersion: current.version,
        files: current.files.map((file) => ({
          name: file.name,
          kind: file.kind,
          mediaType: file.mediaType,
          bytes: file.body.length,
          rows: file.rows,
          url: link('api.openData.file', { file: file.name }),
        })),
      };
    },
  );

  documentedGet(
    app,
    {
      name: 'api.openData.file',
      prefix,
      summary: 'One file of the bulk download',
      tags: ['Bulk download'],
      params: OpenDataFileParamsSchema,
      response: { mediaTypes: ['text/csv', 'application/json'], description: 'The file: a CSV table, or quorum.json (application/json)' },
      what: 'File',
    },
    async ({ params, reply }) => {
      const file = (await dataset()).files.find((candidate) => candidate.name === params.file);
      if (!file) throw NotFound('File not found');
      reply.header('content-disposition', `attachment; filename="${file.name}"`);
      return reply.type(file.mediaType).send(file.body);
    },
  );

  await app.register(accountabilityRoutes, { config, database, pathPrefix: prefix });
  await app.register(registersApiRoutes, { config, database, pathPrefix: prefix });
};
