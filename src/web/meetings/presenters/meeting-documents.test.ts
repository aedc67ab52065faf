import { describe, expect, it } from 'vitest';
import { linkTo } from '../../../http/routes.ts';
import type { MeetingDocumentsIndex } from '../../../services/documents/meeting-documents-index.ts';
import { presentMeetingDocuments } from './meeting-documents.ts';
import { withLanguage } from '../../../http/language.ts';

const index: MeetingDocumentsIndex = {
  meetingId: 'meeting-1',
  pack: true,
  supplements: [{ number: 1, publishedOn: '2011-10-03', itemNumbers: ['6'] }],
  items: [
    { number: '2', title: 'Highway maintenance plan', exempt: false },
    { number: '4', title: 'Land disposal', exempt: true },
  ],
  minutes: { status: 'Approved' },
};

describe('the links to a meeting’s documents', () => {
  it('lead the public to the public versions', () => {
    const view = presentMeetingDocuments(index, 'public');
    expect(view.packs.map((link) => [link.text, link.href])).toEqual([
      ['Agenda pack', linkTo('meeting.agendaPack.pdf', { id: 'meeting-1' })],
      ['Agenda pack', linkTo('meeting.agendaPack.docx', { id: 'meeting-1' })],
      ['Supplementary pack 1, published Monday 3 October 2011', linkTo('meeting.supplementaryPack.pdf', { id: 'meeting-1', number: 1 })],
    ]);
    expect(view.items[0]).toEqual({ text: 'Item 2: Highway maintenance plan', format: 'PDF', href: '/meetings/meeting-1/agenda-items/2.pdf' });
    expect(view.minutes.map((link) => [link.format, link.tag])).toEqual([
      ['PDF', 'Approved'],
      ['Word document', 'Approved'],
    ]);
  });

  it('lead the back office to the restricted versions, exempt papers tagged', () => {
    const view = presentMeetingDocuments({ ...index, minutes: { status: 'Draft' } }, 'restricted');
    expect(view.restricted).toBe(true);
    expect([...view.packs, ...view.items, ...view.minutes].every((link) => link.href.startsWith('/admin/meetings/meeting-1/'))).toBe(true);
    expect(view.items[1]).toMatchObject({ tag: 'Exempt', href: '/admin/meetings/meeting-1/restricted/agenda-items/4.pdf' });
    expect(view.minutes[0]!.tag).toBe('Draft');
  });

  it('read in Welsh on a Welsh page: words, dates and tags, the tag keeping its colour', () => {
    const view = withLanguage('cy', () => presentMeetingDocuments({ ...index, minutes: { status: 'Draft' } }, 'public'));
    expect(view.packs.map((link) => `${link.text} (${link.format})`)).toEqual([
      'Pecyn agenda (PDF)',
      'Pecyn agenda (Dogfen Word)',
      'Pecyn atodol 1, cyhoeddwyd Dydd Llun 3 Hydref 2011 (PDF)',
    ]);
    expect(view.items[1]).toMatchObject({ text: 'Eitem 4: Land disposal', tag: 'Eithriedig', tagClass: 'govuk-tag--red' });
    expect(view.minutes.map((link) => [link.text, link.tag, link.tagClass])).toEqual([
      ['Cofnodion', 'Drafft', 'govuk-tag--yellow'],
      ['Cofnodion', 'Drafft', 'govuk-tag--yellow'],
    ]);
  });

  it('say when and at which meeting the minutes were approved, in GOV.UK dates, in either language', () => {
    const approved: MeetingDocumentsIndex = {
      ...index,
      minutes: { status: 'Approved', approval: { approvedOn: '2026-04-01', meeting: { name: 'Cabinet', date: '2026-04-01' } } },
    };
    expect(presentMeetingDocuments(approved, 'public').minutes.map((link) => [link.tag, link.tagClass])).toEqual([
      ['Approved on 1 April 2026 at Cabinet, 1 April 2026', 'govuk-tag--green'],
      ['Approved on 1 April 2026 at Cabinet, 1 April 2026', 'govuk-tag--green'],
    ]);
    expect(withLanguage('cy', () => presentMeetingDocuments(approved, 'restricted')).minutes[0]!.tag).toBe(
      'Cymeradwywyd ar 1 Ebrill 2026 yng nghyfarfod Cabinet, 1 Ebrill 2026',
    );
    const meetingGone = { ...index, minutes: { status: 'Approved' as const, approval: { approvedOn: '2026-04-01', meeting: null } } };
    expect(presentMeetingDocuments(meetingGone, 'public').minutes[0]!.tag).toBe('Approved on 1 April 2026');
  });

  it('show nothing when there is nothing to download', () => {
    expect(presentMeetingDocuments({ ...index, pack: false, supplements: [], items: [], minutes: null }, 'public').any).toBe(false);
    expect(presentMeetingDocuments({ ...index, minutes: { status: null } }, 'public').minutes[0]!.tag).toBeUndefined();
    expect(presentMeetingDocuments(undefined, 'public').any).toBe(false);
  });
});
