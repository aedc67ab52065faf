/**
 * Issue 17: notices of motion on an agenda, and a roll call's absent members, from import to every place they are
 * shown: the rows, the export (and its restore), the meeting page (English and Welsh), the JSON API, OParl and
 * Popolo. Made-up papers, written to a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { restoreExport } from '../../src/services/export-restorer.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { portalConfig } from '../portal/config.ts';

const AGENDA = `Portwell Town Council Agenda - 5 May 2027, 18:30 Help

A meeting to be held at 18:30 on 5 May 2027.

Number Item
1Apologies for absence
2Question by Councillor Anna Ash - When will the harbour wall be repaired?
3Notices of Motion
(a)by Councillor Ben Birch
"Council calls on the Harbour Board to publish its accounts every quarter."
(b)by Councillor Cai Cedar
"Council resolves to light the promenade all winter."
Seconded by Councillor Dee Elm
`;

const ROLL_CALL = `PORTWELL CITY COUNCIL
REGULAR MEETING

1. Call to Order
The regular meeting of the Portwell City Council was called to order by Mayor Ash at 7:30 p.m. on June 2, 2027.

2. Roll Call
Present: Council Members Ash, Birch, Cedar, Dunn
Absent: Council Member Elm

3. Minutes
COUNCIL MEMBER BIRCH MOVED, COUNCIL MEMBER CEDAR SECONDED, TO APPROVE THE MINUTES OF THE LAST MEETING.
Ayes: Council Members Ash, Birch, Cedar. Nays: Dunn. Abstain: None. Absent: Council Member Elm. Motion carried.
`;

describe.skipIf(databaseUnavailable)('notices of motion and absent members, imported and shown', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let work: string;
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-notices-'));
    fs.writeFileSync(path.join(work, 'agenda.txt'), AGENDA);
    fs.writeFileSync(path.join(work, 'roll-call.txt'), ROLL_CALL);
    const summary = await paperImporter({ database, authorityName: 'Portwell Town Council', paths: [work], actor: 'test' });
    expect(summary.files.map((file) => [path.basename(file.file), file.status])).toEqual([
      ['agenda.txt', 'imported'],
      ['roll-call.txt', 'imported'],
    ]);
    app = await createApp({ config: { ...portalConfig, authorityName: 'Portwell Town Council' }, database, logger: false });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const notices = () =>
    database.db
      .selectFrom('motion')
      .innerJoin('agenda_item', 'agenda_item.id', 'motion.agenda_item_id')
      .leftJoin('person as mover', 'mover.id', 'motion.mover_id')
      .leftJoin('person as seconder', 'seconder.id', 'motion.seconder_id')
      .select([
        'agenda_item.number',
        'agenda_item.kind',
        'motion.minute_id',
        'motion.text',
        'motion.result',
        'mover.family_name as mover',
        'seconder.family_name as seconder',
      ])
      .orderBy('motion.position')
      .execute();

  it('stores each notice of motion under its agenda item, with mover and seconder and no result', async () => {
    expect(await notices()).toEqual([
      {
        number: '3',
        kind: 'notice_of_motion',
        minute_id: null,
        text: 'Council calls on the Harbour Board to publish its accounts every quarter.',
        result: null,
        mover: 'Birch',
        seconder: null,
      },
      {
        number: '3',
        kind: 'notice_of_motion',
        minute_id: null,
        text: 'Council resolves to light the promenade all winter.',
        result: null,
        mover: 'Cedar',
        seconder: 'Elm',
      },
    ]);
    const kinds = await database.db.selectFrom('agenda_item').select(['number', 'kind']).orderBy('position').execute();
    expect(kinds.map((item) => item.kind)).toEqual(['item', 'question', 'notice_of_motion']);
  });

  it('stores the absent member as absent, outside the counts', async () => {
    const event = await database.db.selectFrom('vote_event').selectAll().executeTakeFirstOrThrow();
    expect([event.for_count, event.against_count, event.abstain_count, event.result]).toEqual([3, 1, 0, 'Carried']);
    const votes = await database.db
      .selectFrom('vote')
      .select(['printed_name', 'option'])
      .where('vote_event_id', '=', event.id)
      .orderBy('printed_name')
      .execute();
    expect(votes).toEqual([
      { printed_name: 'Ash', option: 'for' },
      { printed_name: 'Birch', option: 'for' },
      { printed_name: 'Cedar', option: 'for' },
      { printed_name: 'Dunn', option: 'against' },
      { printed_name: 'Elm', option: 'absent' },
    ]);
  });

  it('exports both, and restores them as they were', async () => {
    const exported = await buildExport(database.db);
    const item = exported.meetings.flatMap((meeting) => meeting.agendaItems).find((candidate) => candidate.number === '3')!;
    expect(item.kind).toBe('notice_of_motion');
    expect(item.motions?.map((motion) => motion.text)).toEqual([
      'Council calls on the Harbour Board to publish its accounts every quarter.',
      'Council resolves to light the promenade all winter.',
    ]);
    const votes = exported.meetings.flatMap((meeting) => meeting.voteEvents).flatMap((event) => event.votes);
    expect(votes.filter((vote) => vote.option === 'absent').map((vote) => vote.printedName)).toEqual(['Elm']);

    const copy = await createTestDatabase();
    try {
      await restoreExport(copy.db, JSON.parse(JSON.stringify(exported)), { actor: 'test' });
      const restored = await buildExport(copy.db);
      expect(restored.meetings).toEqual(exported.meetings);
    } finally {
      await copy.destroy();
    }
  });

  it('shows the notices on the meeting page’s agenda, in English and Welsh, and the absent member by name', async () => {
    const agendaMeeting = await database.db.selectFrom('meeting').select('id').where('date', '=', '2027-05-05').executeTakeFirstOrThrow();
    const english = parse((await get(`/meetings/${agendaMeeting.id}`)).body);
    const agenda = english.querySelector('#agenda')!.text.replace(/\s+/g, ' ');
    expect(agenda).toContain('Notice of motion');
    expect(agenda).toContain('Moved by Councillor Cai Cedar, seconded by Councillor Dee Elm');
    expect(agenda).toContain('Motion: Council resolves to light the promenade all winter.');
    expect(agenda).toContain('not yet debated');
    expect(english.querySelectorAll('[data-notice-of-motion]')).toHaveLength(2);

    const welsh = parse((await get(`/meetings/${agendaMeeting.id}?lang=cy`)).body);
    const cyAgenda = welsh.querySelector('#agenda')!.text.replace(/\s+/g, ' ');
    expect(cyAgenda).toContain('Rhybudd o gynnig');
    expect(cyAgenda).toContain('Cynigiwyd gan Councillor Cai Cedar, eiliwyd gan Councillor Dee Elm');
    expect(cyAgenda).toContain('heb ei drafod eto');

    const rollCall = await database.db.selectFrom('meeting').select('id').where('date', '=', '2027-06-02').executeTakeFirstOrThrow();
    const votes = parse((await get(`/meetings/${rollCall.id}`)).body)
      .querySelector('#votes')!
      .text.replace(/\s+/g, ' ');
    expect(votes).toContain('Absent (1)');
    // Votes cast: three for, one against, none abstaining; the absent member is not among them.
    expect(votes).toMatch(/Votes cast Vote Members For 3 Against 1 Abstain 0/);
  });

  it('gives the notices in the JSON API and OParl, and the absent member in Popolo, outside its counts', async () => {
    const agendaMeeting = await database.db.selectFrom('meeting').select('id').where('date', '=', '2027-05-05').executeTakeFirstOrThrow();
    const meeting = (await get(`/api/v1/meetings/${agendaMeeting.id}`)).json();
    const item = meeting.agendaItems.find((candidate: { number: string }) => candidate.number === '3');
    expect(item.kind).toBe('notice_of_motion');
    expect(item.motions.map((motion: { text: string; result: string | null }) => [motion.text, motion.result])).toEqual([
      ['Council calls on the Harbour Board to publish its accounts every quarter.', null],
      ['Council resolves to light the promenade all winter.', null],
    ]);
    expect(meeting.agendaItems.map((candidate: { kind: string }) => candidate.kind)).toEqual(['item', 'question', 'notice_of_motion']);

    const itemId = (await database.db.selectFrom('agenda_item').select('id').where('number', '=', '3').executeTakeFirstOrThrow()).id;
    const oparl = (await get(`/oparl/v1/agenda-item/${itemId}`)).json();
    expect(oparl.keyword).toEqual(['notice of motion']);
    expect(oparl['quorum:noticeOfMotion']).toHaveLength(2);
    expect(oparl['quorum:noticeOfMotion'][1].seconder).toMatch(/\/oparl\/v1\/person\//);

    const event = await database.db.selectFrom('vote_event').select('id').executeTakeFirstOrThrow();
    const popolo = (await get(`/api/v1/vote-events/${event.id}`)).json();
    expect(popolo.counts).toEqual([
      { option: 'yes', value: 3 },
      { option: 'no', value: 1 },
      { option: 'abstain', value: 0 },
    ]);
    // Elm is the member the agenda named in full (one council, one person).
    const absent = popolo.votes.filter((vote: { option: string }) => vote.option === 'absent');
    expect(absent.map((vote: { voter: { name: string } }) => vote.voter.name)).toEqual(['Councillor Dee Elm']);
  });
});
