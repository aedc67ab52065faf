/**
 * The agenda pack of a meeting as document content: a front sheet like a printed summons (title, summons with place
 * and date, webcasting notice, the numbered agenda with page ranges), then the papers of each item in agenda order,
 * each starting on a new page: its report, the minutes it puts before the meeting, or the questions asked.
 *
 * The public pack lists exempt items with their Schedule 12A paragraphs and leaves their papers out (the queries do
 * not even return them); the officers' pack includes them, marked not for publication.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  agendaWithReports,
  findDocumentMeeting,
  findMeetingIdByBodyName,
  findMinutesRecord,
  questionsOf,
  type AgendaReportRow,
  type DocumentAudience,
  type DocumentMeetingRow,
  type QuestionRow,
} from '../../db/queries/documents.ts';
import type { Block, DocumentModel, Part } from './model.ts';
import { minutesBlocks } from './minutes-content.ts';
import { minutesReferenceOf } from './minutes-reference.ts';
import { formatDate, formatFormalDate, londonDateOf } from '../../domain/dates.ts';
import { councilTime, exemptGround, textPieces } from './wording.ts';

const KIND_LABELS: Record<DocumentMeetingRow['kind'], string> = {
  annual: 'Annual Meeting',
  ordinary: 'Meeting',
  extraordinary: 'Extraordinary Meeting',
  special: 'Special Meeting',
};

export interface AgendaPackItem {
  number: string;
  title: string;
  /** The part holding the item's papers in this pack, or null when it has none here (oral, none, or withheld). */
  partKey: string | null;
  /** The page range printed in the agenda this item was imported from, "1 - 6", or null. */
  printedPages: string | null;
  exempt: boolean;
}

export interface AgendaPackContent {
  model: DocumentModel;
  items: AgendaPackItem[];
  meeting: DocumentMeetingRow;
}

function textBlocks(text: string | null | undefined): Block[] {
  return textPieces(text).map((piece): Block => (piece.kind === 'bullet' ? { kind: 'bullet', text: piece.text } : { kind: 'paragraph', runs: [{ text: piece.text }] }));
}

function personName(honorific: string | null, initials: string[], givenName: string | null, familyName: string): string {
  return [honorific, initials.length ? initials.join(' ') : givenName, familyName].filter(Boolean).join(' ');
}

function questionBlocks(questions: QuestionRow[]): Block[] {
  return questions.flatMap((question): Block[] => {
    const asker = personName(question.asker_honorific, question.asker_initials, question.asker_given_name, question.asker_family_name);
    const answerer =
      question.answerer_family_name === null ? '' : ` to ${personName(question.answerer_honorific, question.answerer_initials ?? [], question.answerer_given_name, question.answerer_family_name)}`;
    return [
      { kind: 'heading', text: `Question ${question.position} by ${asker}${answerer}${question.to_role ? `, ${question.to_role}` : ''}` },
      ...textBlocks(question.question_text),
      ...(question.answer_text ? [{ kind: 'subheading', text: 'Answer' } as Block, ...textBlocks(question.answer_text)] : []),
    ];
  });
}

