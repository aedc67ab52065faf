import { accountabilityBuilder, type AccountabilityRows } from './accountability.ts';
import { seededRandom, type Random } from '../../domain/generate/random.ts';
import { stableId } from '../../domain/stable-id.ts';
import { COMMITTEES, FAMILY_NAMES, GIVEN_NAMES, GROUP_NAMES, HONORIFICS, PLACES, TOPICS, WORDS, sentence } from '../../domain/generate/vocabulary.ts';
import type { NewRow } from '../../db/types.ts';

export interface GenerateOptions {
  /** Which authority (1, 2, ...): its ids and names are distinct. */
  index: number;
  years: number;
  seed: number;
  /** The first year of meetings. */
  startYear?: number;
  /** Meetings a year across all bodies (750 gives 15,000 in 20 years). */
  meetingsPerYear?: number;
  agendaItemsPerMeeting?: number;
  councillors?: number;
}

export type Rows = {
  [T in
    | 'authority'
    | 'political_group'
    | 'person'
    | 'group_membership'
    | 'body'
    | 'membership'
    | 'meeting'
    | 'report'
    | 'agenda_item'
    | 'attendance'
    | 'minute'
    | 'resolution'
    | 'declaration'
    | 'vote_event'
    | 'vote'
    | 'question']?: Array<NewRow<T>>;
} & AccountabilityRows;

export interface GeneratedAuthority {
  authorityId: string;
  name: string;
  /** The people and bodies: written first. */
  setup: Rows;
  /** Each year's meetings and everything in them. */
  years: Iterable<Rows>;
}

const isoDate = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

