/**
 * The minutes of a meeting as document blocks, laid out like the council's printed minutes: the heading (authority,
 * body, place, date), PRESENT / ALSO PRESENT / IN ATTENDANCE, apologies, then the numbered minutes with their
 * resolutions and recorded votes. Exempt minutes come last under EXEMPT ITEMS; for the public only their number, title
 * and Schedule 12A paragraphs are printed (the query has already withheld the rest).
 */
import type { MinutesRecord } from '../../db/queries/documents.ts';
import type { Block } from './model.ts';
import { formatFormalDate } from '../../domain/dates.ts';
import { councilTime, exemptGround, folded, textPieces } from './wording.ts';

type Attendee = MinutesRecord['attendance'][number];

function attendeeName(row: Attendee): string {
  return row.role ? `${row.printed_name} (${row.role})` : row.printed_name;
}

function namesLine(label: string, rows: Attendee[]): Block[] {
  if (rows.length === 0) return [];
  return [{ kind: 'paragraph', runs: [{ text: `${label}: `, bold: true }, { text: rows.map(attendeeName).join(', ') }] }];
}

function heading(record: MinutesRecord): Block[] {
  const { meeting } = record;
  const place = meeting.location ? ` held in the ${meeting.location}` : '';
  const time = meeting.start_time ? ` at ${councilTime(meeting.start_time)}` : '';
  return [
    { kind: 'title', lines: [meeting.authority_name.toUpperCase()] },
    {
      kind: 'paragraph',
      runs: [
        { text: meeting.minutes_draft ? 'DRAFT MINUTES' : 'MINUTES', bold: true },
        { text: ` of a meeting of the ${meeting.body_name}${place} on ${formatFormalDate(meeting.date)}${time}.` },
      ],
    },
    // Draft minutes are not the record until a later meeting approves them (Local Government Act 1972, Sch. 12 para. 41).
    ...(meeting.minutes_draft
      ? [
          {
            kind: 'paragraph',
            runs: [{ text: 'DRAFT: not yet approved as a correct record. Resolutions are provisional until approved.', bold: true }],
          } satisfies Block,
        ]
      : []),
  ];
}

function attendance(record: MinutesRecord): Block[] {
  const present = record.attendance.filter((row) => row.status === 'present' || row.status === 'substitute');
  // The chair and vice-chair head the list on their own lines, as printed minutes set them out.
  const officers = present.filter((row) => row.role && /chair/i.test(row.role));
  const others = present.filter((row) => !officers.includes(row));
  const blocks: Block[] = [];
  if (present.length > 0) {
    blocks.push({ kind: 'subheading', text: 'PRESENT:' });
    for (const row of officers) blocks.push({ kind: 'paragraph', runs: [{ text: attendeeName(row) }] });
    if (others.length > 0) blocks.push({ kind: 'paragraph', runs: [{ text: others.map(attendeeName).join(', ') }] });
  }
  blocks.push(
    ...namesLine(
      'ALSO PRESENT',
      record.attendance.filter((row) => row.status === 'also-present'),
    ),
  );
  blocks.push(
    ...namesLine(
      'IN ATTENDANCE',
      record.attendance.filter((row) => row.status === 'in-attendance'),
    ),
  );
  blocks.push(
    ...namesLine(
      'APOLOGIES',
      record.attendance.filter((row) => row.status === 'apologies'),
    ),
  );
  // Recorded on the attendance grid: members expected who neither came nor sent apologies.
  blocks.push(
    ...namesLine(
      'ABSENT',
      record.attendance.filter((row) => row.status === 'absent'),
    ),
  );
  return blocks;
}

function initialsName(honorific: string | null, initials: string[] | null, familyName: string | null): string | null {
  if (!familyName) return null;
  return [honorific, ...(initials ?? []), familyName].filter(Boolean).join(' ');
}

