/**
 * A paper that says which meeting agreed it, as a scheme or policy page does:
 *
 *   The scheme was last agreed by the Council at its meeting of 3 March 2031 (see item 9 - Report of the Panel).
 *   ... adopted by the Harbour Board at its meeting held on 4 May 2027 ...
 *
 * gives that meeting (body and date) and, when printed, the agenda item that carried it. Pure and linear.
 */
import type { AgendaItemRecord } from '../types.ts';
import { matchLongDate } from '../extract/dates.ts';

export interface AgreeingMeeting {
  bodyName: string;
  date: string;
  item?: Pick<AgendaItemRecord, 'number' | 'title'>;
  /** 0-based index of the line that says it. */
  index: number;
}

const AGREED_BY =
  /\b(?:[Aa]greed|[Aa]pproved|[Aa]dopted)\s+by\s+(?:the\s+)?((?:[A-Z][\w'’&-]*\s+){0,5}?(?:Council|Committee|Cabinet|Board|Panel|Executive|Assembly))\s+(?:at|on)\s+its\s+meeting\s+(?:of|on|held\s+on)\s+/;
const SEE_ITEM = /^[^()]{0,40}\(\s*see\s+(?:agenda\s+)?item\s+(?:no\.?\s*)?([A-Z]?\d{1,3}[a-z]?)\s*[-–—:]\s*([^()]{3,200})\)/i;

export function agreeingMeeting(lines: string[]): AgreeingMeeting | undefined {
  for (const [index, line] of lines.entries()) {
    const agreed = AGREED_BY.exec(line);
    if (!agreed) continue;
    const after = line.slice(agreed.index + agreed[0].length);
    const date = matchLongDate(after);
    if (!date || date.index !== 0) continue;
    const item = SEE_ITEM.exec(after.slice(date.text.length));
    return {
      bodyName: agreed[1]!.trim(),
      date: date.iso,
      ...(item ? { item: { number: item[1]!, title: item[2]!.trim().replace(/[.;,]+$/, '') } } : {}),
      index,
    };
  }
  return undefined;
}
