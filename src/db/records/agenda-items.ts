/** What a meeting's page and its documents show of each agenda item and its (joined) report. */
export const AGENDA_ITEM_COLUMNS = [
  'agenda_item.id',
  'agenda_item.number',
  'agenda_item.position',
  'agenda_item.title',
  'agenda_item.description',
  'agenda_item.page_from',
  'agenda_item.page_to',
  'agenda_item.exempt',
  'agenda_item.exempt_paragraphs',
  'report.id as report_id',
  'report.subject as report_subject',
] as const;
