/**
 * A call-in as the Cabinet Scrutiny Committee prints it: the item's title and meeting date, "Cabinet portfolio:",
 * "Synopsis:", "Reason for call-in:" with lettered points, then "Recommendations and responses:" where each numbered
 * recommendation is followed by the response, the officers named to act, and "Date of response:".
 */
import type { Segment } from '../../types.ts';
import { plainText } from '../../segment.ts';
import { findLongDates, parseLongDate } from '../dates.ts';
import { ownersIn } from './owners.ts';
import type { CallInPointRecord, CallInRecord, RecommendationRecord, ResponseRecord } from './types.ts';

const PORTFOLIO = /^(?:Cabinet\s+)?portfolio:\s*(.*)$/i;
const SYNOPSIS = /^Synopsis:\s*(.*)$/i;
const REASON = /^Reason for call-in:\s*(.*)$/i;
const RECOMMENDATIONS = /^Recommendations and responses:?$/i;
const NUMBERED = /^(\d{1,2})\.\s+(.+)$/;
const POINT = /^\(?([a-z])\)\s+(.+)$/;
const RESPONSE_DATE = /^Date of response:\s*(.+)$/i;
const EXECUTIVE_RESPONSE = /^Cabinet Member['’]s Response:?$/i;
const BULLET = /^[-•]\s+/;

interface Line {
  line: number;
  text: string;
}

/** A line as text: markdown emphasis removed, a leading list dash kept apart so bullets can still be told. */
function readLines(segment: Segment): Line[] {
  return segment.lines.map((raw, index) => ({ line: segment.lineFrom + index, text: plainText(raw) }));
}

function unbullet(text: string): string {
  return text.replace(BULLET, '').trim();
}

export function extractCallIn(segment: Segment, committee: string): CallInRecord {
  const lines = readLines(segment);
  const portfolioAt = lines.findIndex((entry) => PORTFOLIO.test(entry.text));
  if (portfolioAt < 0) throw new Error('no "Cabinet portfolio:" line');

  const titleText = lines
    .slice(0, portfolioAt)
    .map((entry) => entry.text)
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const dated = findLongDates(titleText).find((match) => titleText[match.index - 1] === '(');
  if (!dated) throw new Error(`the call-in title "${titleText}" gives no meeting date in brackets`);
  const title = titleText.slice(0, dated.index - 1).trim();
  const subtitle = titleText
    .slice(dated.index + dated.text.length)
    .replace(/^\)\s*/, '')
    .replace(/^\(|\)$/g, '')
    .trim();

  const portfolio = PORTFOLIO.exec(lines[portfolioAt]!.text)![1]!.trim();
  const recommendationsAt = lines.findIndex((entry) => RECOMMENDATIONS.test(entry.text));
  if (recommendationsAt < 0) throw new Error('no "Recommendations and responses:" heading');
  // The synopsis and the reason come before the recommendations; a "Synopsis:" printed after them is not this one's.
  const before = (pattern: RegExp) => lines.slice(0, recommendationsAt).findIndex((entry) => pattern.test(entry.text));
  const synopsisAt = before(SYNOPSIS);
  const reasonAt = before(REASON);

  const section = (from: number, to: number) =>
    lines
      .slice(from, to)
      .map((entry) => entry.text)
      .filter(Boolean);
  let synopsis: string | undefined;
  if (synopsisAt >= 0) {
    const [first, ...rest] = section(synopsisAt, reasonAt > synopsisAt ? reasonAt : recommendationsAt);
    synopsis = [SYNOPSIS.exec(first!)![1]!, ...rest.map(unbullet)].filter(Boolean).join('\n');
  }
  let reason: string | undefined;
  const points: CallInPointRecord[] = [];
  if (reasonAt >= 0) {
    const [first, ...rest] = section(reasonAt, recommendationsAt);
    const intro = [REASON.exec(first!)![1]!];
    for (const text of rest) {
      const point = POINT.exec(unbullet(text));
      if (point) points.push({ letter: point[1]!, text: point[2]!.trim() });
      else if (points.length) points[points.length - 1]!.text += ` ${unbullet(text)}`;
      else intro.push(unbullet(text));
    }
    reason = intro.filter(Boolean).join('\n');
  }

  const { recommendations, executiveResponse } = readRecommendations(lines.slice(recommendationsAt + 1));
  const witnesses = witnessesIn(recommendations[0]?.text);
  return {
    title,
    ...(subtitle ? { subtitle } : {}),
    meetingDate: dated.iso,
    committee,
    ...(portfolio ? { portfolio } : {}),
    ...(synopsis ? { synopsis } : {}),
    ...(reason ? { reason } : {}),
    points,
    witnesses,
    recommendations,
    ...(executiveResponse ? { executiveResponse } : {}),
    lineFrom: segment.lineFrom,
    lineTo: segment.lineTo,
  };
}

