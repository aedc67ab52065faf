import type { PersonKind } from '../../src/db/schema.ts';
import type { Db, NewRow } from '../../src/db/types.ts';

let sequence = 0;
function nextId(kind: string): string {
  sequence += 1;
  return `${kind}-test${String(sequence).padStart(6, '0')}`;
}

export async function insertAuthority(db: Db, overrides: Partial<NewRow<'authority'>> = {}) {
  const row: NewRow<'authority'> = { id: nextId('authority'), name: 'Kent County Council', ...overrides };
  await db.insertInto('authority').values(row).execute();
  return row;
}

export async function insertBody(db: Db, authorityId: string, overrides: Partial<NewRow<'body'>> = {}) {
  const row: NewRow<'body'> = { id: nextId('body'), authority_id: authorityId, name: 'County Council', slug: 'county-council', kind: 'council', ...overrides };
  await db.insertInto('body').values(row).execute();
  return row;
}

export interface PersonSpec {
  honorific?: string;
  given_name?: string;
  initials?: string[];
  family_name: string;
  post_nominals?: string[];
  kind?: PersonKind;
  job_title?: string;
}

export async function insertPerson(db: Db, authorityId: string, spec: PersonSpec) {
  const row: NewRow<'person'> = {
    id: nextId('person'),
    authority_id: authorityId,
    kind: spec.kind ?? 'member',
    honorific: spec.honorific ?? null,
    given_name: spec.given_name ?? null,
    initials: spec.initials ?? (spec.given_name ? [spec.given_name[0]!] : []),
    family_name: spec.family_name,
    post_nominals: spec.post_nominals ?? [],
    job_title: spec.job_title ?? null,
  };
  await db.insertInto('person').values(row).execute();
  return row;
}

export async function insertMeeting(db: Db, bodyId: string, overrides: Partial<NewRow<'meeting'>> = {}) {
  const row: NewRow<'meeting'> = {
    id: nextId('meeting'),
    body_id: bodyId,
    date: '2011-04-06',
    start_time: '10:00',
    end_time: null,
    location: 'Council Chamber, Sessions House, County Hall, Maidstone',
    ...overrides,
  };
  await db.insertInto('meeting').values(row).execute();
  return row;
}

/** Printed as "Mr W A Hayton": initials, family name. Enough distinct names for 68 members voting and 2 sending apologies. */
const FAMILY_NAMES = [
  'Hayton',
  'Stockell',
  'Ferrin',
  'Wickham',
  'Willicombe',
  'Carey',
  'Hill',
  'Whittle',
  'Carter',
  'Gibbens',
  'Simmonds',
  'King',
  'Lake',
  'Manion',
  'Angell',
  'Bassam',
  'Bowles',
  'Brazier',
  'Chard',
  'Christie',
  'Cowan',
  'Crowther',
  'Dance',
  'Davies',
  'Eddy',
  'Elenor',
  'Gates',
  'Gilroy',
  'Gough',
  'Harrison',
  'Hart',
  'Hohler',
  'Hotson',
  'Jarvis',
  'Jones',
  'Kenworthy',
  'Koowaree',
  'Law',
  'Lees',
  'London',
  'Maddison',
  'Marsh',
  'Mckenna',
  'Northey',
  'Oakford',
  'Ogilvie',
  'Parry',
  'Pascoe',
  'Pearman',
  'Prater',
  'Robertson',
  'Rowe',
  'Sass',
  'Scholes',
  'Smyth',
  'Sweetland',
  'Tanton',
  'Thomas',
  'Truelove',
  'Vye',
  'Waters',
  'Wedgbury',
  'Wild',
  'Daley',
  'Hibberd',
  'Mills',
  'Stevens',
  'Seymour',
  'Tolputt',
  'Dagger',
] as const;

const INITIALS = ['A', 'B', 'C', 'D', 'E', 'G', 'J', 'K', 'M', 'P', 'R', 'S', 'T'];

export const ESCAPE_PROBE = '<script>alert(1)</script>';
export const EXEMPT_MINUTE_TEXT = 'The Committee discussed the tender prices submitted by three named bidders.';

