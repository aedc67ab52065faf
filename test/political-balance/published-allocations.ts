/**
 * Councils' published allocations of committee seats, as figures only: group sizes, bodies and seats as the council
 * printed them, and the totals it published. Each names the council, the year and the document it came from. Every
 * body is given as an ordinary committee, as these councils counted them all towards the groups' totals.
 */
import type { CalculatorInput } from '../../src/domain/political-balance/calculator.ts';

export interface PublishedAllocation {
  council: string;
  year: string;
  document: string;
  /** How the figures were read, where the document itself does not give all of them. */
  provenance?: string;
  input: CalculatorInput;
  /** Seats per group (and "ungrouped") across all the bodies, as published. */
  totals: Record<string, number>;
  /**
   * Where the rules leave only one answer (the calculator flags no tie), each body's seats as the law gives them. They
   * can differ from the council's own figures for a body; provenance says where and why.
   */
  bodySeats?: Record<string, Record<string, number>>;
}

const committees = (bodies: Array<[string, number]>) => bodies.map(([name, seats]) => ({ name, seats, kind: 'committee' as const }));

const gwyneddBodies = committees([
  ['Education and Economy Scrutiny Committee', 18],
  ['Communities Scrutiny Committee', 18],
  ['Care Scrutiny Committee', 18],
  ['Governance and Audit Committee', 12],
  ['Democratic Services Committee', 15],
  ['Planning Committee', 15],
  ['Central/General Licensing Committee', 15],
  ['Language Committee', 15],
  ['Chief Officers Appointment Committee', 15],
  ['Employment Appeals Committee', 7],
  ['Pensions Committee', 7],
  ['Local Joint Consultative Committee', 11],
  ['SACRE', 7],
]);

const eastSussexBodies = (governance: number) =>
  committees([
    ['Regulatory Committee', 18],
    ['Planning Committee', 7],
    ['Governance Committee', governance],
    ['Standards Committee', 7],
    ['Pension Committee', 5],
    ['Audit Committee', 7],
    ['Health Overview and Scrutiny Committee', 7],
    ['People Scrutiny Committee', 11],
    ['Place Scrutiny Committee', 11],
  ]);

/**
 * Carmarthenshire 2012: each body with its seats and the law's figures for Plaid Cymru, Labour, Independent and
 * unaffiliated members (the first five are the scrutiny committees). Names shortened from the report.
 */
const carmarthenshireBodies: Array<[string, number, number, number, number, number]> = [
  ['Policy & Resources Scrutiny', 13, 5, 4, 4, 0],
  ['Environmental & Public Protection Scrutiny', 13, 5, 4, 4, 0],
  ['Community Scrutiny', 13, 5, 4, 4, 0],
  ['Education & Children Scrutiny', 13, 5, 4, 4, 0],
  ['Social Care & Health Scrutiny', 12, 4, 4, 3, 1],
  ['Appeals', 7, 3, 2, 2, 0],
  ['Appointments – Directors', 16, 6, 5, 4, 1],
  ['Appointments – Heads of Service', 9, 3, 3, 3, 0],
  ['Audit', 8, 3, 2, 2, 1],
  ['Democratic Services', 5, 2, 2, 1, 0],
  ['Housing Review Panel', 7, 3, 2, 2, 0],
  ['Investment Panel', 3, 1, 1, 1, 0],
  ['Licensing', 15, 6, 5, 4, 0],
  ['Members’ Appointments', 8, 3, 2, 2, 1],
  ['Planning', 18, 7, 6, 5, 0],
  ['Standards', 3, 1, 1, 1, 0],
];

