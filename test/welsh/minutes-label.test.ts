/**
 * The minutes' label in a meeting's documents list (issue 19, item 7): "Draft" until approved, then "Approved on
 * <day> at <meeting, date>" in GOV.UK dates, in the reader's language, on the public meeting page and in the back
 * office's list of the same documents. Before, approved minutes said only "Approved".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import type { SessionUser } from '../../src/domain/roles.ts';
import { todayInLondon, formatShortDate } from '../../src/domain/dates.ts';
import { linkTo } from '../../src/http/routes.ts';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { meetingScheduler } from '../../src/services/committee/meetings.ts';
import { minuteWriter } from '../../src/services/committee/proceedings.ts';
import { minutesApprover, minutesPublisher } from '../../src/services/committee/minutes-workflow.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';

/** The tags beside the minutes' links, as the page shows them. */
function minutesTags(response: LightMyRequestResponse): string[] {
  const section = parse(response.body).querySelector('#documents');
  const lists = section?.querySelectorAll('ul') ?? [];
  return (lists[lists.length - 1]?.querySelectorAll('.govuk-tag') ?? []).map((tag) => tag.text.trim());
}

describe.skipIf(databaseUnavailable)('the minutes’ label in the documents list', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let actor: SessionUser;
  let officer: { email: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    const account = await makeAccount(database, 'democratic-services');
    officer = account;
    actor = { id: account.id, email: account.email, name: 'Test officer', roles: ['democratic-services'], personId: null };
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('says Draft, then when and at which meeting the minutes were approved, in English and Welsh', async () => {
    const bodyId = (await bodyCreator({ database, actor, authorityName: 'Kent County Council', name: 'Regulation Committee', kind: 'committee' })).id;
    const first = await meetingScheduler({ database, actor, bodyId, date: '2026-03-04', startTime: '10:00', kind: 'ordinary' });
    await minuteWriter({ database, actor, meetingId: first.id, title: 'Apologies', text: 'Apologies were received.', resolutions: [], exempt: false });
    await minutesPublisher({ database, actor, meetingId: first.id });
    const page = (language: string) => app.inject({ method: 'GET', url: `${linkTo('meeting.show', { id: first.id })}?lang=${language}` });

    expect(minutesTags(await page('en'))).toEqual(['Draft', 'Draft']);
    expect(minutesTags(await page('cy'))).toEqual(['Drafft', 'Drafft']);

    const next = await meetingScheduler({ database, actor, bodyId, date: '2026-04-01', startTime: '10:00', kind: 'ordinary' });
    await minutesApprover({ database, actor, meetingId: first.id, atMeetingId: next.id, confirm: true, now: new Date('2026-04-01T09:30:00Z') });
    // The approval is recorded when it is entered: today, in London.
    const today = todayInLondon();
    const english = `Approved on ${formatShortDate(today)} at Regulation Committee, 1 April 2026`;
    const welsh = `Cymeradwywyd ar ${formatShortDate(today, 'cy')} yng nghyfarfod Regulation Committee, 1 Ebrill 2026`;
    expect(minutesTags(await page('en'))).toEqual([english, english]);
    expect(minutesTags(await page('cy'))).toEqual([welsh, welsh]);

    // The back office lists the same documents (restricted versions) with the same label.
    const client = new Client(app);
    await client.signIn(officer.email);
    expect(minutesTags(await client.get(linkTo('admin.meeting', { id: first.id })))).toEqual([english, english]);
  });
});
