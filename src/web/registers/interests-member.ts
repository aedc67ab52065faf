/**
 * "My interests": a councillor keeps their own register (their account linked to their member record): adds,
 * changes and removes interests in a draft, submits it for publication, and registers gifts and hospitality.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/registers/interests.ts';
import { councilRules } from '../../domain/council-rules.ts';
import { INTEREST_CATEGORIES, INTEREST_CATEGORY_HINTS, INTEREST_CATEGORY_LABELS, WITHHELD_WORDING } from '../../domain/interests/categories.ts';
import { formatPounds, registrationDueBy } from '../../domain/interests/gifts.ts';
import { byCategory } from '../../domain/interests/public-register.ts';
import { giftRegistrar, interestRemover, interestSaver, registerSubmitter, type InterestInput } from '../../services/registers/interests.ts';
import { publicGift } from '../../services/registers/public-records.ts';
import { formErrors, type Problem } from '../shared/forms.ts';
import { requireRole } from '../auth/plugin.ts';
import { HttpError, NotFound } from '../../http/errors.ts';
import { formatDate } from '../meetings/presenters/meeting.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { formValues, one, submit } from './form.ts';
import { giftView } from './interests-public.ts';

type Values = Record<string, string | string[]>;

/** What the handlers share: the database and the council's rules (the gift threshold). */
interface Deps {
  db: DatabaseHandle['db'];
  rules: ReturnType<typeof councilRules>;
}

const STATUS_TEXT = { draft: 'Draft: not yet sent for publication', submitted: 'Sent to democratic services for publication', published: 'Published' } as const;

function memberOf(request: FastifyRequest): string {
  const personId = request.user!.personId;
  if (!personId) throw new HttpError(403, 'forbidden', 'Your account is not linked to a member. Ask democratic services to link it.');
  return personId;
}

function interestInput(values: Values): InterestInput {
  return {
    category: one(values.category) as InterestInput['category'],
    description: one(values.description),
    spousePartner: one(values.spousePartner) === 'yes',
    sensitive: one(values.sensitive) === 'yes',
  };
}

export function registerInterestsMemberRoutes(app: FastifyInstance, config: Config, database: DatabaseHandle): void {
  const deps: Deps = { db: database.db, rules: councilRules(config.registerRules) };
  const councillors = { preHandler: requireRole('councillor') };
  app.get(ROUTES['interests.mine'], councillors, (request, reply) => myInterestsPage(deps, request, reply));
  app.get(ROUTES['interests.mine.new'], councillors, (request, reply) => newEntryPage(request, reply));
  app.post(ROUTES['interests.mine.new'], councillors, (request, reply) => addEntry(deps, request, reply));
  app.get(ROUTES['interests.mine.entry'], councillors, (request, reply) => changeEntryPage(deps, request, reply));
  app.post(ROUTES['interests.mine.entry'], councillors, (request, reply) => saveEntry(deps, request, reply));
  app.post(ROUTES['interests.mine.remove'], councillors, (request, reply) => removeEntry(deps, request, reply));
  app.post(ROUTES['interests.mine.submit'], councillors, (request, reply) => submitRegister(deps, request, reply));
  app.get(ROUTES['interests.mine.gift'], councillors, (request, reply) => newGiftPage(deps, request, reply));
  app.post(ROUTES['interests.mine.gift'], councillors, (request, reply) => registerGift(deps, request, reply));
}

async function myInterestsPage({ db, rules }: Deps, request: FastifyRequest, reply: FastifyReply) {
  const personId = request.user!.personId;
  if (!personId) return reply.view('registers/my-interests.njk', { pageTitle: 'My interests', linked: false });
  const [versions, gifts] = await Promise.all([repo.versionsOf(db, personId), repo.giftsOf(db, personId, { publishedOnly: false })]);
  const latest = versions[0];
  const entries = latest ? await repo.entriesOf(db, [latest.id]) : [];
  const published = versions.find((version) => version.status === 'published');
  return reply.view('registers/my-interests.njk', {
    pageTitle: 'My interests',
    linked: true,
    status: latest ? STATUS_TEXT[latest.status] : 'Nothing registered yet',
    reviewNote: latest?.status === 'draft' ? latest.review_note : '',
    publishedOn: published?.published_on ? formatDate(published.published_on) : null,
    canSubmit: !latest || latest.status === 'draft',
    sections: byCategory(
      entries.map((entry) => ({
        category: entry.category,
        description: entry.description,
        extra: [entry.spouse_partner ? '(spouse or partner)' : '', entry.sensitive ? '(sensitive: withheld from the public register)' : '']
          .filter(Boolean)
          .join(' '),
        href: linkTo('interests.mine.entry', { key: entry.entry_key }),
      })),
    ),
    gifts: gifts.map((gift) => ({ ...giftView(publicGift(gift)), published: !!gift.published_on })),
    links: {
      add: linkTo('interests.mine.new'),
      gift: linkTo('interests.mine.gift'),
      submit: linkTo('interests.mine.submit'),
      public: linkTo('interests.member', { id: personId }),
    },
    threshold: formatPounds(rules.giftThresholdPence),
  });
}

