/** Hardening test support: an officer signed in on a browser-like client, and a future meeting to add agenda items to. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { meetingScheduler } from '../../src/services/committee/meetings.ts';
import { Client, makeAccount } from '../admin/support.ts';
import type { TestDatabase } from '../support/database.ts';

export async function officerWithMeeting(database: TestDatabase, app: FastifyInstance, bodyName: string): Promise<{ officer: Client; meetingId: string }> {
  const account = await makeAccount(database, 'democratic-services');
  const officer = new Client(app);
  expect((await officer.signIn(account.email)).statusCode).toBe(303);
  const actor: SessionUser = { id: account.id, email: account.email, name: 'Officer', roles: ['democratic-services'], personId: null };
  const body = await bodyCreator({ database, actor, authorityName: 'Kent County Council', name: bodyName, kind: 'committee' });
  const meeting = await meetingScheduler({
    database,
    actor,
    bodyId: body.id,
    date: '2029-09-19',
    startTime: '10:00',
    location: 'Darent Room',
    kind: 'ordinary',
  });
  return { officer, meetingId: meeting.id };
}
