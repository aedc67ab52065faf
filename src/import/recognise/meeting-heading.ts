/**
 * Recogniser: the heading that names a meeting, in the forms web systems and councils print it:
 *   "Planning Committee - Thursday, 2nd August, 2018 7.30 pm"   (ModernGov page header)
 *   "Licensing Panel, Tuesday, 3rd March, 2020 10.00 am"
 *   "Annual Meeting, Full Council - Wednesday, 5th May, 2021 7.00 pm"   (the kind of meeting first)
 *   "Audit Committee" then, on the next line, "Monday, 16th March, 2020 6.00 pm"
 *   "Meeting: 23/07/2024 - Finance Committee (Item 7)"   (ModernGov issue history)
 * Pure and linear: each line is tried once against anchored patterns.
 */
import { findDates, parseTime, TIME_SOURCE } from '../extract/minutes-dates.ts';
import type { MeetingKind } from '../types.ts';

export interface MeetingHeading {
  bodyName: string;
  date: string;
  startTime?: string;
  kind?: MeetingKind;
  /** "(Item 7)" of a ModernGov issue page: the agenda item the page is about. */
  itemNumber?: string;
  /** 1-based line numbers of the heading. */
  lineFrom: number;
  lineTo: number;
}

const KIND_WORDS = /\b(annual|extraordinary|special|ordinary|budget|reconvened|adjourned)\b/i;
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
/** A body's name: a few words, starting with a capital, no sentence punctuation. */
const BODY = /^(?:The\s+)?[A-Z][\w'’&,()\- ]{1,100}$/u;

function kindOf(words: string): MeetingKind | undefined {
  const word = KIND_WORDS.exec(words)?.[1]?.toLowerCase();
  if (word === 'annual' || word === 'extraordinary' || word === 'special' || word === 'ordinary') return word;
  return undefined;
}

/** "Annual Meeting, Full Council" -> the body after the kind of meeting; else the whole name. */
function splitBody(text: string): { bodyName: string; kind?: MeetingKind } | undefined {
  // "Date: Monday 3 May 2021" is a labelled field, not a body and its date.
  if (/:\s*$/.test(text)) return undefined;
  // "Harbour Board Agenda - 4 May 2021": the page's kind printed after the body's name.
  const name = text
    .replace(/[\s,\-–—:]+$/, '')
    .replace(/^[\s\-–—:]+/, '')
    .replace(/\s+(?:Agenda(?:\s+and\s+(?:draft\s+)?minutes)?|Minutes)$/i, '')
    .trim();
  if (!name || !BODY.test(name) || name.length > 100) return undefined;
  const comma = name.lastIndexOf(', ');
  if (comma > 0) {
    const before = name.slice(0, comma);
    const after = name.slice(comma + 2);
    if (KIND_WORDS.test(before) || /\bmeeting\b/i.test(before)) {
      const kind = kindOf(before);
      return { bodyName: after, ...(kind ? { kind } : {}) };
    }
  }
  if (/\bminutes\b|\bagenda\b/i.test(name)) return undefined;
  return { bodyName: name };
}

/** A date (with optional weekday) and an optional time, and nothing else of substance. */
function dateAndTime(text: string): { date: string; startTime?: string; before: string } | undefined {
  const dates = findDates(text);
  const date = dates[0];
  if (!date) return undefined;
  let before = text.slice(0, date.index);
  const weekday = /(?:^|[\s,\-–—])((?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s*$/i.exec(before);
  if (weekday) before = before.slice(0, weekday.index + (weekday[0].length - weekday[0].trimStart().length));
  const after = text.slice(date.index + date.length).trim();
  const time = new RegExp(`^,?\\s*(?:at\\s+)?(${TIME_SOURCE})`, 'i').exec(after);
  const rest = time ? after.slice(time[0].length).trim() : after;
  // A web page's header may end with a link of the site's chrome ("... 13:30 Help").
  if (rest.length > 0 && !/^[(\[]/.test(rest) && !/^(?:Help|Print|Share|Back)$/i.test(rest)) return undefined;
  const startTime = time ? parseTime(time[1]!) : undefined;
  return { date: date.iso, before, ...(startTime ? { startTime } : {}) };
}

/** One line naming a meeting: "Body - Weekday, date time", "Kind, Body, Weekday, date time". */
export function readHeadingLine(line: string): Omit<MeetingHeading, 'lineFrom' | 'lineTo'> | undefined {
  const text = line.trim();
  if (!text || text.length > 200) return undefined;
  const found = dateAndTime(text);
  if (!found) return undefined;
  const prefix = found.before.trim();
  if (!prefix) return undefined;
  const body = /[-–—,]\s*$/.test(found.before) || WEEKDAY.test(text.slice(prefix.length).trim()) ? splitBody(prefix) : undefined;
  return body ? { ...body, date: found.date, ...(found.startTime ? { startTime: found.startTime } : {}) } : undefined;
}

/** Finds the first meeting heading in the lines (read as plain text, trimmed). */
export function findMeetingHeading(lines: string[], firstLine = 1, limit = 60): MeetingHeading | undefined {
  const count = Math.min(lines.length, limit);
  for (let index = 0; index < count; index++) {
    const text = lines[index]!.trim();
    if (!text || text.length > 200) continue;
    // "Meeting: 23/07/2024 - Finance Committee (Item 7)"
    const issue = /^Meeting:\s*(.+?)\s+[-–—]\s+(.+?)(?:\s*\((?:Item|Agenda Item)\s*([A-Z]?\d+[a-z]?)\))?\s*$/i.exec(text);
    if (issue) {
      const date = findDates(issue[1]!)[0];
      const body = splitBody(issue[2]!);
      if (date && body) {
        return { ...body, date: date.iso, ...(issue[3] ? { itemNumber: issue[3] } : {}), lineFrom: firstLine + index, lineTo: firstLine + index };
      }
    }
    const found = dateAndTime(text);
    if (found) {
      const prefix = found.before.trim();
      if (prefix) {
        // "Body - date" / "Body, date" on one line.
        const body = /[-–—,]\s*$/.test(found.before) || WEEKDAY.test(text.slice(prefix.length).trim()) ? splitBody(prefix) : undefined;
        if (body)
          return {
            ...body,
            date: found.date,
            ...(found.startTime ? { startTime: found.startTime } : {}),
            lineFrom: firstLine + index,
            lineTo: firstLine + index,
          };
        continue;
      }
      // The date alone: the body is the line above (blank lines between allowed).
      for (let back = index - 1; back >= Math.max(0, index - 2); back--) {
        const above = lines[back]!.trim();
        if (!above) continue;
        const body = splitBody(above);
        if (body && !findDates(above).length) {
          return {
            ...body,
            date: found.date,
            ...(found.startTime ? { startTime: found.startTime } : {}),
            lineFrom: firstLine + back,
            lineTo: firstLine + index,
          };
        }
        break;
      }
    }
  }
  return undefined;
}
