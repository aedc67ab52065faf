import { describe, expect, it } from 'vitest';
import { AGENDA_ITEM_KIND_KEYWORD, agendaItemKindOfKeywords } from './agenda-item-kind.ts';

describe('agenda item kinds as OParl keywords', () => {
  it('reads back the kind each keyword was written for', () => {
    for (const [kind, keyword] of Object.entries(AGENDA_ITEM_KIND_KEYWORD)) expect(agendaItemKindOfKeywords([keyword])).toBe(kind);
  });

  it('takes the first keyword that names a kind, whatever its case, and an ordinary item otherwise', () => {
    expect(agendaItemKindOfKeywords(['budget', ' Notice of Motion '])).toBe('notice_of_motion');
    expect(agendaItemKindOfKeywords(['budget'])).toBe('item');
    expect(agendaItemKindOfKeywords(undefined)).toBe('item');
  });
});
