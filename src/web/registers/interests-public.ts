/**
 * The public register of members' interests: every member with the date of their published register, and each
 * member's register by category (sensitive interests withheld with the statutory wording, whose an interest is never
 * said), earlier published versions by date, and their published gifts and hospitality (late entries marked).
 */
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/registers/interests.ts';
import { byCategory } from '../../domain/interests/public-register.ts';
import { formatPounds } from '../../domain/interests/gifts.ts';
import { personName } from '../../services/political-balance/person-name.ts';
import { publicGift, publicRegister } from '../../services/registers/public-records.ts';
import { NotFound } from '../../http/errors.ts';
import { formatDate } from '../meetings/presenters/meeting.ts';
import { readerFor } from '../../http/reader.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { idParam } from './form.ts';
import { idFromSlug } from '../portal/slugs.ts';
import { findPersonName } from '../../db/records/people.ts';
import { t } from '../i18n/index.ts';

export function giftView(gift: ReturnType<typeof publicGift>) {
  return {
    ...gift,
    value: formatPounds(gift.valuePence),
    receivedOnText: formatDate(gift.receivedOn),
    registeredOnText: formatDate(gift.registeredOn),
    kindText: t(gift.kind === 'gift' ? 'registers.gift' : 'registers.hospitality'),
  };
}

export function registerInterestsPublicRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['interests.register'], async (request, reply) => {
    const db = readerFor(database, request);
    const [members, registers] = await Promise.all([repo.members(db), repo.latestPublished(db)]);
    const published = new Map(registers.map((register) => [register.person_id, register]));
    return reply.view('registers/interests.njk', {
      pageTitle: t('registers.interestsTitle'),
      members: members.map((member) => ({
        name: personName(member),
        href: linkTo('interests.member', { id: member.id }),
        publishedOn: published.get(member.id)?.published_on ? formatDate(published.get(member.id)!.published_on!) : null,
      })),
      currentNav: 'councillors',
    });
  });

  app.get(ROUTES['interests.member'], async (request, reply) => {
    const db = readerFor(database, request);
    const id = idFromSlug('person', idParam(request.params));
    const person = await findPersonName(db, id);
    if (!person || person.kind !== 'member') throw NotFound('Member not found');
    const versions = (await repo.versionsOf(db, id)).filter((version) => version.status === 'published');
    const wanted = Number((request.query as Record<string, unknown>)?.version);
    const shown = Number.isInteger(wanted) && wanted > 0 ? versions.find((version) => version.version === wanted) : versions[0];
    if (Number.isInteger(wanted) && wanted > 0 && !shown) throw NotFound('No such version of the register');
    const [entries, gifts] = await Promise.all([repo.entriesOf(db, shown ? [shown.id] : []), repo.giftsOf(db, id, { publishedOnly: true })]);
    const register = shown ? publicRegister(shown, entries) : undefined;
    const name = personName(person);
    return reply.view('registers/member-interests.njk', {
      pageTitle: `${name}: ${t('registers.registerOfInterestsLower')}`,
      name,
      personHref: linkTo('person.show', { id }),
      register: register
        ? {
            ...register,
            publishedOnText: formatDate(register.publishedOn),
            latest: shown === versions[0],
            sections: byCategory(register.entries).map((section) => ({ ...section, label: t(`interestCategory.${section.category}`) })),
          }
        : undefined,
      versions: versions.map((version) => ({
        text: t('registers.versionPublished', { version: version.version, date: formatDate(version.published_on!) }),
        href: `${linkTo('interests.member', { id })}?version=${version.version}`,
        current: version === shown,
      })),
      gifts: gifts.map((gift) => giftView(publicGift(gift))),
      registerHref: linkTo('interests.register'),
      currentNav: 'councillors',
    });
  });
}
