/**
 * The import review (issue 17 item 4): each imported paper's text, the officers' corrections of what was extracted
 * from it, and which papers they have checked. Never public: corrections and checks are back-office work, and a
 * paper's text includes what the published records leave out.
 */
import { day, id, json, text, texts } from '../fields.ts';
import type { ExportSection } from '../table-section.ts';

export const importReviewSection: ExportSection = {
  name: 'importReview',
  about: "Imported papers' text, officers' corrections of what was extracted from them, and the papers they checked.",
  publicRule: 'Left out.',
  tables: [
    {
      key: 'sourceTexts',
      table: 'source_text',
      about: "One imported paper's lines, as read; records' line numbers point into them.",
      fields: {
        id: id.describe('The paper (an entry in `sources`).'),
        lines: texts.describe('The lines, line 1 first.'),
      },
    },
    {
      key: 'corrections',
      table: 'import_correction',
      about: 'One correction of one extracted record, applied whenever the paper is imported.',
      json: ['value'],
      fields: {
        id,
        contentHash: text.describe('The paper: the SHA-256 of its bytes.'),
        bodyName: text.describe("The meeting's body, by name."),
        meetingDate: day,
        kind: text.describe('`person-link`, `vote-count`, `apology`, `minute-merge` or `minute-split`'),
        recordKey: text.describe('The record within the meeting: a printed name, a minute number, or minute#place of a vote.'),
        value: json.describe('What the record should say: `{personId}`, `{for, against, abstain}`, `{personId, printed}`, `{}` or `{line, number, title}`.'),
      },
    },
    {
      key: 'unrecognised',
      table: 'unrecognised_paper',
      about: 'A paper nothing was recognised in (not stored), with why.',
      fields: {
        id,
        contentHash: text.describe('The paper: the SHA-256 of its bytes.'),
        fileName: text,
        reason: text,
      },
    },
    {
      key: 'checks',
      table: 'paper_check',
      about: 'A paper whose extraction an officer has checked.',
      fields: {
        id,
        contentHash: text.describe('The paper: the SHA-256 of its bytes.'),
        checkedBy: text.describe('The account that checked it.'),
      },
    },
  ],
};