export const PUBLISHED_ALLOCATIONS: PublishedAllocation[] = [
  {
    council: 'Cyngor Gwynedd (Gwynedd Council)',
    year: '2023',
    document: 'Annual review of the Council’s political balance, decision of 4 May 2023 (opengovernment.network/councils/gwynedd/decisions/23746)',
    provenance: 'Group sizes after the May 2022 election: Plaid Cymru 44, Independent 23, Labour 1 and Liberal Democrat 1 forming one group',
    input: {
      groups: [
        { name: 'Plaid Cymru', members: 44 },
        { name: 'Independent', members: 23 },
        { name: 'Labour Liberal', members: 2 },
      ],
      ungroupedMembers: 0,
      bodies: gwyneddBodies,
    },
    totals: { 'Plaid Cymru': 110, Independent: 58, 'Labour Liberal': 5 },
  },
  {
    council: 'Cyngor Gwynedd (Gwynedd Council)',
    year: '2024',
    document: 'Review of the Council’s political balance, decision of 7 March 2024 (democracy.gwynedd.llyw.cymru/mgDecisionDetails.aspx?IId=31531)',
    provenance: 'Group sizes from the Council’s page “Political structure”: Plaid Cymru 46, Independent 21, Liberal - Labour 2',
    input: {
      groups: [
        { name: 'Plaid Cymru', members: 46 },
        { name: 'Independent', members: 21 },
        { name: 'Labour Liberal', members: 2 },
      ],
      ungroupedMembers: 0,
      bodies: gwyneddBodies,
    },
    totals: { 'Plaid Cymru': 115, Independent: 53, 'Labour Liberal': 5 },
  },
  {
    council: 'East Sussex County Council',
    year: 'not printed in the appendix',
    document: 'Revised Appendix 1 of Agenda Item 7 – Report of the Governance Committee',
    provenance:
      'The appendix names no council; its committees (People, Place and Health Overview and Scrutiny; Regulatory; Pension) and its 50 members are East Sussex County Council’s. Three members are unaligned (no group).',
    input: {
      groups: [
        { name: 'Conservative', members: 23 },
        { name: 'Liberal Democrat', members: 12 },
        { name: 'Labour', members: 5 },
        { name: 'Green', members: 5 },
        { name: 'Independent Democrats', members: 2 },
      ],
      ungroupedMembers: 3,
      bodies: eastSussexBodies(6),
    },
    totals: { Conservative: 36, 'Liberal Democrat': 19, Labour: 8, Green: 8, 'Independent Democrats': 3, ungrouped: 5 },
  },
  {
    council: 'East Sussex County Council',
    year: 'not printed in the appendix (an earlier year than the revised appendix above)',
    document: 'Appendix 1 (allocation of 78 seats; Appendix 2 recommends allocations for committees of 3 to 12 seats)',
    provenance:
      'Same council by its committees. The appendix divides by 50, counting the vacancy; the 1989 Act counts the members for the time being (Sch.1 para 4), 49, under which the Conservatives’ 26 are a majority. The published totals are the ones the law gives with 49.',
    input: {
      groups: [
        { name: 'Conservative', members: 26 },
        { name: 'Liberal Democrat', members: 11 },
        { name: 'Labour', members: 5 },
        { name: 'Green', members: 4 },
        { name: 'Independent Democrat Group', members: 2 },
      ],
      ungroupedMembers: 1,
      vacancies: 1,
      bodies: eastSussexBodies(5),
    },
    totals: { Conservative: 44, 'Liberal Democrat': 17, Labour: 8, Green: 6, 'Independent Democrat Group': 3, ungrouped: 0 },
  },
  {
    council: 'Maidstone Borough Council',
    year: '2016',
    document: 'Allocation of Seats on Committees, Appendix A (meetings.maidstone.gov.uk/documents/s48532)',
    provenance:
      'The appendix prints the seats, not the group sizes. After the May 2016 elections (KentOnline, “Maidstone Borough Council election results 2016”): Conservative 25 − 2 = 23, Liberal Democrat 20 + 2 = 22, UKIP 2 + 1 = 3, Labour 2, so Independent 55 − 50 = 5; these give exactly the appendix’s “overall entitlement” row.',
    input: {
      groups: [
        { name: 'Conservative', members: 23 },
        { name: 'Liberal Democrat', members: 22 },
        { name: 'Independent', members: 5 },
        { name: 'UKIP', members: 3 },
        { name: 'Labour', members: 2 },
      ],
      ungroupedMembers: 0,
      bodies: committees([
        ['Policy and Resources', 15],
        ['Strategic Planning, Sustainability and Transportation', 9],
        ['Communities, Housing and Environment', 9],
        ['Heritage, Culture and Leisure', 9],
        ['Planning Committee', 13],
        ['Licensing Committee', 12],
        ['Employment Committee', 12],
        ['Joint Transportation Board', 9],
        ['Democracy Committee', 9],
        ['Audit, Governance and Standards Committee', 9],
        ['Planning Referrals Committee', 3],
        ['Urgency Committee', 5],
      ]),
    },
    totals: { Conservative: 48, 'Liberal Democrat': 46, Independent: 10, UKIP: 6, Labour: 4 },
  },
  {
    council: 'Carmarthenshire County Council (Cyngor Sir Gâr)',
    year: '2012',
    document:
      'Report 8 to the County Council on the political balance and composition of committees, after the May 2012 election (online.carmarthenshire.gov.uk/agendas/eng/COCO20120601/REP08.HTM)',
    provenance:
      'The report prints each body’s seats per group and two totals (scrutiny committees 64: Plaid Cymru 24, Labour 20, Independent 18, unaffiliated 2; other committees and panels 99: 38, 31, 28, 2), not the group sizes. ' +
      'After the 3 May 2012 election the council had 74 members: Plaid Cymru 28, Labour 23 and the Independent group 21 (ITV Wales, 15 May 2012, on the Labour–Independent coalition), so 2 unaffiliated members, the report’s fourth column (a local blog’s count of the results, cneifiwr-emlyn.blogspot.com, 7 May 2012, gives 20 Independents, 1 People First and 2 unaffiliated: the 21 and the report’s 2 unaffiliated fit if the People First member joined the group). ' +
      'The council shared the two pools separately; the law pools every ordinary committee (s.15(5)(c)), and its totals over the 163 seats are the sum of the report’s: 62, 51, 46 and 4. ' +
      'On four bodies the report’s figures are not the law’s (published Plaid/Labour/Independent/unaffiliated: Education & Children 5/4/3/1, Appointments – Directors 6/5/5/0, Audit 3/3/2/0, Housing Review Panel 3/1/2/1): the law gives each group the nearest whole number to its share (s.15(5)(d)) except the one Independent seat rule (c) takes away, on Appointments – Directors (share 4 20/37, the cut that costs least); no figure is tied.',
    input: {
      groups: [
        { name: 'Plaid Cymru', members: 28 },
        { name: 'Labour', members: 23 },
        { name: 'Independent', members: 21 },
      ],
      ungroupedMembers: 2,
      bodies: committees(carmarthenshireBodies.map(([name, seats]) => [name, seats])),
    },
    totals: { 'Plaid Cymru': 62, Labour: 51, Independent: 46, ungrouped: 4 },
    bodySeats: Object.fromEntries(
      carmarthenshireBodies.map(([name, , plaid, labour, independent, ungrouped]) => [
        name,
        { 'Plaid Cymru': plaid, Labour: labour, Independent: independent, ungrouped },
      ]),
    ),
  },
];
