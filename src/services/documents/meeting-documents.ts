/**
 * The generated papers of a meeting: the agenda pack and the minutes, as PDF or DOCX, for the public or for officers.
 * Read-only: the routes and any command line call these, and get back the bytes with a file name and content type.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PDFDocument } from 'pdf-lib';
import { findMinutesRecord, type DocumentAudience } from '../../db/queries/documents.ts';
import { agendaPackContent, type AgendaPackItem, type PackSelection } from './agenda-pack-content.ts';
import { assemblePack } from './pack-assembler.ts';
import { minutesBlocks, minutesTitle } from './minutes-content.ts';
import type { DocumentModel, PageRanges } from './model.ts';
import { writeDocx } from './docx-writer.ts';
import { writePdf } from './pdf-writer.ts';

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface GeneratedDocument {
  bytes: Buffer;
  /** A readable file name: "kent-county-council-2011-05-12-agenda-pack.pdf". */
  fileName: string;
  contentType: string;
  /** PDF only: the footer page numbers each part of the document takes. */
  pageRanges?: PageRanges;
}

export interface MeetingDocumentProps {
  meetingId: string;
  format: DocumentFormat;
  /** 'public' for anonymous users: exempt papers and minutes are left out. */
  audience: DocumentAudience;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function write(model: DocumentModel, format: DocumentFormat, fileStem: string, originals = new Map<string, PDFDocument[]>()): Promise<GeneratedDocument> {
  const fileName = `${fileStem}.${format}`;
  if (format === 'docx') return { bytes: await writeDocx(model), fileName, contentType: CONTENT_TYPES.docx };
  const pdf = await writePdf(model);
  const bytes = await assemblePack(pdf, originals);
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, contentType: CONTENT_TYPES.pdf, pageRanges: pdf.ranges };
}

function stemOf(selection: PackSelection): string {
  if (selection.kind === 'supplement') return `supplementary-agenda-pack-${selection.number}`;
  if (selection.kind === 'item') return `agenda-item-${slug(selection.number)}`;
  return 'agenda-pack';
}

/**
 * The agenda pack as published, a supplementary pack or one item's papers (PDF only for the last two), or undefined
 * when there is no such meeting, supplement or item with papers.
 */
export async function agendaPackDocument(
  db: Kysely<Database>,
  props: MeetingDocumentProps & { selection?: PackSelection },
): Promise<(GeneratedDocument & { items: AgendaPackItem[] }) | undefined> {
  const selection = props.selection ?? { kind: 'pack' };
  const content = await agendaPackContent(db, { meetingId: props.meetingId, audience: props.audience, selection, insertOriginals: props.format === 'pdf' });
  if (!content) return undefined;
  const stem = `${slug(content.meeting.body_name)}-${content.meeting.date}-${stemOf(selection)}${props.audience === 'officers' ? '-restricted' : ''}`;
  return { ...(await write(content.model, props.format, stem, content.originals)), items: content.items };
}

/** The minutes, or undefined when there is no such meeting or it has no minutes yet. */
export async function minutesDocument(db: Kysely<Database>, props: MeetingDocumentProps): Promise<GeneratedDocument | undefined> {
  const record = await findMinutesRecord(db, props.meetingId, props.audience);
  if (!record || record.minutes.length === 0) return undefined;
  const title = minutesTitle(record);
  const model: DocumentModel = {
    title: props.audience === 'officers' ? `${title} (includes exempt information, not for publication)` : title,
    subject: title,
    date: record.meeting.date,
    frontSheet: [],
    parts: [{ key: 'minutes', blocks: minutesBlocks(record) }],
  };
  const stem = `${slug(record.meeting.body_name)}-${record.meeting.date}-minutes${props.audience === 'officers' ? '-officers' : ''}`;
  return write(model, props.format, stem);
}
