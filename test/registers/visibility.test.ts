/**
 * What of the registers reaches the public, for any order of actions: the JSON API, the public pages and
 * `quorum export --public` show forward plan entries only once published and never after withdrawal, never an
 * officers' note, never a sensitive interest's details or whose an interest is, never an unpublished register, gift
 * or flag. The full export keeps everything, and restores into an empty database.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport } from '../../src/services/exporter.ts';
import { restoreExport } from '../../src/services/export-restorer.ts';
import { forwardPlanEntryPublisher, forwardPlanEntrySaver, forwardPlanEntryWithdrawer } from '../../src/services/registers/forward-plan.ts';
import {
  declarationLinker,
  giftRegistrar,
  interestSaver,
  registerPublisher,
  registerReturner,
  registerSubmitter,
} from '../../src/services/registers/interests.ts';
import { appointmentMaker, outsideBodySaver } from '../../src/services/registers/outside-bodies.ts';
import { linkTo } from '../../src/http/routes.ts';
import { Client, makeApp } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedRegistersCouncil } from './support.ts';

const runs = process.env.CI ? 12 : 6;

describe.skipIf(databaseUnavailable)('registers: the public sees only what is published', { timeout: 600_000 }, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let council: Awaited<ReturnType<typeof seedRegistersCouncil>>;
  let counter = 0;
  const actor = { job: 'test' };
  const api = async (url: string) => JSON.parse((await new Client(app).get(url, { accept: 'application/json' })).body);

  beforeAll(async () => {
    database = await createTestDatabase();
    council = await seedRegistersCouncil(database.db);
    app = await makeApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('for any order of interest actions, the public register is the newest published version with secrets withheld', async () => {
    type Action = { kind: 'add'; sensitive: boolean; spouse: boolean } | { kind: 'submit' } | { kind: 'publish' } | { kind: 'return' } | { kind: 'gift' };
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), sensitive: fc.boolean(), spouse: fc.boolean() }),
      fc.constant({ kind: 'submit' as const }),
      fc.constant({ kind: 'publish' as const }),
      fc.constant({ kind: 'return' as const }),
      fc.constant({ kind: 'gift' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        const person = (
          await database.db
            .insertInto('person')
            .values({
              id: `person-prop-${++counter}`,
              authority_id: council.authority.id,
              kind: 'member',
              honorific: 'Cllr',
              given_name: 'Prop',
              initials: ['P'],
              family_name: `Member${counter}`,
              post_nominals: [],
              job_title: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        const secrets: string[] = [];
        const publishedTexts = new Set<string>();
        let draftTexts: string[] = [];
        let lastPublished: string[] | null = null;
        let unpublishedGifts: string[] = [];
        for (const [index, step] of actions.entries()) {
          const versions = await database.db.selectFrom('interest_register').selectAll().where('person_id', '=', person).orderBy('version', 'desc').execute();
          const latest = versions[0];
          if (step.kind === 'add') {
            const text = `Interest ${counter}-${index}${step.sensitive ? ' SECRET' : ''}`;
            if (step.sensitive) secrets.push(text);
            await interestSaver({
              db: database.db,
              actor,
              personId: person,
              input: { category: 'land', description: text, spousePartner: step.spouse, sensitive: step.sensitive },
              today: '2026-12-01',
            });
            if (!latest || latest.status === 'published') draftTexts = [...(lastPublished ?? [])];
            draftTexts.push(text);
          } else if (step.kind === 'submit') {
            if (!latest || latest.status === 'published') draftTexts = [...(lastPublished ?? [])];
            await registerSubmitter({ db: database.db, actor, personId: person, today: '2026-12-01' });
          } else if (step.kind === 'publish' && latest?.status === 'submitted') {
            await registerPublisher({ db: database.db, actor, versionId: latest.id, today: '2026-12-02' });
            lastPublished = [...draftTexts];
            for (const text of draftTexts) publishedTexts.add(text);
            unpublishedGifts = [];
          } else if (step.kind === 'return' && latest?.status === 'submitted') {
            await registerReturner({ db: database.db, actor, versionId: latest.id, note: 'Please check' });
          } else if (step.kind === 'gift') {
            const donor = `Donor ${counter}-${index}`;
            unpublishedGifts.push(donor);
            await giftRegistrar({
              db: database.db,
              actor,
              personId: person,
              input: { kind: 'gift', description: 'A book', donor, value: '60', receivedOn: '2026-11-01' },
              today: '2026-12-01',
            });
          }
        }
        const json = await api(linkTo('api.memberInterests', { id: person }));
        const page = (await new Client(app).get(linkTo('interests.member', { id: person }))).body;
        const text = JSON.stringify(json);
        for (const secret of secrets) {
          expect(text).not.toContain(secret);
          expect(page).not.toContain(secret);
        }
        for (const donor of unpublishedGifts) expect(text).not.toContain(donor);
        expect(text).not.toContain('spousePartner');
        expect(text).not.toContain('Please check');
        const shown = (json.register?.entries ?? [])
          .filter((entry: { withheld: boolean }) => !entry.withheld)
          .map((entry: { description: string }) => entry.description)
          .sort();
        expect(shown).toEqual((lastPublished ?? []).filter((entry) => !secrets.includes(entry)).sort());
        for (const entry of json.register?.entries ?? []) if (entry.withheld) expect(entry.description).toContain('section 32(2) of the Localism Act 2011');
      }),
      { numRuns: runs },
    );
  });

  it('for any order of forward plan actions, the API lists an entry only while it is published and not withdrawn', async () => {
    type Step = 'publish' | 'withdraw' | 'edit';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Step>('publish', 'withdraw', 'edit'), { maxLength: 5 }), async (steps) => {
        const subject = `Matter ${++counter}`;
        const input = {
          subject,
          decisionMakerBodyId: council.cabinet.id as string,
          plannedDate: '2027-03-01',
          keyDecision: true,
          privateMeeting: false,
          officerNote: `NOTE ${counter}`,
        };
        const { id } = await forwardPlanEntrySaver({ db: database.db, actor, input });
        let state: 'draft' | 'published' | 'withdrawn' = 'draft';
        for (const step of steps) {
          const attempt = async (work: () => Promise<unknown>) =>
            work().then(
              () => true,
              () => false,
            );
          if (step === 'publish' && (await attempt(() => forwardPlanEntryPublisher({ db: database.db, actor, id, publishedOn: '2026-12-01' }))))
            state = 'published';
          if (step === 'withdraw' && (await attempt(() => forwardPlanEntryWithdrawer({ db: database.db, actor, id, reason: 'Not needed', on: '2026-12-05' }))))
            state = 'withdrawn';
          if (step === 'edit') await attempt(() => forwardPlanEntrySaver({ db: database.db, actor, id, input: { ...input, summary: 'Changed' } }));
        }
        const list = JSON.stringify(await api(linkTo('api.forwardPlan')));
        expect(list.includes(`"${subject}"`)).toBe(state === 'published');
        expect(list).not.toContain(`NOTE ${counter}`);
        const one = await new Client(app).get(linkTo('api.forwardPlanEntry', { id }), { accept: 'application/json' });
        expect(one.statusCode).toBe(state === 'published' ? 200 : 404);
      }),
      { numRuns: runs },
    );
  });

  it('documents the registers in the OpenAPI document and answers with outside bodies', async () => {
    const { id } = await outsideBodySaver({ db: database.db, actor, input: { name: 'Police and Crime Panel', places: '1' } });
    await appointmentMaker({ db: database.db, actor, outsideBodyId: id, input: { personId: council.chair.id as string, startsOn: '2026-05-21' } });
    const bodies = await api(linkTo('api.outsideBodies'));
    expect(bodies.data).toContainEqual(expect.objectContaining({ name: 'Police and Crime Panel', places: 1, vacancies: 0 }));
    const openapi = await api(linkTo('api.openapi'));
    for (const path of [
      '/api/v1/forward-plan',
      '/api/v1/forward-plan/{id}',
      '/api/v1/interests',
      '/api/v1/interests/{id}',
      '/api/v1/outside-bodies',
      '/api/v1/outside-bodies/{id}',
    ])
      expect(Object.keys(openapi.paths)).toContain(path);
    const bad = await new Client(app).get(`${linkTo('api.forwardPlan')}?from=yesterday`, { accept: 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error.problems[0].field).toBe('from');
  });

  it('exports everything for officers, only the public records with --public, and restores the full export', async () => {
    await database.db
      .insertInto('declaration')
      .values({
        id: 'declaration-export-1',
        meeting_id: council.cabinetMeeting.id as string,
        person_id: council.other.id as string,
        agenda_item_id: null,
        minute_id: null,
        agenda_item_number: '1',
        kind: 'other',
        reason: 'Flag me',
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      })
      .execute();
    await declarationLinker({ db: database.db, actor, declarationId: 'declaration-export-1', entryKey: null, today: '2026-12-01' });
    // A sensitive interest of its own: the property test above draws its actions at random and may add none.
    const holder = (
      await database.db
        .insertInto('person')
        .values({
          id: 'person-export-secret',
          authority_id: council.authority.id,
          kind: 'member',
          honorific: 'Cllr',
          given_name: 'Sam',
          initials: ['S'],
          family_name: 'Secret',
          post_nominals: [],
          job_title: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await interestSaver({
      db: database.db,
      actor,
      personId: holder,
      input: { category: 'land', description: 'Land at the quay SECRET', spousePartner: false, sensitive: true },
      today: '2026-12-01',
    });
    const full = await buildExport(database.db, { includeExempt: true });
    const open = await buildExport(database.db, { includeExempt: false });
    const fullText = JSON.stringify(full.registers);
    const openText = JSON.stringify(open.registers);
    expect(fullText).toContain('SECRET');
    expect(fullText).toContain('NOTE ');
    expect(fullText).toContain('declaration-export-1');
    expect(openText).not.toContain('SECRET');
    expect(openText).not.toContain('NOTE ');
    expect(openText).not.toContain('declaration-export-1');
    expect(open.registers!.interestRegisters.every((register) => register.status === 'published')).toBe(true);
    expect(open.registers!.interestEntries.every((entry) => entry.spousePartner === null)).toBe(true);
    expect(open.registers!.forwardPlanEntries.every((entry) => entry.publishedOn !== null && entry.withdrawnOn === null)).toBe(true);

    const target = await createTestDatabase();
    try {
      await restoreExport(target.db, JSON.parse(JSON.stringify(full)), { actor: 'restore' });
      for (const table of [
        'forward_plan_entry',
        'interest_register',
        'interest_entry',
        'gift_hospitality',
        'declaration_interest',
        'outside_body',
        'outside_body_appointment',
      ] as const) {
        const [before, after] = await Promise.all([
          database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow(),
          target.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow(),
        ]);
        expect(Number(after.n), table).toBe(Number(before.n));
      }
      const again = await buildExport(target.db, { includeExempt: true });
      expect(again.registers).toEqual(full.registers);
    } finally {
      await target.destroy();
    }
  });
});
