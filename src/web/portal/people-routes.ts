import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import {
  findPerson,
  listMembers,
  personAttendanceRecord,
  personDeclarations,
  personGroups,
  personMemberships,
  personQuestions,
  personRecordedRoles,
  personVotes,
} from '../../db/queries/portal/people.ts';
import { NotFound } from '../../http/errors.ts';
import { presentMemberList, presentPerson } from '../presenters/portal/person.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { RecordParamSchema } from './params.ts';
import { idFromSlug } from './slugs.ts';
import { readerFor } from '../../http/reader.ts';

export function registerPeopleRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['person.list'], async (request, reply) => {
    const db = readerFor(database, request);
    return reply.view('portal/councillors.njk', { members: presentMemberList(await listMembers(db)), currentNav: 'councillors' });
  });

  app.get(ROUTES['person.show'], async (request, reply) => {
    const db = readerFor(database, request);
    const params = RecordParamSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Person not found');
    const person = await findPerson(db, idFromSlug('person', params.data.id));
    if (!person) throw NotFound('Person not found');
    const view = presentPerson({
      person,
      memberships: await personMemberships(db, person.id),
      groups: await personGroups(db, person.id),
      roles: await personRecordedRoles(db, person.id),
      attendance: await personAttendanceRecord(db, person.id),
      declarations: await personDeclarations(db, person.id),
      questions: await personQuestions(db, person.id),
      votes: await personVotes(db, person.id),
    });
    const interestsHref = person.kind === 'member' ? linkTo('interests.member', { id: person.id }) : undefined;
    return reply.view('portal/person.njk', { view, interestsHref, currentNav: 'councillors' });
  });
}
