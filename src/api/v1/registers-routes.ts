/**
 * The JSON API's statutory registers, read-only and public: the forward plan (published, not withdrawn), members'
 * published registers of interests (sensitive interests withheld, whose an interest is never said) with their
 * published gifts and hospitality, and outside bodies with their appointments. Lists are complete (no paging): a
 * council's registers run to hundreds of records, not thousands.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as forwardPlan from '../../db/repositories/registers/forward-plan.ts';
import * as interests from '../../db/repositories/registers/interests.ts';
import * as outside from '../../db/repositories/registers/outside-bodies.ts';
import { vacancies } from '../../domain/outside-bodies/vacancies.ts';
import { personName } from '../../services/political-balance/person-name.ts';
import { publicForwardPlanEntry, publicGift, publicRegister } from '../../services/registers/public-records.ts';
import { NotFound } from '../../http/errors.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { absoluteLinks, withQuery } from '../links.ts';
import { documentedGet } from './documented.ts';
import { IdParamsSchema } from './schemas.ts';
import { completeList, ForwardPlanEntrySchema, ForwardPlanQuerySchema, MemberInterestsSchema, OutsideBodySchema } from './registers-schemas.ts';
import { findPersonName } from '../../db/records/people.ts';

export const registersApiRoutes: FastifyPluginAsync<{ config: Config; database: DatabaseHandle; pathPrefix: string }> = async (
  app,
  { config, database, pathPrefix: prefix },
) => {
  const db = database.db;
  const link = absoluteLinks(config);
  const tags = ['Registers'];

  async function entries(rows: forwardPlan.ForwardPlanEntryRow[]) {
    const ids = rows.map((row) => row.id);
    const [representations, records] = await Promise.all([forwardPlan.representationsOf(db, ids), forwardPlan.decisionRecordsOf(db, ids)]);
    return rows.map((row) => ({
      ...publicForwardPlanEntry(
        row,
        representations,
        records.find((record) => record.entry_id === row.id),
      ),
      links: { self: link('api.forwardPlanEntry', { id: row.id }), html: link('forwardPlan.entry', { id: row.id }) },
    }));
  }

  documentedGet(
    app,
    {
      name: 'api.forwardPlan',
      prefix,
      summary: 'The forward plan',
      description: 'Published notices of key decisions and of meetings in private (2012 Regulations, regs 5 and 9-11), with each decision once recorded.',
      tags,
      querystring: ForwardPlanQuerySchema,
      response: completeList(ForwardPlanEntrySchema, 'ForwardPlanEntryList'),
    },
    async ({ query }) => {
      const rows = await forwardPlan.publishedEntries(db, {
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(query.status ? { status: query.status } : {}),
      });
      return {
        data: await entries(rows),
        links: { self: withQuery(link('api.forwardPlan'), { from: query.from, to: query.to, status: query.status }), next: null },
      };
    },
  );

  documentedGet(
    app,
    {
      name: 'api.forwardPlanEntry',
      prefix,
      summary: 'One forward plan entry',
      tags,
      params: IdParamsSchema,
      response: ForwardPlanEntrySchema,
      what: 'Forward plan entry',
    },
    async ({ params }) => {
      const row = await forwardPlan.findPublishedEntry(db, params.id);
      if (!row) throw NotFound('Forward plan entry not found');
      return (await entries([row]))[0];
    },
  );

  async function memberInterests(members: interests.MemberRow[]) {
    const ids = members.map((member) => member.id);
    const latest = await interests.latestPublished(db, ids);
    const [entries, gifts, versions] = await Promise.all([
      interests.entriesOf(
        db,
        latest.map((register) => register.id),
      ),
      interests.publishedGifts(db),
      Promise.all(ids.map((id) => interests.versionsOf(db, id))),
    ]);
    return members.map((member, index) => {
      const register = latest.find((row) => row.person_id === member.id);
      const shown = register ? publicRegister(register, entries) : null;
      return {
        personId: member.id,
        name: personName(member),
        register: shown ? { version: shown.version, publishedOn: shown.publishedOn, entries: shown.entries } : null,
        versions: versions[index]!.filter((version) => version.status === 'published').map((version) => ({
          version: version.version,
          publishedOn: version.published_on!,
        })),
        gifts: gifts.filter((gift) => gift.person_id === member.id).map(publicGift),
        links: {
          self: link('api.memberInterests', { id: member.id }),
          html: link('interests.member', { id: member.id }),
          person: link('api.person', { id: member.id }),
        },
      };
    });
  }

  documentedGet(
    app,
    {
      name: 'api.interests',
      prefix,
      summary: 'The register of members’ interests',
      description: 'Every member’s published register (Localism Act 2011 ss.29-34) and their published gifts and hospitality.',
      tags,
      response: completeList(MemberInterestsSchema, 'MemberInterestsList'),
    },
    async () => {
      return { data: await memberInterests(await interests.members(db)), links: { self: link('api.interests'), next: null } };
    },
  );

  documentedGet(
    app,
    {
      name: 'api.memberInterests',
      prefix,
      summary: 'One member’s register of interests',
      tags,
      params: IdParamsSchema,
      response: MemberInterestsSchema,
      what: 'Member',
    },
    async ({ params }) => {
      const member = await findPersonName(db, params.id);
      if (!member || member.kind !== 'member') throw NotFound('Member not found');
      return (await memberInterests([member]))[0];
    },
  );

  async function outsideBodies(bodies: outside.OutsideBodyRow[]) {
    const appointments = await outside.appointmentsOf(
      db,
      bodies.map((body) => body.id),
    );
    const reports = await outside.reportsBack(
      db,
      appointments.map((appointment) => appointment.id),
    );
    const today = todayInLondon();
    return bodies.map((body) => {
      const own = appointments.filter((appointment) => appointment.outside_body_id === body.id);
      return {
        id: body.id,
        name: body.name,
        slug: body.slug,
        category: body.category,
        description: body.description,
        website: body.website,
        places: body.places,
        vacancies: vacancies(
          body.places,
          own.map((appointment) => ({ startsOn: appointment.starts_on, endsOn: appointment.ends_on })),
          today,
        ),
        appointments: own.map((appointment) => ({
          id: appointment.id,
          personId: appointment.person_id,
          name: appointment.person_name,
          role: appointment.role,
          startsOn: appointment.starts_on,
          endsOn: appointment.ends_on,
          appointedAtMeetingId: appointment.appointed_at_meeting_id,
          appointedAtMinuteId: appointment.appointed_at_minute_id,
          reportsBack: reports
            .filter((report) => report.appointment_id === appointment.id)
            .map((report) => ({
              meetingId: report.meeting_id,
              agendaItemId: report.agenda_item_id,
              meetingDate: report.meeting_date,
              summary: report.summary,
            })),
        })),
        links: { self: link('api.outsideBody', { id: body.id }), html: link('outsideBodies.show', { slug: body.slug }) },
      };
    });
  }

  documentedGet(
    app,
    {
      name: 'api.outsideBodies',
      prefix,
      summary: 'Outside bodies',
      description: 'Organisations the council appoints to, with their appointments and reports back.',
      tags,
      response: completeList(OutsideBodySchema, 'OutsideBodyList'),
    },
    async () => {
      return { data: await outsideBodies(await outside.listOutsideBodies(db)), links: { self: link('api.outsideBodies'), next: null } };
    },
  );

  documentedGet(
    app,
    { name: 'api.outsideBody', prefix, summary: 'One outside body', tags, params: IdParamsSchema, response: OutsideBodySchema, what: 'Outside body' },
    async ({ params }) => {
      const body = await outside.findOutsideBody(db, params.id);
      if (!body) throw NotFound('Outside body not found');
      return (await outsideBodies([body]))[0];
    },
  );
};
