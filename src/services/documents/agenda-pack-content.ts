/**
 * The agenda pack of a meeting as document content: a front sheet like a printed summons (title, summons with place
 * and date, webcasting notice, the numbered agenda with page ranges), then the papers of each item in agenda order,
 * each starting on a new page: its report, the minutes it puts before the meeting, or the questions asked.
 *
 * The public pack lists exempt items with their Schedule 12A paragraphs and leaves their papers out (the queries do
 * not even return them); the restricted pack for members and officers includes them, marked not for publication.
 *
 * A report uploaded as a file is not retyped in the PDF: its part is the item's heading page, followed by pages left
 * for the original (inserted by ./pack-assembler.ts). Items added after the agenda was published are not in the pack
 * as published but in supplementary packs, one for each day late items were published, numbered in that order.
 */
import type { Kysely } from 'kysely';
import type { PDFDocument } from 'pdf-lib';
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
import { loadReportOriginal } from './report-originals.ts';
import { supplementsOf, type Supplement } from '../../domain/meetings/supplements.ts';

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

/** Which document of the meeting's papers: the pack as published, a supplementary pack, or one item's papers. */
export type PackSelection = { kind: 'pack' } | { kind: 'supplement'; number: number } | { kind: 'item'; number: string };

export interface PackContentProps {
  meetingId: string;
  audience: DocumentAudience;
  selection: PackSelection;
  /** PDF: uploaded reports are inserted as their original pages; DOCX: their text is printed. */
  insertOriginals: boolean;
}

export interface AgendaPackContent {
  model: DocumentModel;
  items: AgendaPackItem[];
  meeting: DocumentMeetingRow;
  /** By part key, the originals whose pages fill the part's inserted pages, in order. */
  originals: Map<string, PDFDocument[]>;
}

function textBlocks(text: string | null | undefined): Block[] {
  return textPieces(text).map(
    (piece): Block => (piece.kind === 'bullet' ? { kind: 'bullet', text: piece.text } : { kind: 'paragraph', runs: [{ text: piece.text }] }),
  );
}

function personName(honorific: string | null, initials: string[], givenName: string | null, familyName: string): string {
  return [honorific, initials.length ? initials.join(' ') : givenName, familyName].filter(Boolean).join(' ');
}

function questionBlocks(questions: QuestionRow[]): Block[] {
  return questions.flatMap((question): Block[] => {
    const asker = personName(question.asker_honorific, question.asker_initials, question.asker_given_name, question.asker_family_name);
    const answerer =
      question.answerer_family_name === null
        ? ''
        : ` to ${personName(question.answerer_honorific, question.answerer_initials ?? [], question.answerer_given_name, question.answerer_family_name)}`;
    return [
      { kind: 'heading', text: `Question ${question.position} by ${asker}${answerer}${question.to_role ? `, ${question.to_role}` : ''}` },
      ...textBlocks(question.question_text),
      ...(question.answer_text ? [{ kind: 'subheading', text: 'Answer' } as Block, ...textBlocks(question.answer_text)] : []),
    ];
  });
}