/** "Thank Mrs Whittle, Mr Ireland and Mr Brightwell for attending …" -> the three names as printed. */
export function witnessesIn(text: string | undefined): string[] {
  const match = text ? /^Thank\s+(.+?)\s+for attending\b/i.exec(text) : null;
  if (!match) return [];
  return match[1]!
    .split(/,\s*|\s+and\s+/)
    .map((name) => name.trim())
    .filter(Boolean);
}

function readRecommendations(lines: Line[]): { recommendations: RecommendationRecord[]; executiveResponse?: { text: string; date?: string } } {
  const recommendations: RecommendationRecord[] = [];
  const paragraphs = lines.filter((entry) => entry.text !== '');
  let current: RecommendationRecord | undefined;
  let response: ResponseRecord | undefined;
  /** Still reading the recommendation's own words (a list it introduces, a sentence wrapped onto the next line). */
  let inText = false;
  let listedInText = false;
  let context: string | undefined;
  let executive: { text: string; date?: string; lineTo: number } | undefined;
  let inExecutive = false;
  const undated: Array<{ date?: string }> = [];

  paragraphs.forEach((entry, index) => {
    const text = entry.text;
    const numbered = NUMBERED.exec(unbullet(text));
    const expected = (current?.number ?? 0) + 1;
    if (numbered && Number(numbered[1]) === expected) {
      current = {
        number: expected,
        text: numbered[2]!.trim(),
        ...(context ? { context } : {}),
        responses: [],
        owners: [],
        lineFrom: entry.line,
        lineTo: entry.line,
      };
      recommendations.push(current);
      response = undefined;
      inText = true;
      listedInText = false;
      inExecutive = false;
      return;
    }
    const dated = RESPONSE_DATE.exec(text);
    if (dated) {
      const date = parseLongDate(dated[1]!);
      if (date) for (const open of undated.splice(0)) open.date = date;
      response = undefined;
      inExecutive = false;
      return;
    }
    if (EXECUTIVE_RESPONSE.test(text)) {
      executive = { text: '', lineTo: entry.line };
      undated.push(executive);
      inExecutive = true;
      inText = false;
      return;
    }
    if (inExecutive && executive) {
      executive.text = [executive.text, text].filter(Boolean).join('\n\n');
      executive.lineTo = entry.line;
      return;
    }
    const next = paragraphs[index + 1];
    const nextNumbered = next ? NUMBERED.exec(unbullet(next.text)) : null;
    if (text.endsWith(':') && nextNumbered && Number(nextNumbered[1]) === expected) {
      // A heading over the recommendations that follow, not a response to the one before.
      context = text.replace(/:$/, '').trim();
      inText = false;
      return;
    }
    if (!current) return;
    const bullet = BULLET.test(text);
    const continues = inText && ((bullet && (current.text.endsWith(':') || listedInText)) || /^[a-z]/.test(unbullet(text)));
    if (continues) {
      current.text += bullet ? `\n${unbullet(text)}` : ` ${text}`;
      current.lineTo = entry.line;
      listedInText ||= bullet;
      return;
    }
    inText = false;
    if (!response) {
      response = { text: unbullet(text), lineFrom: entry.line, lineTo: entry.line };
      current.responses.push(response);
      undated.push(response);
    } else {
      response.text += `\n\n${unbullet(text)}`;
      response.lineTo = entry.line;
    }
  });

  for (const recommendation of recommendations) {
    recommendation.owners = recommendation.responses.flatMap((r) => ownersIn(r.text));
    recommendation.lineTo = Math.max(recommendation.lineTo, ...recommendation.responses.map((r) => r.lineTo));
  }
  return {
    recommendations,
    ...(executive ? { executiveResponse: { text: executive.text, ...(executive.date ? { date: executive.date } : {}) } } : {}),
  };
}
