/** Links to portal records, built from the route table with friendly slugs (see ../../portal/slugs.ts). */
import { linkTo } from '../../../http/routes.ts';
import { meetingSlug, recordSlug } from '../slugs.ts';

export function meetingHref(meeting: { id: string; date: string; body_slug?: string | null }): string {
  return linkTo('meeting.show', { id: meeting.body_slug ? meetingSlug(meeting.date, meeting.body_slug) : meeting.id });
}

export function personHref(id: string, name: string): string {
  return linkTo('person.show', { id: recordSlug(id, name) });
}

export function reportHref(id: string, subject: string): string {
  return linkTo('report.show', { id: recordSlug(id, subject) });
}

export function decisionHref(id: string, subject: string): string {
  return linkTo('decision.show', { id: recordSlug(id, subject) });
}

export function committeeHref(slug: string): string {
  return linkTo('committee.show', { slug });
}

/** Anchors on the meeting page, shared by the page and every link into it. */
export function agendaItemAnchor(number: string): string {
  return `agenda-item-${number.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export function minuteAnchor(number: string): string {
  return `minute-${number.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
