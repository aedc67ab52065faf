/**
 * The links to a meeting's documents (agenda pack, supplementary packs, each item's papers, minutes) for the partial
 * `_meeting-documents.njk`, on the public meeting page and in the back office. The public links lead to the public
 * versions; the back office's to the restricted ones, with exempt papers, and says so.
 */
import { formatDate } from '../../domain/dates.ts';
import { linkTo } from '../../http/routes.ts';
import type { MeetingDocumentsIndex } from '../../services/documents/meeting-documents-index.ts';

export interface DocumentLink {
  text: string;
  href: string;
  /** "PDF", "Word document" */
  format: string;
  /** "Draft", "Approved", "Exempt": shown as a tag beside the link. */
  tag?: string;
}

export interface MeetingDocumentsView {
  /** Restricted versions (back office): the heading says they hold exempt information. */
  restricted: boolean;
  packs: DocumentLink[];
  items: DocumentLink[];
  minutes: DocumentLink[];
  any: boolean;
}

export function presentMeetingDocuments(index: MeetingDocumentsIndex | undefined, audience: 'public' | 'restricted'): MeetingDocumentsView {
  const restricted = audience === 'restricted';
  if (!index) return { restricted, packs: [], items: [], minutes: [], any: false };
  const id = index.meetingId;
  const packs: DocumentLink[] = [];
  if (index.pack) {
    packs.push({ text: 'Agenda pack', format: 'PDF', href: linkTo(restricted ? 'admin.meeting.agendaPack.pdf' : 'meeting.agendaPack.pdf', { id }) });
    packs.push({
      text: 'Agenda pack',
      format: 'Word document',
      href: linkTo(restricted ? 'admin.meeting.agendaPack.docx' : 'meeting.agendaPack.docx', { id }),
    });
  }
  for (const supplement of index.supplements) {
    const params = { id, number: supplement.number };
    packs.push({
      text: `Supplementary pack ${supplement.number}, published ${formatDate(supplement.publishedOn)}`,
      format: 'PDF',
      href: linkTo(restricted ? 'admin.meeting.supplementaryPack.pdf' : 'meeting.supplementaryPack.pdf', params),
    });
  }
  const items = index.items.map(
    (item): DocumentLink => ({
      text: `Item ${item.number}: ${item.title}`,
      format: 'PDF',
      href: linkTo(restricted ? 'admin.meeting.itemPapers.pdf' : 'meeting.itemPapers.pdf', { id, number: item.number }),
      ...(item.exempt ? { tag: 'Exempt' } : {}),
    }),
  );
  const minutes: DocumentLink[] = [];
  if (index.minutes) {
    const tag = index.minutes.status ? { tag: index.minutes.status } : {};
    minutes.push({ text: 'Minutes', format: 'PDF', href: linkTo(restricted ? 'admin.meeting.minutes.pdf' : 'meeting.minutes.pdf', { id }), ...tag });
    minutes.push({
      text: 'Minutes',
      format: 'Word document',
      href: linkTo(restricted ? 'admin.meeting.minutes.docx' : 'meeting.minutes.docx', { id }),
      ...tag,
    });
  }
  return { restricted, packs, items, minutes, any: packs.length + items.length + minutes.length > 0 };
}
