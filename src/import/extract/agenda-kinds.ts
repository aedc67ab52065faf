/**
 * What kind each agenda item is, and the notices of motion printed under it (recognise/notice-of-motion.ts), for
 * every meeting of a paper whichever layout gave its agenda. A part numbered under a notices-of-motion item
 * ("9(a)" under "9 Notices of Motion") is a notice too, with its own mover.
 */
import { agendaItemKind, noticesOfMotion } from '../recognise/notice-of-motion.ts';
import type { AgendaItemRecord, MeetingRecord, MotionRecord } from '../types.ts';

export function classifyAgendaItems(meetings: MeetingRecord[]): void {
  for (const meeting of meetings) {
    let heading: string | undefined;
    for (const item of meeting.agendaItems) {
      const underHeading =
        heading !== undefined && item.number !== heading && item.number.startsWith(heading) && /^[\s.(]/.test(item.number.slice(heading.length));
      const kind = underHeading ? 'notice_of_motion' : agendaItemKind(item.title);
      if (!underHeading) heading = kind === 'notice_of_motion' ? item.number : undefined;
      if (kind === 'item') continue;
      item.kind = kind;
      if (kind === 'notice_of_motion') {
        const motions = motionsOf(item, underHeading);
        if (motions.length > 0) item.motions = motions;
      }
    }
  }
}

function motionsOf(item: AgendaItemRecord, underHeading: boolean): MotionRecord[] {
  const lines = item.description ? item.description.split('\n') : [];
  // A part under the heading: its title is its first line ("by Councillor Ash"), not a heading to take words from.
  const found = noticesOfMotion(underHeading ? ['', item.title, ...lines] : [item.title, ...lines]);
  const last = Math.max(item.lineTo, item.lineFrom);
  return found.map((motion) => ({
    ...(motion.text ? { text: motion.text } : {}),
    ...(motion.mover ? { mover: motion.mover } : {}),
    ...(motion.seconder ? { seconder: motion.seconder } : {}),
    // The description's lines follow the title's; a layout that dropped lines keeps them within the item.
    lineFrom: Math.min(item.lineFrom + motion.from - (underHeading ? 1 : 0), last),
    lineTo: Math.min(item.lineFrom + motion.to - (underHeading ? 1 : 0), last),
  }));
}