function frontSheet(
  meeting: DocumentMeetingRow,
  audience: DocumentAudience,
  items: AgendaReportRow[],
  packItems: AgendaPackItem[],
  supplement?: Supplement,
): Block[] {
  const kind = KIND_LABELS[meeting.kind];
  const time = meeting.start_time ? councilTime(meeting.start_time) : null;
  const opening = supplement ? [`Supplementary agenda pack ${supplement.number}`, 'for the'] : ['Summons to and', 'Agenda for the'];
  const blocks: Block[] = [{ kind: 'title', lines: [...opening, `${kind} on`, formatDate(meeting.date), ...(time ? [`at ${time}`] : [])] }];
  if (audience === 'officers')
    blocks.push({ kind: 'notice', text: 'RESTRICTED PACK for members and officers: includes exempt information. Not for publication.' });
  blocks.push({ kind: 'paragraph', align: 'right', runs: [{ text: `Democratic Services, ${meeting.authority_name}`, bold: true }] });
  const publishedOn = supplement?.publishedOn ?? (meeting.agenda_published_at ? londonDateOf(meeting.agenda_published_at) : null);
  if (publishedOn) blocks.push({ kind: 'paragraph', align: 'right', runs: [{ text: formatFormalDate(publishedOn) }] });
  blocks.push({ kind: 'paragraph', runs: [{ text: `To: All Members of the ${meeting.body_name}` }] });
  const place = meeting.location ? ` in the ${meeting.location}` : '';
  if (supplement) {
    blocks.push({
      kind: 'paragraph',
      runs: [
        {
          text: `The following business for the ${kind} of the ${meeting.body_name}${place} on ${formatFormalDate(meeting.date)}${time ? ` at ${time}` : ''} was published after the agenda.`,
        },
      ],
    });
    blocks.push({ kind: 'heading', text: 'A G E N D A' });
    items.forEach((item, index) => blocks.push(agendaEntry(item, packItems[index]!)));
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    runs: [
      {
        text: `Please attend the ${kind} of the ${meeting.body_name}${place} on ${formatFormalDate(meeting.date)}${time ? ` at ${time}` : ''} to deal with the following business.`,
      },
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
      blocks.push({
        kind: 'paragraph',
        small: true,
        runs: [{ text: '(The public may be excluded for these items under Section 100A of the Local Government Act 1972.)' }],
      });
    }
    blocks.push(agendaEntry(item, packItems[index]!));
  });
  const printed = packItems.filter((item) => item.printedPages);
  if (printed.length > 0) {
    blocks.push({
      kind: 'page-comparison',
      heading: 'Page numbers',
      intro: 'The page numbers above are those of this pack. The agenda as first published printed these ranges:',
      rows: printed.map((item) => ({
        number: item.number,
        title: item.title,
        pages: item.partKey ? { partKey: item.partKey } : null,
        printed: item.printedPages!,
      })),
    });
  }
  return blocks;
}

function agendaEntry(item: AgendaReportRow, packItem: AgendaPackItem): Block {
  return {
    kind: 'agenda-entry',
    number: item.number,
    title: item.title,
    description: item.description,
    pages: packItem.partKey ? { partKey: packItem.partKey } : null,
    exemptLabel: item.exempt ? `Exempt: ${exemptGround(item.exempt_paragraphs)}` : null,
  };
}

/** The report as its original pages when it was uploaded as a file, or its text (with the reason, if that failed). */
async function reportPart(
  db: Kysely<Database>,
  key: string,
  head: Block[],
  item: AgendaReportRow,
  originals: Map<string, PDFDocument[]> | null,
): Promise<Part> {
  if (!originals || !item.report_original_sha256) return { key, blocks: [...head, ...textBlocks(item.report_full_text)] };
  const filename = item.report_original_filename ?? 'report';
  const loaded = await loadReportOriginal(db, { sha256: item.report_original_sha256, filename, mediaType: item.report_original_media_type ?? '' });
  if ('problem' in loaded) {
    const notice: Block = { kind: 'notice', text: `The report as published (${filename}) could not be inserted: ${loaded.problem}. Its text follows.` };
    return { key, blocks: [...head, notice, ...textBlocks(item.report_full_text)] };
  }
  originals.set(key, [loaded.pdf]);
  const pages = loaded.pageCount === 1 ? '1 page' : `${loaded.pageCount} pages`;
  return {
    key,
    blocks: [
      ...head,
      { kind: 'heading', text: item.title },
      { kind: 'paragraph', runs: [{ text: `The report follows as published: ${filename} (${pages}).` }] },
    ],
    insertedPages: loaded.pageCount,
  };
}

