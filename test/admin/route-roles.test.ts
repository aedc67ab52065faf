/**
 * Every state-changing route, with every role and the anonymous public. The routes come from the app itself (the
 * auth plugin's onRoute hook records each POST/PUT/PATCH/DELETE), so a new route with no rule here fails the test.
 *
 * For each route and identity: allowed roles get past the checks (and, where a fixture makes a valid request, the
 * change succeeds and leaves an audit_log record whose actor is the account); everyone else is refused (anonymous:
 * sent to sign in; wrong role: 403) and nothing is written. A request without its CSRF token is refused with 403
 * and writes nothing, even from an allowed role.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ROLES, type Role, type SessionUser } from '../../src/domain/roles.ts';
import { passwordResetRequester } from '../../src/services/accounts/password-reset.ts';
import { reportRequester, reportSubmitter } from '../../src/services/committee/report-requests.ts';
import { usualStandingItemsAdder } from '../../src/services/committee/standing-items.ts';
import { bodyCreator, groupCreator, groupMembershipAdder, membershipAdder } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaPublisher, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { attendanceRecorder, minuteWriter } from '../../src/services/committee/proceedings.ts';
import { minutesApprover, minutesPublisher } from '../../src/services/committee/minutes-workflow.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertPerson } from '../support/factories.ts';
import { Client, makeAccount, makeApp, PASSWORD } from './support.ts';

const AUTHORITY = 'Kent County Council';
type Identity = Role | 'anonymous';
const IDENTITIES: Identity[] = ['anonymous', ...ROLES];

interface Request {
  url: string;
  body: Record<string, string | string[]>;
  /** The account whose audit records prove success, when it is not the caller (a password reset by link). */
  auditActor?: string;
}

interface Rule {
  /** 'anyone' includes the anonymous public; democratic services pass every role check. */
  allowed: Role[] | 'anyone' | 'signed-in';
  /** Builds a valid request with fresh records (n differs on each call); without one, only the access checks are proved. */
  valid?: (n: number) => Promise<Request>;
  /** false: the route changes no audited record (sessions, reset tokens), so success is its status alone. */
  audited?: boolean;
  /** A 403 with this message is a check on the record (is this account an owner of it?), made after the role check passed. */
  recordLevel?: RegExp;
}

