/**
 * Which extracted records have little evidence behind them, so the review screen flags them "to check". Each rule
 * returns why, in words an officer can act on, or undefined when the record stands on what the paper printed.
 */

/** A name printed without initials or a given name ("Mr Cope") was matched to a person by family name alone. */
export function attendanceToCheck(entry: { printed_name: string; issueOnLines: boolean }): string | undefined {
  if (entry.issueOnLines) return 'The importer reported a problem on these lines.';
  const words = entry.printed_name
    .replace(/[(),.]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const honorific = /^(mr|mrs|ms|miss|dr|cllr|councillor|sir|dame|lady|lord|rev|prof)$/i;
  const named = words.filter((word) => !honorific.test(word));
  if (named.length < 2) return 'Only a family name was printed: check who this is.';
  return undefined;
}

/**
 * A recorded vote whose counts disagree with the names listed, or with no votes at all. Names may be absent (a
 * count in prose): then only an empty vote is doubtful.
 */
export function voteToCheck(event: {
  for_count: number;
  against_count: number;
  abstain_count: number;
  named_for: number;
  named_against: number;
  named_abstain: number;
}): string | undefined {
  const counted = event.for_count + event.against_count + event.abstain_count;
  const named = event.named_for + event.named_against + event.named_abstain;
  if (counted === 0) return 'No votes were counted.';
  if (named === 0) return undefined;
  const pairs: Array<[string, number, number]> = [
    ['for', event.for_count, event.named_for],
    ['against', event.against_count, event.named_against],
    ['abstaining', event.abstain_count, event.named_abstain],
  ];
  const disagree = pairs.filter(([, count, names]) => count !== names).map(([option, count, names]) => `${count} ${option} printed, ${names} named`);
  return disagree.length ? `The counts disagree with the names: ${disagree.join('; ')}.` : undefined;
}

/** Over this many lines a minute has probably swallowed the next one (a number the importer did not see). */
export const LONG_MINUTE_LINES = 120;

export function minuteToCheck(minute: {
  text: string;
  title: string;
  lineFrom: number | null;
  lineTo: number | null;
  issueOnLines: boolean;
}): string | undefined {
  if (minute.issueOnLines) return 'The importer reported a problem on these lines.';
  if (!minute.title.trim()) return 'No title was found.';
  if (!minute.text.trim()) return 'No text was found: was it joined to another minute?';
  if (minute.lineFrom !== null && minute.lineTo !== null && minute.lineTo - minute.lineFrom + 1 > LONG_MINUTE_LINES) {
    return `It runs over ${LONG_MINUTE_LINES} lines: check whether two minutes were run together.`;
  }
  return undefined;
}