async function itemPart(
  db: Kysely<Database>,
  meeting: DocumentMeetingRow,
  item: AgendaReportRow,
  audience: DocumentAudience,
  originals: Map<string, PDFDocument[]> | null,
): Promise<Part | null> {
  const key = `item-${item.number}`;
  const head: Block[] = [{ kind: 'paragraph', align: 'right', runs: [{ text: `Agenda Item ${item.number}`, bold: true }] }];
  if (item.exempt || item.report_exempt) {
    // Only the officers' pack gets here with papers: the public queries withhold exempt reports.
    head.push({
      kind: 'notice',
      text: `NOT FOR PUBLICATION: exempt information under ${exemptGround(item.exempt_paragraphs)} of the Local Government Act 1972`,
    });
  }
  if (item.report_id && (item.report_full_text || item.report_original_sha256)) return reportPart(db, key, head, item, originals);
  if (item.exempt && audience === 'public') return null;
  const reference = minutesReferenceOf(item);
  if (reference) {
    const id = await findMeetingIdByBodyName(db, {
      authorityId: meeting.authority_id,
      bodyName: reference.bodyName ?? meeting.body_name,
      date: reference.date,
    });
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

function selected(
  items: AgendaReportRow[],
  meeting: DocumentMeetingRow,
  selection: PackSelection,
): { items: AgendaReportRow[]; supplement?: Supplement } | undefined {
  const supplements = supplementsOf(
    meeting.agenda_published_at,
    items.map((item) => ({ number: item.number, addedAt: item.item_created_at })),
  );
  if (selection.kind === 'item') {
    const item = items.find((candidate) => candidate.number === selection.number);
    return item ? { items: [item] } : undefined;
  }
  if (selection.kind === 'supplement') {
    const supplement = supplements.find((candidate) => candidate.number === selection.number);
    return supplement ? { items: items.filter((item) => supplement.itemNumbers.includes(item.number)), supplement } : undefined;
  }
  const late = new Set(supplements.flatMap((supplement) => supplement.itemNumbers));
  return { items: items.filter((item) => !late.has(item.number)) };
}

/** The content of the selected document, or undefined when there is no such meeting, supplement or item. */
export async function agendaPackContent(db: Kysely<Database>, props: PackContentProps): Promise<AgendaPackContent | undefined> {
  const meeting = await findDocumentMeeting(db, props.meetingId);
  if (!meeting) return undefined;
  const choice = selected(await agendaWithReports(db, meeting.id, props.audience), meeting, props.selection);
  if (!choice) return undefined;
  const { items, supplement } = choice;
  const originals = new Map<string, PDFDocument[]>();
  const parts: Part[] = [];
  const packItems: AgendaPackItem[] = [];
  for (const item of items) {
    const part = await itemPart(db, meeting, item, props.audience, props.insertOriginals ? originals : null);
    if (part) parts.push(part);
    packItems.push({
      number: item.number,
      title: item.title,
      partKey: part?.key ?? null,
      printedPages: item.page_from === null ? null : `${item.page_from} - ${item.page_to ?? item.page_from}`,
      exempt: item.exempt,
    });
  }
  // One item's papers are a document only when there are papers to print.
  if (props.selection.kind === 'item' && parts.length === 0) return undefined;
  const restricted = props.audience === 'officers' ? ' (restricted: members and officers only, not for publication)' : '';
  const title =
    props.selection.kind === 'item'
      ? `Agenda item ${items[0]!.number}: ${items[0]!.title}. ${meeting.body_name}, ${formatDate(meeting.date)}`
      : `${supplement ? `Supplementary agenda pack ${supplement.number}` : 'Agenda pack'}: ${meeting.body_name}, ${formatDate(meeting.date)}`;
  return {
    meeting,
    items: packItems,
    originals,
    model: {
      title: `${title}${restricted}`,
      subject: `${supplement ? 'Supplementary agenda' : 'Summons to and agenda'} for the ${KIND_LABELS[meeting.kind]} of the ${meeting.body_name} on ${formatDate(meeting.date)}`,
      date: meeting.date,
      frontSheet: props.selection.kind === 'item' ? [] : frontSheet(meeting, props.audience, items, packItems, supplement),
      parts,
    },
  };
}
