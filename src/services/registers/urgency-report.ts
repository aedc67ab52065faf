/**
 * The report to council on executive decisions taken under special urgency (regulation 19 of the 2012 Regulations
 * requires it at least yearly; most constitutions ask for it quarterly): one section per decision, with who took it
 * and when, why it could not wait, and the scrutiny chair's agreement. Written as DOCX and PDF by the same writers as
 * the agenda packs, from one layout-neutral model.
 */
import type { Kysely } from 'kysely';
import { specialUrgencyDecisions } from '../../db/repositories/registers/forward-plan.ts';
import type { Database } from '../../db/schema.ts';
import { writeDocx } from '../documents/docx-writer.ts';
import type { Block, DocumentModel } from '../documents/model.ts';
import { writePdf } from '../documents/pdf-writer.ts';
import { decisionMakerText } from './public-records.ts';

export interface Quarter {
  /** "2026-Q4" */
  label: string;
  from: string;
  to: string;
}

/** "2026-Q4" -> 1 October to 31 December 2026; undefined for anything else. */
export function parseQuarter(text: string): Quarter | undefined {
  const match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  const from = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const to = new Date(Date.UTC(year, quarter * 3, 0));
  return { label: text, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

export function quarterOf(date: string): Quarter {
  return parseQuarter(`${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`)!;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const longDate = (date: string) => LONG_DATE.format(new Date(`${date}T00:00:00Z`));

export type UrgentDecision = Awaited<ReturnType<typeof specialUrgencyDecisions>>[number];

export function urgencyReportModel(authorityName: string, quarter: Quarter, decisions: readonly UrgentDecision[]): DocumentModel {
  const count = decisions.length;
  const period = `${longDate(quarter.from)} to ${longDate(quarter.to)}`;
  const blocks: Block[] = [
    { kind: 'heading', text: 'Summary' },
    {
      kind: 'paragraph',
      runs: [
        {
          text: count
            ? `${count} executive ${count === 1 ? 'decision was' : 'decisions were'} taken under the special urgency procedure between ${period}.`
            : `No executive decision was taken under the special urgency procedure between ${period}.`,
        },
      ],
    },
    {
      kind: 'paragraph',
      runs: [
        {
          text: 'Regulation 11 of the Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012 allows a key decision without the notice that regulations 9 and 10 require only where the chair of the relevant overview and scrutiny committee agrees that it is urgent and cannot reasonably be deferred. Regulation 19 requires the executive to report such decisions to the council.',
        },
      ],
    },
  ];
  decisions.forEach(({ entry, record }, index) => {
    blocks.push({ kind: 'subheading', text: `(${String.fromCharCode(97 + (index % 26))}) ${entry.subject}` });
    blocks.push({
      kind: 'paragraph',
      runs: [
        { text: `Decision taken on ${longDate(record.decided_on)} by ${decisionMakerText(entry)} (forward plan reference ${entry.reference}):`, bold: true },
      ],
    });
    blocks.push({ kind: 'paragraph', runs: [{ text: record.decision }] });
    blocks.push({ kind: 'paragraph', runs: [{ text: 'Why it was urgent: ', bold: true }, { text: entry.urgency_reasons }] });
    if (entry.chair_name && entry.scrutiny_chair_agreed_on) {
      blocks.push({
        kind: 'paragraph',
        runs: [
          {
            text: `${entry.chair_name}, chair of the relevant overview and scrutiny committee, agreed on ${longDate(entry.scrutiny_chair_agreed_on)} that the decision was urgent and could not reasonably be deferred.`,
          },
        ],
      });
    }
  });
  blocks.push({ kind: 'heading', text: 'Recommendation' }, { kind: 'paragraph', runs: [{ text: 'The council is asked to note this report.' }] });
  return {
    title: `Executive decisions taken under special urgency, ${period}`,
    subject: `Special urgency decisions ${quarter.label}`,
    date: quarter.to,
    frontSheet: [],
    parts: [
      {
        key: 'report',
        blocks: [{ kind: 'title', lines: [authorityName, 'Report to the council', `Executive decisions taken under special urgency: ${period}`] }, ...blocks],
      },
    ],
  };
}

export async function urgencyReportDocument(db: Kysely<Database>, authorityName: string, quarter: Quarter, format: 'docx' | 'pdf'): Promise<Buffer> {
  const model = urgencyReportModel(authorityName, quarter, await specialUrgencyDecisions(db, quarter.from, quarter.to));
  return format === 'docx' ? writeDocx(model) : (await writePdf(model)).bytes;
}
