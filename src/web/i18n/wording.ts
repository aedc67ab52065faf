/**
 * Words the domain leaves as codes and numbers, put together in the language of the request being served: lists
 * ("2 and 7", "2 a 7") and the exempt-information ground (Local Government Act 1972, Schedule 12A). The English is
 * word for word what src/domain/wording.ts writes into the council's own (English) documents.
 */
import { exemptParagraphs, joinList } from '../../domain/wording.ts';
import { currentLanguage, t, type Language } from './index.ts';

/**
 * Welsh joins with "ac" before a vowel sound and "a" otherwise, and a number is joined as it is read aloud. Both ways
 * of counting (traditional and decimal) begin 1, 8, 11 and 16 with a vowel ("un", "wyth", "un ar ddeg" / "un deg
 * un", "un ar bymtheg" / "un deg chwech"); where they disagree (12 "deuddeg" / "un deg dau") the plain "a" is kept.
 */
const WELSH_AC = new Set(['1', '8', '11', '16']);

/** [2, 7] -> "2 and 7" in English, "2 a 7" in Welsh; [1, 2, 8] -> "1, 2 ac 8". */
export function formatList(items: Array<string | number>, language: Language = currentLanguage()): string {
  if (language === 'en') return joinList(items);
  const texts = items.map(String);
  if (texts.length <= 1) return texts.join('');
  const last = texts[texts.length - 1]!;
  return `${texts.slice(0, -1).join(', ')} ${WELSH_AC.has(last) ? 'ac' : 'a'} ${last}`;
}

/** "Schedule 12A paragraphs 2 and 7", "Atodlen 12A, paragraffau 2 a 7": the ground, never the withheld content. */
export function exemptGroundText(paragraphs: number[]): string {
  const numbers = exemptParagraphs(paragraphs);
  if (numbers.length === 0) return t('exemptGround.none');
  return t(numbers.length === 1 ? 'exemptGround.one' : 'exemptGround.several', { paragraphs: formatList(numbers) });
}