export function buildAuthority(options: GenerateOptions): GeneratedAuthority {
  const random = seededRandom(options.seed * 1000 + options.index);
  const startYear = options.startYear ?? 2001;
  const meetingsPerYear = options.meetingsPerYear ?? 750;
  const itemsPerMeeting = options.agendaItemsPerMeeting ?? 10;
  const councillorCount = options.councillors ?? 200;
  const prefix = `gen${options.index}`;
  const authorityId = stableId('authority', prefix);
  const name = `${['North', 'South', 'East', 'West', 'Mid'][(options.index - 1) % 5]} ${['Downshire', 'Marshland', 'Weald', 'Vale', 'Moorland'][Math.floor((options.index - 1) / 5) % 5]} County Council${options.index > 25 ? ` ${options.index}` : ''}`;
  const words = (n: number) => Array.from({ length: n }, () => random.pick(WORDS));

  const groups = GROUP_NAMES.slice(0, 4).map((groupName, i) => ({
    id: stableId('political-group', prefix, i),
    authority_id: authorityId,
    name: groupName,
    abbreviation: groupName.split(' ')[0]!,
  }));
  const people: Array<NewRow<'person'>> = [];
  const groupMemberships: Array<NewRow<'group_membership'>> = [];
  // Group sizes roughly as a county: one large group, two middling, one small.
  const weights = [0.55, 0.22, 0.15, 0.08];
  for (let i = 0; i < councillorCount; i++) {
    const given = random.pick(GIVEN_NAMES);
    const id = stableId('person', prefix, i);
    people.push({
      id,
      authority_id: authorityId,
      kind: 'member',
      honorific: random.pick(HONORIFICS),
      given_name: given,
      initials: [given[0]!],
      family_name: `${random.pick(FAMILY_NAMES)}${i >= FAMILY_NAMES.length ? `-${random.pick(FAMILY_NAMES)}` : ''}`,
      post_nominals: [],
      job_title: null,
    });
    let roll = random.next();
    const group = groups[weights.findIndex((weight) => (roll -= weight) < 0)] ?? groups[0]!;
    groupMemberships.push({
      id: stableId('group-membership', prefix, i),
      person_id: id,
      group_id: group.id,
      role: null,
      start_date: `${startYear}-05-01`,
      end_date: null,
    });
  }
  const members = people.map((person) => person.id);
  const printed = new Map(people.map((person) => [person.id, `${person.honorific} ${person.given_name} ${person.family_name}`]));
  const bodies: Array<NewRow<'body'>> = [
    {
      id: stableId('body', prefix, 'council'),
      authority_id: authorityId,
      name: 'County Council',
      slug: `${prefix}-county-council`,
      kind: 'council',
      parent_id: null,
    },
    { id: stableId('body', prefix, 'cabinet'), authority_id: authorityId, name: 'Cabinet', slug: `${prefix}-cabinet`, kind: 'cabinet', parent_id: null },
    ...COMMITTEES.map((committee, i) => ({
      id: stableId('body', prefix, committee),
      authority_id: authorityId,
      name: committee,
      slug: `${prefix}-${committee
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/-$/, '')}`,
      kind: (/Sub-Committee/.test(committee)
        ? 'sub-committee'
        : /Panel/.test(committee)
          ? 'panel'
          : /Board/.test(committee)
            ? 'board'
            : 'committee') as NewRow<'body'>['kind'],
      parent_id: null,
    })),
  ];
  const seats = new Map<string, string[]>();
  const memberships: Array<NewRow<'membership'>> = [];
  for (const body of bodies) {
    const sitting = body.kind === 'council' ? members : random.sample(members, body.kind === 'cabinet' ? 9 : 13);
    seats.set(body.id, sitting);
    sitting.forEach((personId, i) =>
      memberships.push({
        id: stableId('membership', body.id, personId),
        person_id: personId,
        body_id: body.id,
        role: i === 0 ? 'chairman' : i === 1 ? 'vice-chairman' : 'member',
        start_date: `${startYear}-05-01`,
        end_date: null,
      }),
    );
  }

  const accountability = accountabilityBuilder({
    seed: options.seed,
    index: options.index,
    prefix,
    authorityId,
    startYear,
    years: options.years,
    members,
    cabinet: seats.get(bodies[1]!.id!)!,
    printed,
    cabinetBodyId: bodies[1]!.id!,
    scrutinyBodyIds: new Set(bodies.filter((body) => /Scrutiny|Policy Overview/.test(body.name!)).map((body) => body.id!)),
  });

  function* years(): Iterable<Rows> {
    let meetingNumber = 0;
    for (let y = 0; y < options.years; y++) {
      const year = startYear + y;
      const rows: Required<
        Pick<Rows, 'meeting' | 'report' | 'agenda_item' | 'attendance' | 'minute' | 'resolution' | 'declaration' | 'vote_event' | 'vote' | 'question'>
      > = {
        meeting: [],
        report: [],
        agenda_item: [],
        attendance: [],
        minute: [],
        resolution: [],
        declaration: [],
        vote_event: [],
        vote: [],
        question: [],
      };
      // A body meets at most once a day: spread each body's meetings over distinct days.
      const perBody = Math.ceil(meetingsPerYear / bodies.length);
      let made = 0;
      for (const body of bodies) {
        const days = random
          .sample(
            Array.from({ length: 360 }, (_, d) => d),
            Math.min(perBody, 360),
          )
          .sort((a, b) => a - b);
        for (const day of days) {
          if (made++ >= meetingsPerYear) break;
          meetingNumber++;
          const date = isoDate(year, day);
          const meetingId = stableId('meeting', body.id, date);
          rows.meeting.push({
            id: meetingId,
            body_id: body.id!,
            date,
            start_time: random.pick(['10:00', '14:00', '18:30']),
            end_time: null,
            location: random.pick(PLACES),
            status: 'held',
            kind: 'ordinary',
            source_document_id: null,
            source_line_from: null,
            source_line_to: null,
          });
          const sitting = seats.get(body.id!)!;
          const present =
            body.kind === 'council' ? random.sample(sitting, Math.floor(sitting.length * 0.9)) : sitting.slice(0, sitting.length - random.int(0, 2));
          for (const personId of present.slice(0, 60))
            rows.attendance.push({
              id: stableId('attendance', meetingId, personId),
              meeting_id: meetingId,
              person_id: personId,
              status: 'present',
              role: null,
              printed_name: printed.get(personId)!,
              substitute_for_person_id: null,
              source_document_id: null,
              source_line_from: null,
              source_line_to: null,
            });
          let page = 1;
          for (let item = 1; item <= itemsPerMeeting; item++) {
            const topic = random.pick(TOPICS);
            const itemId = stableId('agenda-item', meetingId, item);
            let reportId: string | null = null;
            const pages = random.int(2, 12);
            if (item > 2 && random.chance(0.6)) {
              reportId = stableId('report', meetingId, item);
              const paragraphs = Array.from({ length: random.int(3, 6) }, () =>
                Array.from({ length: random.int(3, 6) }, () => sentence(words, topic)).join(' '),
              );
              rows.report.push({
                id: reportId,
                authority_id: authorityId,
                subject: `${topic.charAt(0).toUpperCase()}${topic.slice(1)}: ${words(3).join(' ')}`,
                by_text: ['Corporate Director'],
                to_text: [body.name!],
                report_date: date,
                classification: 'Unrestricted',
                exempt: false,
                summary: paragraphs[0]!,
                recommendations: `The ${body.name} is asked to note the report on ${topic}.`,
                contact: null,
                background_documents: null,
                full_text: paragraphs.join('\n\n'),
                source_document_id: null,
                source_line_from: null,
                source_line_to: null,
              });
            }
            const title =
              item === 1 ? 'Apologies and substitutes' : item === 2 ? 'Minutes of the previous meeting' : `${topic.charAt(0).toUpperCase()}${topic.slice(1)}`;
            rows.agenda_item.push({
              id: itemId,
              meeting_id: meetingId,
              number: String(item),
              position: item,
              title,
              description: null,
              page_from: page,
              page_to: page + pages - 1,
              exempt: false,
              exempt_paragraphs: [],
              report_id: reportId,
              source_document_id: null,
              source_line_from: null,
              source_line_to: null,
            });
            page += pages;
            const minuteId = stableId('minute', meetingId, item);
            rows.minute.push({
              id: minuteId,
              meeting_id: meetingId,
              number: `${meetingNumber % 1000}.${item}`,
              position: item,
              title,
              agenda_item_id: itemId,
              agenda_item_number: String(item),
              text: item > 2 ? sentence(words, topic) : '',
              exempt: false,
              exempt_paragraphs: [],
              approves_meeting_date: null,
              approves_meeting_id: null,
              application_reference: null,
              source_document_id: null,
              source_line_from: null,
              source_line_to: null,
            });
            if (item > 2)
              rows.resolution.push({
                id: stableId('resolution', minuteId, 0),
                minute_id: minuteId,
                position: 0,
                text: `that the report on ${topic} be noted and the recommendations agreed.`,
                unanimous: random.chance(0.7),
              });
          }
          if (random.chance(0.2)) {
            const personId = random.pick(present);
            rows.declaration.push({
              id: stableId('declaration', meetingId, personId),
              meeting_id: meetingId,
              person_id: personId,
              agenda_item_id: stableId('agenda-item', meetingId, 3),
              minute_id: stableId('minute', meetingId, 3),
              agenda_item_number: '3',
              kind: 'personal',
              reason: `a family member works in ${random.pick(TOPICS)}`,
              source_document_id: null,
              source_line_from: null,
              source_line_to: null,
            });
          }
          if (random.chance(0.1) && present.length >= 4) {
            const eventId = stableId('vote-event', meetingId, 1);
            const voters = present.map((personId) => ({
              personId,
              option: (random.chance(0.7) ? 'for' : random.chance(0.85) ? 'against' : 'abstain') as 'for' | 'against' | 'abstain',
            }));
            const count = (option: string) => voters.filter((voter) => voter.option === option).length;
            rows.vote_event.push({
              id: eventId,
              meeting_id: meetingId,
              minute_id: stableId('minute', meetingId, 3),
              motion_text: `That the proposals on ${random.pick(TOPICS)} be approved.`,
              mover_id: present[0]!,
              seconder_id: present[1]!,
              for_count: count('for'),
              against_count: count('against'),
              abstain_count: count('abstain'),
              result: count('for') > count('against') ? 'carried' : 'lost',
              source_document_id: null,
              source_line_from: null,
              source_line_to: null,
            });
            for (const voter of voters)
              rows.vote.push({ vote_event_id: eventId, person_id: voter.personId, option: voter.option, printed_name: printed.get(voter.personId)! });
          }
          if (body.kind === 'council' && present.length >= 2) {
            rows.question.push({
              id: stableId('question', meetingId, 0),
              meeting_id: meetingId,
              position: 0,
              asked_by_id: present[1]!,
              asked_to_id: present[0]!,
              to_role: 'Leader of the Council',
              question_text: `What progress has been made on ${random.pick(TOPICS)}?`,
              answer_text: sentence(words, random.pick(TOPICS)),
              source_document_id: null,
              source_line_from: null,
              source_line_to: null,
            });
          }
        }
      }
      yield { ...rows, ...accountability.year(y, rows.meeting as Array<{ id: string; body_id: string; date: string }>) };
    }
  }

  return {
    authorityId,
    name,
    setup: {
      authority: [{ id: authorityId, name }],
      political_group: groups,
      person: people,
      group_membership: groupMemberships,
      body: bodies,
      membership: memberships,
      ...accountability.setup(),
    },
    years: years(),
  };
}

export type { Random };
