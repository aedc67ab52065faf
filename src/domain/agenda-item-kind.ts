/**
 * What an agenda item is, where a council's procedure rules treat it differently from ordinary business: a notice of
 * motion (a member's motion given in writing before the meeting, moved when the item is reached), a question by a
 * member, a petition. Everything else is an `item`. A small checked set (migration 20261208_0301): the importer
 * recognises the first three from the agenda's own words, and an officer may set any of them.
 */
export const AGENDA_ITEM_KINDS = ['item', 'notice_of_motion', 'question', 'petition'] as const;

export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const isAgendaItemKind = (value: string): value is AgendaItemKind => (AGENDA_ITEM_KINDS as readonly string[]).includes(value);

/** The OParl `keyword` of an item that is not ordinary business (OParl 1.1 has no field for the kind). */
export const AGENDA_ITEM_KIND_KEYWORD: Readonly<Record<Exclude<AgendaItemKind, 'item'>, string>> = {
  notice_of_motion: 'notice of motion',
  question: 'question',
  petition: 'petition',
};

/** The kind an OParl agenda item's keywords name (the first that names one), else an ordinary `item`. */
export function agendaItemKindOfKeywords(keywords: readonly string[] | undefined): AgendaItemKind {
  for (const keyword of keywords ?? []) {
    const found = (Object.keys(AGENDA_ITEM_KIND_KEYWORD) as Array<keyof typeof AGENDA_ITEM_KIND_KEYWORD>).find(
      (kind) => AGENDA_ITEM_KIND_KEYWORD[kind] === keyword.trim().toLowerCase(),
    );
    if (found) return found;
  }
  return 'item';
}
