/**
 * A members' dashboard's "Definitions & Explanations": each indicator's name, then "Definition:" and (usually)
 * "Impact:". The unit and which direction is better are read from the name: "Percentage of ... carried out within"
 * and "posts filled" are better higher, counts of cases "unallocated" or "out of timescale" better lower.
 */
import { plainText } from '../../segment.ts';
import type { IndicatorRecord } from './types.ts';

export function extractDashboard(lines: string[], lineFrom: number): IndicatorRecord[] {
  const indicators: IndicatorRecord[] = [];
  let lastHeading: { text: string; index: number } | undefined;
  let current: IndicatorRecord | undefined;
  for (let index = 0; index < lines.length; index++) {
    const text = plainText(lines[index]!).replace(/\*+/g, '').trim();
    if (text === '') continue;
    if (/^\S.*\bPerformance$/.test(text) && current) break;
    const definition = /^Definition:\s*(.+)$/i.exec(text);
    const impact = /^Impact:\s*(.+)$/i.exec(text);
    if (definition && lastHeading) {
      const name = lastHeading.text.replace(/\s*\*\s*\)/, ')').replace(/\s+/g, ' ');
      current = {
        name,
        definition: definition[1]!,
        ...classify(name),
        frequency: 'monthly',
        lineFrom: lineFrom + lastHeading.index,
        lineTo: lineFrom + index,
      };
      indicators.push(current);
      lastHeading = undefined;
    } else if (impact && current) {
      current.impact = impact[1]!;
      current.lineTo = lineFrom + index;
    } else if (text.length < 120 && !/[.:]$/.test(text) && !/^Please note/i.test(text)) {
      lastHeading = { text, index };
    }
  }
  return indicators;
}

function classify(name: string): Pick<IndicatorRecord, 'unit' | 'polarity'> {
  const percent = /^percentage\b|%/i.test(name);
  const higher = /\bwithin\b|\bfilled\b|\bon time\b/i.test(name);
  return { unit: percent ? 'percent' : 'count', polarity: higher ? 'higher-is-better' : 'lower-is-better' };
}
