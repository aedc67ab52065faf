/**
 * The scrutiny write operations on a real database: recording, responding, changing status, the OUTSTANDING rule as
 * at a date, and bad input refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as store from '../../src/db/repositories/scrutiny.ts';
import { outstandingMarker, recommendationRecorder, responseRecorder, statusChanger } from '../../src/services/scrutiny/recorders.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedScrutinyWorld } from './fixtures.ts';

describe.skipIf(databaseUnavailable)('scrutiny write operations', () => {
  let database: TestDatabase;
  let world: Awaited<ReturnType<typeof seedScrutinyWorld>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await seedScrutinyWorld(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const snapshot = async () => {
    const counts = await sql<{ t: string; n: number }>`
      select 'recommendation' as t, count(*)::int as n from scrutiny_recommendation
      union all select 'response', count(*)::int from scrutiny_response
      union all select 'owner', count(*)::int from scrutiny_action_owner
      union all select 'history', count(*)::int from scrutiny_status_change
      union all select 'item', count(*)::int from scrutiny_item`.execute(database.db);
    const statuses = await database.db.selectFrom('scrutiny_recommendation').select(['id', 'status']).orderBy('id').execute();
    return { counts: counts.rows, statuses };
  };

  const record = (overrides: Partial<Parameters<typeof recommendationRecorder>[0]> = {}) =>
    recommendationRecorder({
      database,
      actor: { job: 'user:scrutiny-officer' },
      authorityId: world.authorityId,
      meetingId: world.meetingId,
      itemTitle: "Kent's Multi-Agency Looked After Children Strategy",
      text: 'Explore distance learning for looked after children.',
      addressee: 'Cabinet Member',
      ownerIds: [world.officerId],
      ...overrides,
    });

  it('records a recommendation PENDING, due within two months beginning with the meeting (s.9FE), with its owner and first history entry', async () => {
    const { id } = await record();
    const row = await store.findRecommendation(database.db, id);
    expect(row).toMatchObject({
      number: 1,
      status: 'PENDING',
      due_date: '2012-02-12',
      received_on: null,
      published: false,
      meeting_date: '2011-12-13',
      body_name: 'Cabinet Scrutiny Committee',
    });
    const owners = await store.ownersOf(database.db, [id]);
    expect(owners.map((owner) => owner.person_id)).toEqual([world.officerId]);
    expect((await store.statusHistory(database.db, id)).map((change) => [change.from_status, change.to_status, change.actor])).toEqual([
      [null, 'PENDING', 'user:scrutiny-officer'],
    ]);
    const second = await record({ text: 'A second recommendation.', responseMonths: 3 });
    expect((await store.findRecommendation(database.db, second.id))?.number).toBe(2);
    expect((await store.findRecommendation(database.db, second.id))?.due_date).toBe('2012-03-12');
    // Received by the executive on 31 January 2012: the two months beginning with that day end on 30 March.
    const received = await record({ text: 'A third recommendation.', receivedOn: '2012-01-31' });
    expect(await store.findRecommendation(database.db, received.id)).toMatchObject({ received_on: '2012-01-31', due_date: '2012-03-30' });
    await expect(record({ text: 'Received before it was made.', receivedOn: '2011-12-12' })).rejects.toMatchObject({
      problems: [{ field: 'receivedOn', message: 'The date the executive received it must be on or after the meeting on 13 December 2011' }],
    });
  });

  it('refuses an unknown owner and a deadline before the meeting, naming the fields, and changes nothing', async () => {
    const before = await snapshot();
    await expect(record({ ownerIds: ['person-nobody'] })).rejects.toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'ownerIds', message: 'There is no officer or member with the id "person-nobody"' }],
    });
    await expect(record({ dueDate: '2011-12-01' })).rejects.toMatchObject({
      problems: [{ field: 'dueDate', message: 'The response deadline must be on or after the meeting on 13 December 2011' }],
    });
    await expect(record({ text: ' ', ownerIds: [] })).rejects.toMatchObject({ problems: [{ field: 'text' }, { field: 'ownerIds' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('a response moves PENDING to RESPONSE RECEIVED and is kept in the history', async () => {
    const { id } = await record({ text: 'Write to London Boroughs.' });
    const result = await responseRecorder({
      database,
      actor: { job: 'user:paul' },
      recommendationId: id,
      text: 'Letter sent on 5 January.',
      responseDate: '2012-01-05',
      responderId: world.officerId,
    });
    expect(result.status).toBe('RESPONSE RECEIVED');
    const history = await store.statusHistory(database.db, id);
    expect(history.map((change) => [change.from_status, change.to_status, change.effective_date, change.reason])).toEqual([
      [null, 'PENDING', '2011-12-13', 'Recorded'],
      ['PENDING', 'RESPONSE RECEIVED', '2012-01-05', 'Response recorded'],
    ]);
    // A further response (an update) keeps the status.
    expect(
      (
        await responseRecorder({
          database,
          actor: { job: 'user:paul' },
          recommendationId: id,
          text: 'Reply received.',
          responseDate: '2012-02-01',
          responderId: world.officerId,
        })
      ).status,
    ).toBe('RESPONSE RECEIVED');
    expect(await store.responsesOf(database.db, [id])).toHaveLength(2);
  });

  it('refuses a response on a closed recommendation, one dated before the meeting, and an unknown responder; nothing changes', async () => {
    const { id } = await record({ text: 'To be closed.' });
    await statusChanger({
      database,
      actor: { job: 'user:officer' },
      recommendationId: id,
      to: 'CLOSED',
      effectiveDate: '2011-12-20',
      reason: 'Withdrawn by the committee',
    });
    const before = await snapshot();
    await expect(
      responseRecorder({ database, actor: { job: 'u' }, recommendationId: id, text: 'Too late', responseDate: '2012-01-05', responderId: world.officerId }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'text', message: 'The recommendation is CLOSED, so it takes no more responses' }],
    });
    const open = await record({ text: 'Still open.' });
    const middle = await snapshot();
    await expect(
      responseRecorder({ database, actor: { job: 'u' }, recommendationId: open.id, text: 'Early', responseDate: '2011-11-30', responderId: world.officerId }),
    ).rejects.toMatchObject({
      problems: [{ field: 'responseDate', message: 'The date of response must be on or after the meeting on 13 December 2011' }],
    });
    await expect(
      responseRecorder({
        database,
        actor: { job: 'u' },
        recommendationId: open.id,
        text: 'Ahead',
        responseDate: '2030-01-05',
        responderId: world.officerId,
        today: '2012-01-04',
      }),
    ).rejects.toMatchObject({
      problems: [{ field: 'responseDate', message: 'The date of response cannot be in the future: today is 4 January 2012' }],
    });
    await expect(
      statusChanger({
        database,
        actor: { job: 'u' },
        recommendationId: open.id,
        to: 'CLOSED',
        effectiveDate: '2012-01-05',
        reason: 'Ahead',
        today: '2012-01-04',
      }),
    ).rejects.toMatchObject({
      problems: [{ field: 'effectiveDate', message: 'The date cannot be in the future: today is 4 January 2012' }],
    });
    await expect(
      responseRecorder({ database, actor: { job: 'u' }, recommendationId: open.id, text: 'Who?', responseDate: '2012-01-05', responderId: 'person-nobody' }),
    ).rejects.toMatchObject({
      problems: [{ field: 'responderId' }],
    });
    expect((await snapshot()).counts).toEqual(middle.counts);
    expect(before.counts).not.toEqual(middle.counts);
    await expect(
      responseRecorder({
        database,
        actor: { job: 'u' },
        recommendationId: 'scrutiny-recommendation-none',
        text: 'x',
        responseDate: '2012-01-05',
        responderId: world.officerId,
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('changes status along allowed transitions only, with the reason for a refusal', async () => {
    const { id } = await record({ text: 'Accept then implement.' });
    await expect(
      statusChanger({ database, actor: { job: 'u' }, recommendationId: id, to: 'IMPLEMENTED', effectiveDate: '2012-01-01', reason: 'Done' }),
    ).rejects.toMatchObject({
      problems: [
        {
          field: 'status',
          message: 'A recommendation that is PENDING cannot become IMPLEMENTED: it can only become OUTSTANDING, RESPONSE RECEIVED, TO NOTE ONLY, CLOSED',
        },
      ],
    });
    await responseRecorder({
      database,
      actor: { job: 'u' },
      recommendationId: id,
      text: 'Agreed.',
      responseDate: '2012-01-02',
      responderId: world.cabinetMemberId,
    });
    for (const to of ['ACCEPTED', 'IMPLEMENTED', 'CLOSED'] as const) {
      await statusChanger({ database, actor: { job: 'u' }, recommendationId: id, to, effectiveDate: '2012-01-10', reason: `Now ${to}` });
    }
    const history = await store.statusHistory(database.db, id);
    expect(history.map((change) => change.to_status)).toEqual(['PENDING', 'RESPONSE RECEIVED', 'ACCEPTED', 'IMPLEMENTED', 'CLOSED']);
    await expect(
      statusChanger({ database, actor: { job: 'u' }, recommendationId: id, to: 'PENDING', effectiveDate: '2012-01-11', reason: 'Reopen' }),
    ).rejects.toMatchObject({
      problems: [{ field: 'status', message: 'A recommendation that is CLOSED cannot become PENDING: it is final and cannot change' }],
    });
  });

  it('marks PENDING recommendations without a response OUTSTANDING after their deadline, as at the date given', async () => {
    const pending = await database.db.selectFrom('scrutiny_recommendation').select(['id', 'due_date']).where('status', '=', 'PENDING').execute();
    expect(pending.length).toBeGreaterThan(0);
    expect(await outstandingMarker({ database, asAt: '2012-02-12' })).toEqual(pending.filter((row) => row.due_date < '2012-02-12').map((row) => row.id));
    const changed = await outstandingMarker({ database, asAt: '2012-02-13' });
    expect(changed.sort()).toEqual(
      pending
        .filter((row) => row.due_date === '2012-02-12')
        .map((row) => row.id)
        .sort(),
    );
    for (const id of changed) {
      const last = (await store.statusHistory(database.db, id)).at(-1)!;
      expect(last).toMatchObject({
        from_status: 'PENDING',
        to_status: 'OUTSTANDING',
        effective_date: '2012-02-13',
        reason: 'No response by the deadline of 2012-02-12',
        actor: 'system:outstanding-rule',
      });
    }
    expect(await outstandingMarker({ database, asAt: '2012-02-13' })).toEqual([]);
  });
});
