/**
 * The status of a plan action as a paper states it ("Two actions ... have been completed", "Status: On track",
 * "One action remains outstanding"). Plans print many words for few states; Quorum keeps a small checked set (the
 * database's check constraint holds the same list) and the printed words stay in the source lines. A RAG rating is
 * a different thing (a judgement of progress, kept on progress updates): "complete" is not "green".
 */

export const ACTION_STATUSES = ['completed', 'in-progress', 'outstanding', 'not-started', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Printed words for each status, tried in this order ("not complete" before "complete"). */
const WORDS: ReadonlyArray<[RegExp, ActionStatus]> = [
  [/^(?:not\s+(?:yet\s+)?started|not\s+begun|yet\s+to\s+start)$/, 'not-started'],
  [
    /^(?:not\s+(?:yet\s+)?(?:complete|completed|achieved|done|delivered)|incomplete|outstanding|overdue|delayed|behind(?:\s+schedule)?|off\s+track|slipped)$/,
    'outstanding',
  ],
  [/^(?:complete|completed|done|achieved|delivered|closed|implemented|met|finished)$/, 'completed'],
  [/^(?:in\s+progress|ongoing|on\s+(?:track|target|schedule)|under\s*way|started|progressing)$/, 'in-progress'],
  [/^(?:cancelled|canceled|withdrawn|deleted|no\s+longer\s+required|superseded|discontinued|dropped)$/, 'cancelled'],
];

/** "Completed", "on track", "Not yet started." -> the status; words that name no status -> undefined. */
export function actionStatusOf(printed: string): ActionStatus | undefined {
  const words = printed
    .toLowerCase()
    .replace(/[^a-z\s-]+/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:now|been|fully|largely|substantially)\s+/, '');
  for (const [pattern, status] of WORDS) if (pattern.test(words)) return status;
  return undefined;
}