/** A recorded vote, printed only when the minute's narrative does not already set it out (back-office minutes). */
function voteBlocks(record: MinutesRecord, minuteText: string, minuteId: string): Block[] {
  const blocks: Block[] = [];
  for (const event of record.voteEvents.filter((candidate) => candidate.minute_id === minuteId)) {
    if (new RegExp(`for \\(${event.for_count}\\)`, 'i').test(minuteText)) continue;
    const mover = initialsName(event.mover_honorific, event.mover_initials, event.mover_family_name);
    const seconder = initialsName(event.seconder_honorific, event.seconder_initials, event.seconder_family_name);
    if (event.motion_text) {
      const moved = mover ? `${mover} moved${seconder ? ` and ${seconder} seconded` : ''}: ` : 'Motion: ';
      blocks.push({ kind: 'paragraph', runs: [{ text: moved }, { text: `"${event.motion_text}"` }] });
    }
    const votes = record.votes.filter((vote) => vote.vote_event_id === event.id);
    for (const [option, label, count] of [
      ['for', 'For', event.for_count],
      ['against', 'Against', event.against_count],
      ['abstain', 'Abstain', event.abstain_count],
    ] as const) {
      const names = votes.filter((vote) => vote.option === option).map((vote) => vote.printed_name);
      blocks.push({ kind: 'paragraph', runs: [{ text: `${label} (${count})`, bold: true }, ...(names.length ? [{ text: `: ${names.join(', ')}` }] : [])] });
    }
    blocks.push({ kind: 'paragraph', runs: [{ text: event.result, bold: true }] });
  }
  return blocks;
}

function minuteBlocks(record: MinutesRecord, minute: MinutesRecord['minutes'][number]): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: `${minute.number}. ${minute.title}` }];
  if (minute.exempt) blocks.push({ kind: 'notice', text: `Exempt: ${exemptGround(minute.exempt_paragraphs)}` });
  for (const piece of textPieces(minute.text)) {
    blocks.push(piece.kind === 'bullet' ? { kind: 'bullet', text: piece.text } : { kind: 'paragraph', runs: [{ text: piece.text }] });
  }
  // Imported minutes carry their resolutions in the narrative; minutes written in the back office may hold them only as records.
  const narrative = folded(minute.text);
  for (const resolution of record.resolutions.filter((candidate) => candidate.minute_id === minute.id)) {
    if (narrative.includes(folded(resolution.text))) continue;
    blocks.push({ kind: 'paragraph', runs: [{ text: resolution.unanimous ? 'Resolved unanimously: ' : 'Resolved: ', bold: true }, { text: resolution.text }] });
  }
  blocks.push(...voteBlocks(record, minute.text, minute.id));
  return blocks;
}

export function minutesBlocks(record: MinutesRecord): Block[] {
  const blocks = [...heading(record), ...attendance(record)];
  const open = record.minutes.filter((minute) => !minute.exempt);
  const exempt = record.minutes.filter((minute) => minute.exempt);
  if (open.length > 0 && exempt.length > 0) blocks.push({ kind: 'subheading', text: 'UNRESTRICTED ITEMS' });
  for (const minute of open) blocks.push(...minuteBlocks(record, minute));
  if (exempt.length > 0) {
    const paragraphs = [...new Set(exempt.flatMap((minute) => minute.exempt_paragraphs))];
    blocks.push({ kind: 'subheading', text: 'EXEMPT ITEMS' });
    blocks.push({
      kind: 'paragraph',
      small: true,
      runs: [
        { text: `(The public were excluded for the following business under Section 100A of the Local Government Act 1972: ${exemptGround(paragraphs)}.)` },
      ],
    });
    for (const minute of exempt) blocks.push(...minuteBlocks(record, minute));
  }
  return blocks;
}

export function minutesTitle(record: MinutesRecord): string {
  return `${record.meeting.minutes_draft ? 'Draft minutes' : 'Minutes'} of the ${record.meeting.body_name} meeting on ${formatFormalDate(record.meeting.date)}`;
}