/**
 * County Council, Wednesday 6 April 2011, in the Council Chamber: agenda (one item exempt under paragraphs 2 and 7),
 * attendance with Chairman and Vice-Chairman, apologies and officers, a declaration, minutes with resolutions and a
 * motion, a recorded vote of 55 for, 11 against and 2 abstaining with every member named, and a question with answer.
 * One agenda title carries a script tag to prove the pages escape what the papers say.
 */
export async function seedCouncilMeeting(db: Db) {
  const authority = await insertAuthority(db);
  const body = await insertBody(db, authority.id as string);
  const authorityId = authority.id as string;
  const bodyId = body.id as string;

  const members: Array<NewRow<'person'>> = [];
  for (const [index, family] of FAMILY_NAMES.entries()) {
    const spec: PersonSpec =
      index === 0
        ? { honorific: 'Mr', initials: ['W', 'A'], family_name: family }
        : index === 2
          ? { honorific: 'Mr', initials: ['K', 'A'], family_name: family, post_nominals: ['MBE'] }
          : index === 7
            ? { honorific: 'Mrs', given_name: 'Jenny', family_name: family }
            : { honorific: index % 3 === 0 ? 'Mrs' : 'Mr', initials: [INITIALS[index % INITIALS.length]!], family_name: family };
    members.push(await insertPerson(db, authorityId, spec));
  }
  const member = (index: number) => members[index]!.id as string;
  const officers = [
    await insertPerson(db, authorityId, { kind: 'officer', honorific: 'Mr', initials: ['P'], family_name: 'Sass', job_title: 'Head of Democratic Services' }),
    await insertPerson(db, authorityId, { kind: 'officer', honorific: 'Ms', given_name: 'Katherine', family_name: 'Kerswell', job_title: 'Managing Director' }),
  ];

  const previous = await insertMeeting(db, bodyId, {
    date: '2011-03-16',
    start_time: '10:30',
    location: 'Council Chamber, Sessions House, County Hall, Maidstone',
  });
  const meeting = await insertMeeting(db, bodyId, { date: '2011-04-06', start_time: '10:00', end_time: '13:15' });
  const meetingId = meeting.id as string;

  const report = { id: nextId('report'), authority_id: authorityId, subject: 'Kent Highway Services: winter service review', report_date: '2011-03-28' };
  await db.insertInto('report').values(report).execute();

  const agenda = [
    { number: '1', title: 'Apologies for absence', page_from: null, page_to: null },
    { number: '2', title: 'Declarations of interest', page_from: null, page_to: null },
    { number: '3', title: 'Minutes of the meeting held on 16 March 2011', page_from: 1, page_to: 12 },
    { number: '4', title: `Winter service review ${ESCAPE_PROBE}`, page_from: 13, page_to: 40, report_id: report.id },
    { number: '5', title: 'Disposal of land at Ashford', page_from: 41, page_to: 44, exempt: true, exempt_paragraphs: [2, 7] },
  ];
  const agendaIds: Record<string, string> = {};
  for (const [position, item] of agenda.entries()) {
    const id = nextId('agenda');
    agendaIds[item.number] = id;
    await db
      .insertInto('agenda_item')
      .values({ id, meeting_id: meetingId, position, ...item })
      .execute();
  }

  const attendance: Array<NewRow<'attendance'>> = [];
  for (let index = 0; index < 68; index++) {
    const role = index === 0 ? 'Chairman' : index === 1 ? 'Vice-Chairman' : null;
    attendance.push({ id: nextId('attendance'), meeting_id: meetingId, person_id: member(index), status: 'present', role, printed_name: FAMILY_NAMES[index]! });
  }
  for (const index of [68, 69]) {
    attendance.push({
      id: nextId('attendance'),
      meeting_id: meetingId,
      person_id: member(index),
      status: 'apologies',
      role: null,
      printed_name: FAMILY_NAMES[index]!,
    });
  }
  for (const officer of officers) {
    attendance.push({
      id: nextId('attendance'),
      meeting_id: meetingId,
      person_id: officer.id as string,
      status: 'in-attendance',
      role: officer.job_title ?? null,
      printed_name: officer.family_name,
    });
  }
  await db.insertInto('attendance').values(attendance).execute();

  const minuteRows: Array<NewRow<'minute'>> = [
    {
      id: nextId('minute'),
      meeting_id: meetingId,
      number: '14',
      position: 0,
      title: 'Minutes of the meeting held on 16 March 2011',
      agenda_item_id: agendaIds['3']!,
      agenda_item_number: '3',
      text: '',
      approves_meeting_date: '2011-03-16',
      approves_meeting_id: previous.id as string,
    },
    {
      id: nextId('minute'),
      meeting_id: meetingId,
      number: '15',
      position: 1,
      title: 'Winter service review',
      agenda_item_id: agendaIds['4']!,
      agenda_item_number: '4',
      text: 'The Cabinet Member for Environment, Highways and Waste introduced the report.\n\nMembers asked about\nsalt stocks and gritting routes.',
    },
    {
      id: nextId('minute'),
      meeting_id: meetingId,
      number: '16',
      position: 2,
      title: 'Disposal of land at Ashford',
      agenda_item_id: agendaIds['5']!,
      agenda_item_number: '5',
      text: EXEMPT_MINUTE_TEXT,
      exempt: true,
      exempt_paragraphs: [7, 2],
    },
  ];
  await db.insertInto('minute').values(minuteRows).execute();
  const [approvalMinute, winterMinute, exemptMinute] = minuteRows.map((row) => row.id as string);

  await db
    .insertInto('resolution')
    .values([
      {
        id: nextId('resolution'),
        minute_id: approvalMinute!,
        position: 0,
        text: 'that the Minutes of the meeting held on 16 March 2011 are correctly recorded and that they be signed by the Chairman.',
        unanimous: true,
      },
      { id: nextId('resolution'), minute_id: winterMinute!, position: 0, text: 'that the winter service policy for 2011/12 be approved.' },
      { id: nextId('resolution'), minute_id: exemptMinute!, position: 0, text: 'that the land be sold to the preferred bidder at the price stated.' },
    ])
    .execute();
  await db
    .insertInto('motion')
    .values({
      id: nextId('motion'),
      minute_id: winterMinute!,
      position: 0,
      text: 'That the winter service policy for 2011/12 be approved.',
      mover_id: member(8),
      seconder_id: member(9),
    })
    .execute();

  await db
    .insertInto('declaration')
    .values({
      id: nextId('declaration'),
      meeting_id: meetingId,
      person_id: member(2),
      agenda_item_id: agendaIds['4']!,
      minute_id: winterMinute!,
      agenda_item_number: '4',
      kind: 'personal',
      reason: 'his wife is employed by a gritting contractor',
    })
    .execute();

  const voteEvent = {
    id: nextId('vote-event'),
    meeting_id: meetingId,
    minute_id: winterMinute!,
    motion_text: 'That the winter service policy for 2011/12 be approved.',
    mover_id: member(8),
    seconder_id: member(9),
    for_count: 55,
    against_count: 11,
    abstain_count: 2,
    result: 'carried',
  };
  await db.insertInto('vote_event').values(voteEvent).execute();
  const votes: Array<NewRow<'vote'>> = members.slice(0, 68).map((person, index) => ({
    vote_event_id: voteEvent.id,
    person_id: person.id as string,
    option: index < 55 ? 'for' : index < 66 ? 'against' : 'abstain',
    printed_name: person.family_name,
  }));
  await db.insertInto('vote').values(votes).execute();

  await db
    .insertInto('question')
    .values({
      id: nextId('question'),
      meeting_id: meetingId,
      position: 0,
      asked_by_id: member(10),
      asked_to_id: member(8),
      to_role: 'Cabinet Member for Environment, Highways and Waste',
      question_text: 'How many tonnes of salt did the County Council hold on 1 December 2010?',
      answer_text: 'The County Council held 25,000 tonnes of salt on 1 December 2010.',
    })
    .execute();

  return {
    authority,
    body,
    meeting,
    previousMeeting: previous,
    members,
    officers,
    agendaIds,
    minuteIds: { approvalMinute: approvalMinute!, winterMinute: winterMinute!, exemptMinute: exemptMinute! },
    voteEvent,
  };
}