describe.skipIf(databaseUnavailable)('every state-changing route, by role', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const accounts = new Map<Role, { id: string; email: string }>();
  const clients = new Map<Identity, Client>();
  let people: string[] = [];
  let bodyId: string;
  const cli = 'cli' as const;

  async function versionOf(table: 'body' | 'political_group' | 'meeting' | 'agenda_item' | 'minute', id: string): Promise<string> {
    const row = await database.db
      .selectFrom(table as 'body')
      .select(sql<string>`version::text`.as('version'))
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.version;
  }

  /** A meeting of its own (dates in 2029-2030, so the agenda can be published with full notice). */
  /** A member in no political group yet (one group at a time: a second open membership is refused). */
  async function joiner(n: number): Promise<string> {
    const authority = await database.db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
    return (await insertPerson(database.db, authority.id, { honorific: 'Mr', initials: ['J'], family_name: `Joiner ${n}` })).id as string;
  }

  async function meeting(n: number, options: { item?: boolean; minute?: boolean; present?: boolean; past?: boolean } = {}) {
    // Past meetings (1990 on, a day apart, so n up to 7000 stays in the past) for approvals: minutes are approved only
    // at a meeting that has begun.
    const date = new Date(options.past ? Date.UTC(1990, 0, 1) + n * 86_400_000 : Date.UTC(2029, 0, 1) + n * 3 * 86_400_000).toISOString().slice(0, 10);
    const { id } = await meetingScheduler({ database, actor: cli, bodyId, date, kind: 'ordinary', confirmDate: true });
    if (options.item)
      await agendaItemAdder({ database, actor: cli, authorityName: AUTHORITY, meetingId: id, title: `Item ${n}`, exempt: false, exemptParagraphs: [] });
    if (options.present) {
      await attendanceRecorder({ database, actor: cli, meetingId: id, personId: people[0]!, status: 'present' });
      await attendanceRecorder({ database, actor: cli, meetingId: id, personId: people[1]!, status: 'present' });
    }
    const minute = options.minute
      ? await minuteWriter({ database, actor: cli, meetingId: id, title: `Minute ${n}`, text: 'Noted.', resolutions: [], exempt: false })
      : undefined;
    return { id, date, minuteId: minute?.id };
  }

  /** The second of two standing items of a body of its own. */
  async function standingItem(n: number): Promise<string> {
    const body = await bodyCreator({ database, actor: cli, authorityName: AUTHORITY, name: `Standing Board ${n}`, kind: 'board' });
    await usualStandingItemsAdder({ database, actor: cli, bodyId: body.id });
    return (await database.db.selectFrom('standing_item').select('id').where('body_id', '=', body.id).where('position', '=', 2).executeTakeFirstOrThrow()).id;
  }

  /** A report requested from the officer account, submitted by them when asked. */
  async function reportRequest(n: number, submitted: boolean): Promise<string> {
    const { id: meetingId, date } = await meeting(n, { item: true });
    const item = await database.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
    const { id } = await reportRequester({ database, actor: cli, agendaItemId: item.id, officerAccountId: accounts.get('officer')!.id, deadline: date });
    if (submitted) await reportSubmitter({ database, actor: cli, id, reportText: `Report ${n}` });
    return id;
  }

  const RULES: Record<string, Rule> = {
    // Officers draft forward plan entries; democratic services publish them (AREA_RULES).
    'POST /admin/forward-plan/new': {
      allowed: ['officer'],
      valid: async (n) => ({
        url: '/admin/forward-plan/new',
        body: {
          subject: `Planned decision ${n}`,
          decisionMakerTitle: 'Leader of the Council',
          plannedDate: '2030-01-15',
          keyDecision: 'yes',
          privateMeeting: 'no',
          route: 'notice',
        },
      }),
    },
    'POST /admin/forward-plan/:id/edit': { allowed: ['officer'] },
    'POST /admin/outside-bodies/new': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: '/admin/outside-bodies/new', body: { name: `Outside Body ${n}`, places: '2' } }),
    },
    'POST /my-interests/new': {
      allowed: ['councillor'],
      valid: async (n) => ({
        url: '/my-interests/new',
        body: { category: 'other', description: `Trustee of charity ${n}`, spousePartner: 'no', sensitive: 'no' },
      }),
    },
    // Signing in and out, and password reset, change sessions and tokens, which are not audited records.
    'POST /sign-in': {
      allowed: 'anyone',
      audited: false,
      valid: async () => ({ url: '/sign-in', body: { email: 'signin@kent.example', password: PASSWORD } }),
    },
    'POST /sign-out': { allowed: 'anyone', audited: false, valid: async () => ({ url: '/sign-out', body: {} }) },
    'POST /forgot-password': { allowed: 'anyone', audited: false, valid: async () => ({ url: '/forgot-password', body: { email: 'signin@kent.example' } }) },
    'POST /reset-password/:token': {
      allowed: 'anyone',
      valid: async (n) => {
        const target = await makeAccount(database, 'officer', `reset${n}@kent.example`);
        let token = '';
        await passwordResetRequester({ database, email: target.email, linkFor: (t) => (token = t) });
        return { url: `/reset-password/${token}`, body: { password: 'a new long password', confirm: 'a new long password' }, auditActor: target.id };
      },
    },

    'POST /admin/accounts/new': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: '/admin/accounts/new', body: { email: `new${n}@kent.example`, name: `New ${n}`, roles: ['officer', 'councillor'] } }),
    },
    'POST /admin/bodies/new': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: '/admin/bodies/new', body: { name: `Panel ${n}`, kind: 'panel' } }),
    },
    'POST /admin/bodies/:id': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const body = await bodyCreator({ database, actor: cli, authorityName: AUTHORITY, name: `Board ${n}`, kind: 'board' });
        return { url: `/admin/bodies/${body.id}`, body: { name: `Board ${n} (renamed)`, kind: 'board', version: await versionOf('body', body.id) } };
      },
    },
    'POST /admin/bodies/:id/memberships': {
      allowed: ['democratic-services'],
      valid: async (n) => ({
        url: `/admin/bodies/${bodyId}/memberships`,
        body: { personId: people[n % people.length]!, role: `member ${n}`, startDate: '2029-05-01' },
      }),
    },
    'POST /admin/political-groups/new': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: '/admin/political-groups/new', body: { name: `Group ${n}`, abbreviation: `G${n}` } }),
    },
    'POST /admin/political-groups/:id': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const group = await groupCreator({ database, actor: cli, authorityName: AUTHORITY, name: `Party ${n}` });
        return {
          url: `/admin/political-groups/${group.id}`,
          body: { name: `Party ${n} renamed`, abbreviation: '', version: await versionOf('political_group', group.id) },
        };
      },
    },
    'POST /admin/political-groups/:id/memberships': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const group = await groupCreator({ database, actor: cli, authorityName: AUTHORITY, name: `Alliance ${n}` });
        // A member is in one group at a time: each request joins a member in no group yet.
        return { url: `/admin/political-groups/${group.id}/memberships`, body: { personId: await joiner(n), role: 'leader' } };
      },
    },
    'POST /admin/members/upload': { allowed: ['democratic-services'] },
    'POST /admin/members/:id/photo': { allowed: ['democratic-services'] },
    'POST /admin/members/:id/photo/remove': { allowed: ['democratic-services'] },
    // The grid needs a status for every member on the day; test/members/attendance-grid.test.ts proves its writes.
    'POST /admin/meetings/:id/attendance-grid': { allowed: ['democratic-services'] },
    // The import review re-imports a paper on each change; test/import-review/ proves its writes and their audit.
    'POST /admin/papers/:id/corrections': { allowed: ['democratic-services'] },
    'POST /admin/papers/:id/corrections/:correctionId/remove': { allowed: ['democratic-services'] },
    'POST /admin/papers/:id/check': { allowed: ['democratic-services'] },
    'POST /admin/papers/:id/reimport': { allowed: ['democratic-services'] },
    'POST /admin/members/confirm': {
      allowed: ['democratic-services'],
      valid: async (n) => ({
        url: '/admin/members/confirm',
        body: { from: '2031-05-01', lines: JSON.stringify([{ line: 2, cells: { family_name: `Roster${n}`, given_name: 'Test' } }]) },
      }),
    },
    'POST /admin/memberships/:id/end': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { id } = await membershipAdder({
          database,
          actor: cli,
          bodyId,
          personId: people[n % people.length]!,
          role: `member until ${n}`,
          startDate: '2029-05-01',
        });
        return { url: `/admin/memberships/${id}/end`, body: { endDate: '2030-05-01' } };
      },
    },
    'POST /admin/group-memberships/:id/end': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const group = await groupCreator({ database, actor: cli, authorityName: AUTHORITY, name: `Leaving Group ${n}` });
        const { id } = await groupMembershipAdder({ database, actor: cli, groupId: group.id, personId: await joiner(n), startDate: '2029-05-01' });
        return { url: `/admin/group-memberships/${id}/end`, body: { endDate: '2030-05-01' } };
      },
    },
    'POST /admin/meetings/new': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const body = await bodyCreator({ database, actor: cli, authorityName: AUTHORITY, name: `Scheduling Board ${n}`, kind: 'board' });
        return { url: '/admin/meetings/new', body: { bodyId: body.id, date: '2030-01-15', startTime: '10:00', kind: 'ordinary' } };
      },
    },
    'POST /admin/meetings/:id/details': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { id } = await meeting(n);
        return {
          url: `/admin/meetings/${id}/details`,
          body: {
            date: new Date(Date.UTC(2032, 0, 1 + n)).toISOString().slice(0, 10),
            startTime: '14:00',
            location: 'Medway Room',
            kind: 'extraordinary',
            confirmDate: 'yes',
            version: await versionOf('meeting', id),
          },
        };
      },
    },
    'POST /admin/meetings/:id/cancel': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { id } = await meeting(n);
        return { url: `/admin/meetings/${id}/cancel`, body: { reason: 'There is no business to transact', version: await versionOf('meeting', id) } };
      },
    },
    'POST /admin/meetings/:id/agenda-items': {
      allowed: ['democratic-services'],
      valid: async (n) => ({
        url: `/admin/meetings/${(await meeting(n)).id}/agenda-items`,
        body: { title: 'Exempt contract', reportText: 'Prices.', exempt: 'yes', exemptParagraphs: ['3'] },
      }),
    },
    'POST /admin/meetings/:id/publish-agenda': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: `/admin/meetings/${(await meeting(n, { item: true })).id}/publish-agenda`, body: {} }),
    },
    'POST /admin/meetings/:id/attendance': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: `/admin/meetings/${(await meeting(n)).id}/attendance`, body: { personId: people[2]!, status: 'apologies' } }),
    },
    'POST /admin/meetings/:id/declarations': {
      allowed: ['democratic-services'],
      valid: async (n) => ({
        url: `/admin/meetings/${(await meeting(n, { item: true })).id}/declarations`,
        body: { personId: people[1]!, agendaItemNumber: '1', kind: 'personal', reason: 'Member of the board' },
      }),
    },
    'POST /admin/meetings/:id/minutes': {
      allowed: ['democratic-services'],
      valid: async (n) => ({
        url: `/admin/meetings/${(await meeting(n)).id}/minutes`,
        body: { title: 'Apologies', text: 'Apologies were received.', resolutions: 'RESOLVED that the apologies be noted.' },
      }),
    },
    'POST /admin/meetings/:id/publish-minutes': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: `/admin/meetings/${(await meeting(n, { minute: true })).id}/publish-minutes`, body: {} }),
    },
    'POST /admin/meetings/:id/withdraw-agenda': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { id } = await meeting(n, { item: true });
        await agendaPublisher({ database, actor: cli, meetingId: id, today: '2029-01-01', jurisdiction: 'england-and-wales', confirmLate: true });
        return { url: `/admin/meetings/${id}/withdraw-agenda`, body: {} };
      },
    },
    'POST /admin/meetings/:id/withdraw-minutes': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { id } = await meeting(n, { minute: true });
        await minutesPublisher({ database, actor: cli, meetingId: id });
        return { url: `/admin/meetings/${id}/withdraw-minutes`, body: {} };
      },
    },
    'POST /admin/meetings/:id/approve-minutes': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const first = await meeting(n, { minute: true, past: true });
        const next = await meeting(n + 1000, { past: true });
        await minutesPublisher({ database, actor: cli, meetingId: first.id });
        return { url: `/admin/meetings/${first.id}/approve-minutes`, body: { atMeetingId: next.id, confirm: 'yes' } };
      },
    },
    // Preparing agendas: standing items and report requests (test/admin/agenda-preparation.test.ts has the rules).
    'POST /admin/bodies/:id/standing-items': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: `/admin/bodies/${bodyId}/standing-items`, body: { title: `Standing item ${n}` } }),
    },
    'POST /admin/bodies/:id/standing-items/usual': {
      allowed: ['democratic-services'],
      valid: async (n) => ({
        url: `/admin/bodies/${(await bodyCreator({ database, actor: cli, authorityName: AUTHORITY, name: `Standing Panel ${n}`, kind: 'panel' })).id}/standing-items/usual`,
        body: {},
      }),
    },
    'POST /admin/standing-items/:id/move': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: `/admin/standing-items/${await standingItem(n)}/move`, body: { direction: 'up' } }),
    },
    'POST /admin/standing-items/:id/remove': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: `/admin/standing-items/${await standingItem(n)}/remove`, body: {} }),
    },
    'POST /admin/agenda-items/:id/report-request': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { id, date } = await meeting(n, { item: true });
        const item = await database.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', id).executeTakeFirstOrThrow();
        return { url: `/admin/agenda-items/${item.id}/report-request`, body: { officerAccountId: accounts.get('officer')!.id, deadline: date } };
      },
    },
    // The officer asked submits; anyone else signed in is refused on the record (democratic services may submit for them).
    'POST /admin/report-requests/:id/submit': { allowed: 'signed-in', recordLevel: /only they or democratic services can submit it/ },
    'POST /admin/report-requests/:id/clear': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: `/admin/report-requests/${await reportRequest(n, true)}/clear`, body: {} }),
    },
    'POST /admin/report-requests/:id/return': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: `/admin/report-requests/${await reportRequest(n, true)}/return`, body: { reason: 'Add the costs' } }),
    },
    'POST /admin/agenda-items/:id': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { id } = await meeting(n, { item: true });
        const item = await database.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', id).executeTakeFirstOrThrow();
        return {
          url: `/admin/agenda-items/${item.id}`,
          body: { title: 'Renamed item', exempt: 'yes', exemptParagraphs: ['1', '2'], version: await versionOf('agenda_item', item.id) },
        };
      },
    },
    'POST /admin/minutes/:id': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { minuteId } = await meeting(n, { minute: true });
        return {
          url: `/admin/minutes/${minuteId}`,
          body: { title: 'Changed', text: 'Changed text', resolutions: 'RESOLVED that it be changed.', version: await versionOf('minute', minuteId!) },
        };
      },
    },
    'POST /admin/minutes/:id/vote-events': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { minuteId } = await meeting(n, { minute: true, present: true });
        return {
          url: `/admin/minutes/${minuteId}/vote-events`,
          body: {
            motionText: 'That it be agreed',
            moverId: people[0]!,
            seconderId: people[1]!,
            [`vote-${people[0]}`]: 'for',
            [`vote-${people[1]}`]: 'against',
          },
        };
      },
    },
    'POST /admin/minutes/:id/corrections': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const first = await meeting(n, { minute: true, past: true });
        const next = await meeting(n + 1000, { past: true });
        await minutesPublisher({ database, actor: cli, meetingId: first.id });
        await minutesApprover({ database, actor: cli, meetingId: first.id, atMeetingId: next.id, confirm: true });
        return { url: `/admin/minutes/${first.minuteId}/corrections`, body: { text: 'Corrected.', reason: 'A typing error' } };
      },
    },
    'POST /admin/meetings/:id/undo-approval': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const first = await meeting(n, { minute: true, past: true });
        const next = await meeting(n + 1000, { past: true });
        await minutesPublisher({ database, actor: cli, meetingId: first.id });
        await minutesApprover({ database, actor: cli, meetingId: first.id, atMeetingId: next.id, confirm: true });
        return { url: `/admin/meetings/${first.id}/undo-approval`, body: { reason: 'Approved at the wrong meeting' } };
      },
    },
    'POST /admin/meetings/:id/delete': {
      allowed: ['democratic-services'],
      valid: async (n) => ({ url: `/admin/meetings/${(await meeting(n, { item: true })).id}/delete`, body: {} }),
    },
    'POST /admin/meetings/:id/withdraw': {
      allowed: ['democratic-services'],
      valid: async (n) => {
        const { id } = await meeting(n, { item: true });
        await agendaPublisher({ database, actor: cli, meetingId: id, today: '2028-12-01', jurisdiction: 'england-and-wales' });
        return { url: `/admin/meetings/${id}/withdraw`, body: { reason: 'Scheduled in error', version: await versionOf('meeting', id) } };
      },
    },
  };

  /** Other capabilities' back offices: their owners' access rules, proved here for access and CSRF (their fixtures are theirs to add). */
  const AREA_RULES: Array<{ prefix: string; rule: Rule }> = [
    { prefix: 'POST /admin/scrutiny/', rule: { allowed: ['scrutiny-officer'] } },
    { prefix: 'POST /admin/plans/', rule: { allowed: ['officer'] } },
    { prefix: 'POST /my-actions/', rule: { allowed: 'signed-in', recordLevel: /not named as an owner/ } },
    { prefix: 'POST /admin/allowances/', rule: { allowed: ['democratic-services'] } },
    { prefix: 'POST /admin/political-balance/', rule: { allowed: ['democratic-services'] } },
    { prefix: 'POST /my-allowances/', rule: { allowed: ['councillor'] } },
    // The statutory registers (test/registers/ has their journeys).
    { prefix: 'POST /admin/accounts/', rule: { allowed: ['democratic-services'] } },
    { prefix: 'POST /admin/forward-plan/', rule: { allowed: ['democratic-services'] } },
    { prefix: 'POST /admin/interests/flags/', rule: { allowed: ['monitoring-officer'], recordLevel: /Only the monitoring officer/ } },
    { prefix: 'POST /admin/interests/', rule: { allowed: ['democratic-services'] } },
    { prefix: 'POST /admin/outside-bod', rule: { allowed: ['democratic-services'] } },
    { prefix: 'POST /my-interests/', rule: { allowed: ['councillor'] } },
  ];

  function ruleFor(key: string): Rule | undefined {
    return RULES[key] ?? AREA_RULES.find((area) => key.startsWith(area.prefix))?.rule;
  }

  function allows(rule: Rule, identity: Identity): boolean {
    if (rule.allowed === 'anyone') return true;
    if (identity === 'anonymous') return false;
    if (rule.allowed === 'signed-in') return true;
    const user: SessionUser = { id: '', email: '', name: '', roles: [identity], personId: null };
    return user.roles.includes('democratic-services') || rule.allowed.some((role) => user.roles.includes(role));
  }

  async function auditCount(actor?: string): Promise<number> {
    let query = database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('count'));
    if (actor) query = query.where('actor', '=', actor);
    return Number((await query.executeTakeFirstOrThrow()).count);
  }

  function refusedAccess(response: LightMyRequestResponse, identity: Identity): boolean {
    if (identity === 'anonymous')
      return (response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in')) || response.statusCode === 401;
    return response.statusCode === 403;
  }

  async function clientFor(identity: Identity, fresh: boolean): Promise<Client> {
    if (!fresh && clients.has(identity)) return clients.get(identity)!;
    const client = new Client(app);
    if (identity !== 'anonymous') expect((await client.signIn(accounts.get(identity)!.email)).statusCode).toBe(303);
    if (!fresh) clients.set(identity, client);
    return client;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    for (const role of ROLES) accounts.set(role, await makeAccount(database, role));
    await makeAccount(database, 'councillor', 'signin@kent.example');
    const body = await bodyCreator({ database, actor: cli, authorityName: AUTHORITY, name: 'Route Test Committee', kind: 'committee' });
    bodyId = body.id;
    const authority = await database.db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
    people = [];
    // One person per account: a person links to one account at most.
    for (const family_name of ['Angell', 'Bowles', 'Chard', 'Dance', 'Eddy'])
      people.push((await insertPerson(database.db, authority.id, { honorific: 'Mr', initials: ['B'], family_name })).id as string);
    // Accounts belong to people (officers answer for their own actions on /my-actions).
    for (const [index, account] of [...accounts.values()].entries()) {
      await database.db
        .updateTable('account')
        .set({ person_id: people[index % people.length]! })
        .where('id', '=', account.id)
        .execute();
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('knows a rule for every state-changing route the app serves', () => {
    const keys = app.stateChangingRoutes.map((route) => `${route.method} ${route.url}`);
    expect(keys).toContain('POST /admin/meetings/:id/approve-minutes');
    expect(keys.filter((key) => !ruleFor(key))).toEqual([]);
    // No route opts out of CSRF checking.
    expect(app.stateChangingRoutes.filter((route) => !route.csrf)).toEqual([]);
  });

  it('lets only the allowed roles through, and each success is audited as the account', async () => {
    let n = 0;
    const failures: string[] = [];
    for (const route of app.stateChangingRoutes) {
      const key = `${route.method} ${route.url}`;
      const rule = ruleFor(key);
      if (!rule) continue; // reported by the first test
      // Signing in or out, and setting a password by a reset link (which signs its holder in), change the caller's
      // session: those routes get a client of their own.
      const fresh = route.url.startsWith('/sign-') || route.url.startsWith('/reset-password/');
      for (const identity of IDENTITIES) {
        n += 1;
        const client = await clientFor(identity, fresh);
        const request = rule.valid ? await rule.valid(n) : { url: route.url.replace(/:[A-Za-z_]+/g, 'route-test-missing'), body: {} };
        const actor = request.auditActor ?? (identity === 'anonymous' ? undefined : accounts.get(identity)!.id);
        const before = await auditCount();
        const beforeByActor = actor ? await auditCount(actor) : 0;
        const response = await client.post(request.url, request.body, { method: route.method as 'POST' });
        const label = `${key} as ${identity}: ${response.statusCode} ${response.headers.location ?? ''}`;
        if (allows(rule, identity)) {
          const recordCheck = response.statusCode === 403 && rule.recordLevel?.test(response.body);
          if (!recordCheck && (refusedAccess(response, identity) || response.statusCode === 401 || response.statusCode === 403))
            failures.push(`refused but allowed: ${label}`);
          if (rule.valid) {
            if (![200, 303].includes(response.statusCode) || String(response.headers.location ?? '').startsWith('/sign-in'))
              failures.push(`valid request failed: ${label} ${response.body.slice(0, 300)}`);
            if (rule.audited !== false && actor && (await auditCount(actor)) <= beforeByActor) failures.push(`no audit record by the account: ${label}`);
          }
        } else {
          if (!refusedAccess(response, identity)) failures.push(`allowed but should be refused: ${label}`);
          if ((await auditCount()) !== before) failures.push(`refused request changed records: ${label}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route by every identity: several hundred requests, more with each capability.
  }, 600_000);

  it('refuses every state-changing route without its CSRF token, even for an allowed role, and writes nothing', async () => {
    let n = 5000;
    const failures: string[] = [];
    for (const route of app.stateChangingRoutes) {
      const rule = ruleFor(`${route.method} ${route.url}`);
      if (!rule) continue; // reported by the first test
      const identity: Identity = rule.allowed === 'anyone' || rule.allowed === 'signed-in' ? 'democratic-services' : rule.allowed[0]!;
      const client = await clientFor(identity, false);
      n += 1;
      const request = rule.valid ? await rule.valid(n) : { url: route.url.replace(/:[A-Za-z_]+/g, 'route-test-missing'), body: {} };
      const before = await auditCount();
      const response = await client.post(request.url, request.body, { csrf: false, method: route.method as 'POST' });
      if (response.statusCode !== 403) failures.push(`${route.method} ${route.url} without CSRF: ${response.statusCode}`);
      if ((await auditCount()) !== before) failures.push(`${route.method} ${route.url} without CSRF changed records`);
      // A forged token is no better than none.
      const forged = await client.post(request.url, request.body, { csrf: 'forged-token', method: route.method as 'POST' });
      if (forged.statusCode !== 403) failures.push(`${route.method} ${route.url} with a forged CSRF token: ${forged.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