function frontSheet(meeting: DocumentMeetingRow, audience: DocumentAudience, items: AgendaReportRow[], packItems: AgendaPackItem[]): Block[] {
  const kind = KIND_LABELS[meeting.kind];
  const time = meeting.start_time ? councilTime(meeting.start_time) : null;
  const blocks: Block[] = [
    { kind: 'title', lines: ['Summons to and', 'Agenda for the', `${kind} on`, formatDate(meeting.date), ...(time ? [`at ${time}`] : [])] },
  ];
  if (audience === 'officers') blocks.push({ kind: 'notice', text: "OFFICERS' PACK: includes exempt information. Not for publication." });
  blocks.push({ kind: 'paragraph', align: 'right', runs: [{ text: `Democratic Services, ${meeting.authority_name}`, bold: true }] });
  if (meeting.agenda_published_at) blocks.push({ kind: 'paragraph', align: 'right', runs: [{ text: formatFormalDate(londonDateOf(meeting.agenda_published_at)) }] });
  blocks.push({ kind: 'paragraph', runs: [{ text: `To: All Members of the ${meeting.body_name}` }] });
  const place = meeting.location ? ` in the ${meeting.location}` : '';
  blocks.push({
    kind: 'paragraph',
    runs: [
      { text: `Please attend the ${kind} of the ${meeting.body_name}${place} on ${formatFormalDate(meeting.date)}${time ? ` at ${time}` : ''} to deal with the following business.` },
      ...(meeting.end_time ? [{ text: ` The meeting is scheduled to end by ${councilTime(meeting.end_time)}.`, bold: true }] : []),
    ],
  });
  blocks.push({ kind: 'subheading', text: 'Webcasting Notice' });
  blocks.push({
    kind: 'paragraph',
    small: true,
    runs: [
      {
        text: "This meeting may be filmed and broadcast on the Council's website, live or later; the Chairman will say at the start whether it is being filmed. Anyone entering the meeting room agrees to being filmed and to the recordings being used for webcasting and training. If you do not want to be filmed, please tell the Clerk to the meeting.",
      },
    ],
  });
  blocks.push({ kind: 'heading', text: 'A G E N D A' });
  let exemptHeadingDone = false;
  items.forEach((item, index) => {
    if (item.exempt && !exemptHeadingDone) {
      exemptHeadingDone = true;
      blocks.push({ kind: 'subheading', text: 'EXEMPT ITEMS' });
      blocks.push({ kind: 'paragraph', small: true, runs: [{ text: '(The public may be excluded for these items under Section 100A of the Local Government Act 1972.)' }] });
    }
    const packItem = packItems[index]!;
    blocks.push({
      kind: 'agenda-entry',
      number: item.number,
      title: item.title,
      description: item.description,
      pages: packItem.partKey ? { partKey: packItem.partKey } : null,
      exemptLabel: item.exempt ? `Exempt: ${exemptGround(item.exempt_paragraphs)}` : null,
    });
  });
  const printed = packItems.filter((item) => item.printedPages);
  if (printed.length > 0) {
    blocks.push({
      kind: 'page-comparison',
      heading: 'Page numbers',
      intro: 'The page numbers above are those of this pack. The agenda as first published printed these ranges:',
      rows: printed.map((item) => ({ number: item.number, title: item.title, pages: item.partKey ? { partKey: item.partKey } : null, printed: item.printedPages! })),
    });
  }
  return blocks;
}

async function itemPart(db: Kysely<Database>, meeting: DocumentMeetingRow, item: AgendaReportRow, audience: DocumentAudience): Promise<Part | null> {
  const key = `item-${item.number}`;
  const head: Block[] = [{ kind: 'paragraph', align: 'right', runs: [{ text: `Agenda Item ${item.number}`, bold: true }] }];
  if (item.exempt || item.report_exempt) {
    // Only the officers' pack gets here with papers: the public queries withhold exempt reports.
    head.push({ kind: 'notice', text: `NOT FOR PUBLICATION: exempt information under ${exemptGround(item.exempt_paragraphs)} of the Local Government Act 1972` });
  }
  if (item.report_id && item.report_full_text) return { key, blocks: [...head, ...textBlocks(item.report_full_text)] };
  if (item.exempt && audience === 'public') return null;
  const reference = minutesReferenceOf(item);
  if (reference) {
    const id = await findMeetingIdByBodyName(db, { authorityId: meeting.authority_id, bodyName: reference.bodyName ?? meeting.body_name, date: reference.date });
    const record = id ? await findMinutesRecord(db, id, audience) : undefined;
    if (record && record.minutes.length > 0) return { key, blocks: [...head, ...minutesBlocks(record)] };
    return null;
  }
  if (/^questions\b/i.test(item.title)) {
    const questions = await questionsOf(db, meeting.id);
    if (questions.length > 0) return { key, blocks: [...head, { kind: 'heading', text: item.title }, ...questionBlocks(questions)] };
  }
  return null;
}

export async function agendaPackContent(db: Kysely<Database>, props: { meetingId: string; audience: DocumentAudience }): Promise<AgendaPackContent | undefined> {
  const meeting = await findDocumentMeeting(db, props.meetingId);
  if (!meeting) return undefined;
  const items = await agendaWithReports(db, meeting.id, props.audience);
  const parts: Part[] = [];
  const packItems: AgendaPackItem[] = [];
  for (const item of items) {
    const part = await itemPart(db, meeting, item, props.audience);
    if (part) parts.push(part);
    packItems.push({
      number: item.number,
      title: item.title,
      partKey: part?.key ?? null,
      printedPages: item.page_from === null ? null : `${item.page_from} - ${item.page_to ?? item.page_from}`,
      exempt: item.exempt,
    });
  }
  const title = `Agenda pack: ${meeting.body_name}, ${formatDate(meeting.date)}`;
  return {
    meeting,
    items: packItems,
    model: {
      title: props.audience === 'officers' ? `${title} (officers' pack, not for publication)` : title,
      subject: `Summons to and agenda for the ${KIND_LABELS[meeting.kind]} of the ${meeting.body_name} on ${formatDate(meeting.date)}`,
      date: meeting.date,
      frontSheet: frontSheet(meeting, props.audience, items, packItems),
      parts,
    },
  };
}
