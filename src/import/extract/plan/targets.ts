/**
 * Numeric targets inside requirement text: "Reducing the number of unallocated cases over 28 days to 200 or less,
 * the number of initial assessments out of timescale to 200, ... by August 2011" (IN 3) gives three targets with one
 * deadline; "reducing the vacancy rate of qualified social workers to 10%" (IN 9) gives one without.
 */
import type { RequirementRecord, TargetRecord } from './types.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const CLAUSE = /\b(?:the\s+)?(number|vacancy rate|percentage) of ([a-z0-9 ]+?) to (\d+(?:\.\d+)?)\s*(%)?(\s+or (?:less|below|more|above))?(?=[\s,;.]|$)/gi;
const DEADLINE = /\bby\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/i;

export function extractTargets(requirement: RequirementRecord): TargetRecord[] {
  const text = requirement.text.split('\n')[0]!;
  const deadline = DEADLINE.exec(text);
  const by = deadline ? `${deadline[2]}-${String(MONTHS.indexOf(deadline[1]!.toLowerCase()) + 1).padStart(2, '0')}` : undefined;
  const targets: TargetRecord[] = [];
  for (const match of text.matchAll(CLAUSE)) {
    // A deadline printed after this clause applies to it; "to 11% by March 2012 and to 13% over 2012-13" keeps the first.
    const after = text.slice((match.index ?? 0) + match[0].length);
    const ownDeadline = DEADLINE.exec(after.split(/;/)[0] ?? '');
    const explicit = match[5] ?? '';
    const verbs = [...text.slice(0, match.index ?? 0).matchAll(/\b(reduc|increas|improv|rais|narrow)\w*/gi)];
    const verb = verbs[verbs.length - 1]?.[1]?.toLowerCase();
    const orMore = explicit ? /more|above/i.test(explicit) : verb === 'increas' || verb === 'improv' || verb === 'rais';
    const kind = match[1]!.toLowerCase();
    targets.push({
      label: kind === 'number' ? match[2]!.trim() : `${kind} of ${match[2]!.trim()}`,
      requirementCode: requirement.code,
      value: Number(match[3]),
      comparison: orMore ? 'at-least' : 'at-most',
      lineFrom: requirement.lineFrom,
      lineTo: requirement.lineTo,
      ...(ownDeadline
        ? { deadline: `${ownDeadline[2]}-${String(MONTHS.indexOf(ownDeadline[1]!.toLowerCase()) + 1).padStart(2, '0')}` }
        : by
          ? { deadline: by }
          : {}),
    });
  }
  return targets;
}
