/**
 * The agenda as the minutes record it. An imported meeting often has its minutes but not its agenda, and each minute
 * cites the agenda item it dealt with ("(Item 5)"). Those citations, with the minutes' titles, are an honest and
 * useful list of what the meeting took; the page labels it as taken from the minutes, never as the published agenda.
 */
export interface MinuteCitation {
  /** The agenda item number the minute cites: "5", "5a", "12(b)". */
  agendaItem: string;
  /** The minute's own number, for a link to it. */
  number: string;
  title: string;
}

/** One entry per cited agenda item (the first minute citing it), in the agenda's order: 2, 5a, 5b, 10. */
export function agendaFromMinutes(minutes: MinuteCitation[]): MinuteCitation[] {
  const seen = new Map<string, MinuteCitation>();
  for (const minute of minutes) {
    const key = minute.agendaItem.trim().toLowerCase();
    if (key && !seen.has(key)) seen.set(key, { ...minute, agendaItem: minute.agendaItem.trim() });
  }
  return [...seen.values()].sort((a, b) => a.agendaItem.localeCompare(b.agendaItem, 'en-GB', { numeric: true, sensitivity: 'base' }));
}
