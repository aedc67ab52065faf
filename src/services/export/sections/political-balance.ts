/**
 * Political balance (docs/political-balance.md): the seats of each body and whether the rules apply (s.15 Local
 * Government and Housing Act 1989), and agreements to depart from them (s.17). Council decisions: all public.
 */
import { bool, day, id, int, text } from '../fields.ts';
import type { ExportSection } from '../table-section.ts';

export const politicalBalanceSection: ExportSection = {
  name: 'politicalBalance',
  about: 'Seats to allocate between political groups, and agreed departures from the rules (docs/political-balance.md).',
  publicRule: 'Everything (decisions of the council).',
  publicRows: (rows) => rows,
  tables: [
    {
      key: 'bodies',
      table: 'balance_body',
      about: "A body's balance settings; `id` is the body's.",
      fields: { id, seats: int, rulesApply: bool, kind: text.describe('What Schedule 1 makes of it, e.g. `committee`, `joint-committee`, `outside-body`.') },
    },
    {
      key: 'agreements',
      table: 'balance_agreement',
      about: 'A seat held by agreement outside the rules, and when it ended.',
      fields: {
        id,
        bodyId: id,
        groupId: id,
        personId: id,
        agreedOn: day,
        meetingId: id.nullable(),
        note: text,
        endedOn: day.nullable(),
        votesFor: int.nullable().describe("The council's vote on the departure (s.17: none may vote against); null if not kept."),
        votesAgainst: int.nullable(),
        votesAbstained: int.nullable(),
      },
    },
  ],
};
