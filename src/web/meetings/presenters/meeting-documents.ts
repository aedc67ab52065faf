/**
 * The links to a meeting's documents (agenda pack, supplementary packs, each item's papers, minutes) for the partial
 * `meetings/_meeting-documents.njk`, on the public meeting page and in the back office. The public links lead to the public
 * versions; the back office's to the restricted ones, with exempt papers, and says so.
 */
import { formatDate, formatShortDate } from '../../i18n/dates.ts';
import { t } from '../../i18n/index.ts';
import { linkTo } from '../../../http/routes.ts';
import type { MeetingDocumentsIndex } from '../../../services/documents/meeting-documents-index.ts';

export interface DocumentLink {
  text: string;
  href: string;
  /** "PDF", "Word document" */
  format: string;
  /** "Draft", "Approved", "Exempt" in the page's language: shown as a tag beside the link, coloured by tagClass. */
  tag?: string;
  tagClass?: string;
}

const TAG_CLASSES = { Exempt: 'govuk-tag--red', Draft: 'govuk-tag--yellow', Approved: 'govuk-tag--green' } as const;

/** A tag's words in the page's language, with its colour chosen by what it means (not by its words). */
function tagged(tag: keyof typeof TAG_CLASSES | null | undefined): Pick<DocumentLink, 'tag' | 'tagClass'> {
  return tag ? { tag: t(`meetingDocuments.tag${tag}`), tagClass: TAG_CLASSES[tag] } : {};
}

/**
 * The minutes' tag: "Draft", or "Approved on 1 April 2026 at Cabinet, 1 April 2026" (GOV.UK dates, no weekday),
 * saying when and where they were approved as a correct record (Local Government Act 1972, Schedule 12, paragraph
 * 41(1): signed at the same or the next suitable meeting).
 */
function minutesTag(minutes: NonNullable<MeetingDocumentsIndex['minutes']>): Pick<DocumentLink, 'tag' | 'tagClass'> {
  const approval = minutes.status === 'Approved' ? minutes.approval : undefined;
  if (!approval) return tagged(minutes.status);
  const date = formatShortDate(approval.approvedOn);
  const tag = approval.meeting
    ? t('meetingDocuments.approvedAt', { date, meeting: `${approval.meeting.name}, ${formatShortDate(approval.meeting.date)}` })
    : t('meetingDocuments.approvedOn', { date });
  return { tag, tagClass: TAG_CLASSES.Approved };
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
    packs.push({
      text: t('meetingDocuments.agendaPack'),
      format: 'PDF',
      href: linkTo(restricted ? 'admin.meeting.agendaPack.pdf' : 'meeting.agendaPack.pdf', { id }),
    });
    packs.push({
      text: t('meetingDocuments.agendaPack'),
      format: t('meetingDocuments.word'),
      href: linkTo(restricted ? 'admin.meeting.agendaPack.docx' : 'meeting.agendaPack.docx', { id }),
    });
  }
  for (const supplement of index.supplements) {
    const params = { id, number: supplement.number };
    packs.push({
      text: t('meetingDocuments.supplement', { number: supplement.number, date: formatDate(supplement.publishedOn) }),
      format: 'PDF',
      href: linkTo(restricted ? 'admin.meeting.supplementaryPack.pdf' : 'meeting.supplementaryPack.pdf', params),
    });
  }
  const items = index.items.map(
    (item): DocumentLink => ({
      text: `${t('meetingDocuments.item', { number: item.number })}: ${item.title}`,
      format: 'PDF',
      href: linkTo(restricted ? 'admin.meeting.itemPapers.pdf' : 'meeting.itemPapers.pdf', { id, number: item.number }),
      ...tagged(item.exempt ? 'Exempt' : null),
    }),
  );
  const minutes: DocumentLink[] = [];
  if (index.minutes) {
    const tag = minutesTag(index.minutes);
    minutes.push({ text: t('meeting.minutes'), format: 'PDF', href: linkTo(restricted ? 'admin.meeting.minutes.pdf' : 'meeting.minutes.pdf', { id }), ...tag });
    minutes.push({
      text: t('meeting.minutes'),
      format: t('meetingDocuments.word'),
      href: linkTo(restricted ? 'admin.meeting.minutes.docx' : 'meeting.minutes.docx', { id }),
      ...tag,
    });
  }
  return { restricted, packs, items, minutes, any: packs.length + items.length + minutes.length > 0 };
}
