import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import {
  findPersonHeading,
  listCouncillors,
  listGroupsOn,
  listWards,
  personProfile,
  personAttendanceRecord,
  personDeclarations,
  personGroups,
  personMemberships,
  personQuestions,
  personRecordedRoles,
  personVotes,
  personVoteSummary,
} from '../../db/queries/portal/people.ts';
import { NotFound } from '../../http/errors.ts';
import { presentCouncillors, presentPerson } from './presenters/person.ts';
import { z } from 'zod';
import { todayInLondon } from '../../domain/dates.ts';
import { isIsoDate } from '../../domain/allowances/dates.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { RecordParamSchema } from './params.ts';
import { idFromSlug } from './slugs.ts';
import { readerFor } from '../../http/reader.ts';
import { photoFile, photosOf } from '../../db/repositories/photos.ts';
import { PHOTO_MEDIA_TYPES, parsePhotoFileName } from '../../domain/members/photo.ts';
import { presentPhoto } from './presenters/photo.ts';

const blank = (value: unknown) => (value === '' ? undefined : value);
const CouncillorsQuery = z.object({
  group: z
    .preprocess(
      blank,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,200}$/)
        .optional(),
    )
    .catch(undefined),
  ward: z
    .preprocess(
      blank,
      z
        .string()
        .regex(/^[a-z0-9-]{1,200}$/)
        .optional(),
    )
    .catch(undefined),
});
const optionalDay = z.preprocess(blank, z.string().refine(isIsoDate).optional());
const PeriodQuery = z.object({ from: optionalDay, to: optionalDay }).refine((period) => !period.from || !period.to || period.from <= period.to);
/** Votes shown on a person's page at a time; older ones are a link away, so the page does not grow with the record. */
const VOTES_PER_PAGE = 50;
/** `?votes=<date>,<minute position or ->,<vote event id>`: the last vote of the page before. One that does not parse shows the newest. */
const VotesQuery = z.object({
  votes: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2},(\d{1,9}|-),[A-Za-z0-9_-]{1,200}$/)
    .transform((value) => {
      const [date, position, voteEventId] = value.split(',') as [string, string, string];
      return { date, position: position === '-' ? null : Number(position), voteEventId };
    })
    .optional()
    .catch(undefined),
});

export function registerPeopleRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  // Filtered by political group and ward ("find your councillor"): plain GET forms, so they work without JavaScript.
  app.get(ROUTES['person.list'], async (request, reply) => {
    const db = readerFor(database, request);
    const query = CouncillorsQuery.parse(request.query ?? {});
    const today = todayInLondon();
    const [rows, wards, groups] = await Promise.all([
      listCouncillors(db, { today, groupId: query.group, wardSlug: query.ward }),
      listWards(db),
      listGroupsOn(db, today),
    ]);
    const ward = wards.find((candidate) => candidate.slug === query.ward);
    const photos = await photosOf(
      db,
      rows.map((row) => row.id),
    );
    return reply.view('portal/councillors.njk', {
      members: presentCouncillors(rows, photos),
      filtered: Boolean(query.group || query.ward),
      wardName: ward?.name,
      wards: [{ value: '', text: 'All wards' }, ...wards.map((row) => ({ value: row.slug, text: row.name, selected: row.slug === query.ward }))],
      groups: [{ value: '', text: 'All political groups' }, ...groups.map((row) => ({ value: row.id, text: row.name, selected: row.id === query.group }))],
      hasWards: wards.length > 0,
      hasGroups: groups.length > 0,
      currentNav: 'councillors',
    });
  });

  app.get(ROUTES['person.show'], async (request, reply) => {
    const db = readerFor(database, request);
    const params = RecordParamSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Person not found');
    const person = await findPersonHeading(db, idFromSlug('person', params.data.id));
    if (!person) throw NotFound('Person not found');
    const period = PeriodQuery.safeParse(request.query ?? {});
    const chosen = period.success ? period.data : {};
    const before = VotesQuery.parse(request.query ?? {}).votes;
    const [profile, memberships, groups, roles, attendance, declarations, questions, votes, voteSummary, photos] = await Promise.all([
      personProfile(db, person.id),
      personMemberships(db, person.id),
      personGroups(db, person.id),
      personRecordedRoles(db, person.id),
      personAttendanceRecord(db, person.id, chosen),
      personDeclarations(db, person.id),
      personQuestions(db, person.id),
      personVotes(db, person.id, { limit: VOTES_PER_PAGE, before }),
      personVoteSummary(db, person.id),
      photosOf(db, [person.id]),
    ]);
    const view = presentPerson({ person, profile, memberships, groups, roles, attendance, declarations, questions, votes: votes.rows, voteSummary });
    const lastVote = votes.rows.at(-1);
    const self = linkTo('person.show', { id: params.data.id });
    const olderVotesHref =
      votes.more && lastVote
        ? `${self}?${new URLSearchParams({ votes: `${lastVote.date},${lastVote.minute_position ?? '-'},${lastVote.vote_event_id}` })}#votes`
        : undefined;
    const interestsHref = person.kind === 'member' ? linkTo('interests.member', { id: person.id }) : undefined;
    const periodError = period.success ? undefined : 'Enter real dates, the first on or before the second, like 2026-04-01';
    return reply.view('portal/person.njk', {
      view,
      photo: presentPhoto(person.id, photos.get(person.id), 240),
      interestsHref,
      period: {
        from: (request.query as Record<string, unknown> | undefined)?.from ?? '',
        to: (request.query as Record<string, unknown> | undefined)?.to ?? '',
        error: periodError,
        chosen: Boolean(chosen.from || chosen.to),
      },
      wardHref: view.ward ? `${linkTo('person.list')}?${new URLSearchParams({ ward: view.ward.slug ?? '' })}` : undefined,
      olderVotesHref,
      newestVotesHref: before ? `${self}#votes` : undefined,
      currentNav: 'councillors',
    });
  });

  // A copy of a councillor's photo. A person's page is public, and so is their photo; the URL's ?v= is the copy's
  // hash, so a page's link may be kept for a year, while a request without it (or with an old one) revalidates.
  const PhotoParams = z.object({ id: RecordParamSchema.shape.id, file: z.string().max(20) });
  app.get(ROUTES['person.photo'], async (request, reply) => {
    const params = PhotoParams.safeParse(request.params);
    const copy = params.success ? parsePhotoFileName(params.data.file) : undefined;
    if (!params.success || !copy) throw NotFound('Photo not found');
    const file = await photoFile(readerFor(database, request), idFromSlug('person', params.data.id), copy.width, copy.format);
    if (!file) throw NotFound('Photo not found');
    const etag = `"${file.sha256}"`;
    const versioned = (request.query as Record<string, unknown> | undefined)?.v === file.sha256.slice(0, 16);
    reply
      .header('etag', etag)
      .header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, no-cache')
      .header('content-type', PHOTO_MEDIA_TYPES[copy.format]);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
  });
}