async function entryPage(reply: FastifyReply, props: { values: Values; entryKey?: string; problems?: Problem[] }) {
  const category = one(props.values.category);
  return reply.code(props.problems?.length ? 400 : 200).view('registers/my-interest-form.njk', {
    pageTitle: `${props.problems?.length ? 'Error: ' : ''}${props.entryKey ? 'Change an interest' : 'Add an interest'}`,
    values: props.values,
    errors: props.problems?.length ? formErrors(props.problems) : undefined,
    categories: INTEREST_CATEGORIES.map((value) => ({
      value,
      text: INTEREST_CATEGORY_LABELS[value],
      hint: { text: INTEREST_CATEGORY_HINTS[value] },
      checked: value === category,
    })),
    withheldWording: WITHHELD_WORDING,
    action: props.entryKey ? linkTo('interests.mine.entry', { key: props.entryKey }) : linkTo('interests.mine.new'),
    removeAction: props.entryKey ? linkTo('interests.mine.remove', { key: props.entryKey }) : null,
    backHref: linkTo('interests.mine'),
  });
}

async function newEntryPage(request: FastifyRequest, reply: FastifyReply) {
  memberOf(request);
  return entryPage(reply, { values: {} });
}

async function addEntry(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const personId = memberOf(request);
  const values = formValues(request.body);
  return submit(
    async () => {
      await interestSaver({ db, actor: request.user!, personId, input: interestInput(values), today: todayInLondon() });
      return linkTo('interests.mine');
    },
    (problems) => entryPage(reply, { values, problems }),
    (url) => reply.redirect(url, 303),
  );
}

/** The member's own entry in their newest version, by its key. */
async function ownEntry(db: Deps['db'], personId: string, key: string) {
  const [latest] = await repo.versionsOf(db, personId);
  const entry = latest ? (await repo.entriesOf(db, [latest.id])).find((candidate) => candidate.entry_key === key) : undefined;
  if (!entry) throw NotFound('Interest not found');
  return entry;
}

async function changeEntryPage(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const personId = memberOf(request);
  const key = (request.params as { key: string }).key;
  const entry = await ownEntry(db, personId, key);
  return entryPage(reply, {
    entryKey: key,
    values: {
      category: entry.category,
      description: entry.description,
      spousePartner: entry.spouse_partner ? 'yes' : 'no',
      sensitive: entry.sensitive ? 'yes' : 'no',
    },
  });
}

async function saveEntry(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const personId = memberOf(request);
  const key = (request.params as { key: string }).key;
  await ownEntry(db, personId, key);
  const values = formValues(request.body);
  return submit(
    async () => {
      await interestSaver({ db, actor: request.user!, personId, entryKey: key, input: interestInput(values), today: todayInLondon() });
      return linkTo('interests.mine');
    },
    (problems) => entryPage(reply, { entryKey: key, values, problems }),
    (url) => reply.redirect(url, 303),
  );
}

async function removeEntry(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const personId = memberOf(request);
  const key = (request.params as { key: string }).key;
  await ownEntry(db, personId, key);
  await interestRemover({ db, actor: request.user!, personId, entryKey: key });
  return reply.redirect(linkTo('interests.mine'), 303);
}

async function submitRegister(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const personId = memberOf(request);
  await registerSubmitter({ db, actor: request.user!, personId, today: todayInLondon() });
  return reply.redirect(linkTo('interests.mine'), 303);
}

async function giftPage({ rules }: Deps, reply: FastifyReply, values: Values, problems?: Problem[]) {
  const received = one(values.receivedOn);
  return reply.code(problems?.length ? 400 : 200).view('registers/my-gift-form.njk', {
    pageTitle: `${problems?.length ? 'Error: ' : ''}Register a gift or hospitality`,
    values,
    errors: problems?.length ? formErrors(problems) : undefined,
    threshold: formatPounds(rules.giftThresholdPence),
    dueBy: /^\d{4}-\d{2}-\d{2}$/.test(received) && !Number.isNaN(Date.parse(received)) ? formatDate(registrationDueBy(received)) : null,
    action: linkTo('interests.mine.gift'),
    backHref: linkTo('interests.mine'),
  });
}

async function newGiftPage(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  memberOf(request);
  return giftPage(deps, reply, {});
}

async function registerGift(deps: Deps, request: FastifyRequest, reply: FastifyReply) {
  const { db } = deps;
  const personId = memberOf(request);
  const values = formValues(request.body);
  return submit(
    async () => {
      await giftRegistrar({
        db,
        actor: request.user!,
        personId,
        today: todayInLondon(),
        input: {
          kind: one(values.kind) as 'gift',
          description: one(values.description),
          donor: one(values.donor),
          value: one(values.value),
          receivedOn: one(values.receivedOn),
        },
      });
      return linkTo('interests.mine');
    },
    (problems) => giftPage(deps, reply, values, problems),
    (url) => reply.redirect(url, 303),
  );
}
