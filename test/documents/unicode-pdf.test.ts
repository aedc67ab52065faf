/**
 * Generated PDFs in any language, readable by assistive technology (issue 19 item 7): names in Welsh, Irish and
 * Polish keep every letter (read back with pdfjs), and the file is tagged: marked, a structure tree of headings,
 * paragraphs, lists and tables, its language and its title shown.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../src/services/documents/model.ts';
import { writePdf } from '../../src/services/documents/pdf-writer.ts';
import { pdfPages } from './read-back.ts';

const NAMES = ['Siân Ŵyn ap Dafydd', 'Llŷr Gruffydd', 'Seán Ó Súilleabháin', 'Michał Łukasz Żółkiewski', 'Zoë Brontë-Šimić'];

const model: DocumentModel = {
  title: 'Cyngor Sir: Pwyllgor Craffu',
  subject: 'Agenda',
  date: '2026-03-04',
  frontSheet: [{ kind: 'title', lines: ['Pwyllgor Craffu', 'Dydd Mercher, 4 Mawrth 2026'] }],
  parts: [
    {
      key: 'agenda',
      blocks: [
        { kind: 'heading', text: 'Agenda' },
        { kind: 'paragraph', runs: [{ text: 'Membership: ' }, { text: NAMES.join(', '), bold: true }] },
        ...NAMES.map((text) => ({ kind: 'bullet' as const, text })),
        { kind: 'agenda-entry', number: '1', title: 'Apologies – Ymddiheuriadau ≥ 2 → “quoted”', description: null, pages: null, exemptLabel: null },
        {
          kind: 'page-comparison',
          heading: 'Pages',
          intro: 'Where each item is printed.',
          rows: [{ number: '1', title: 'Cofnodion', pages: null, printed: '1 - 2' }],
        },
      ],
    },
  ],
};

describe('a generated PDF', () => {
  it('keeps every letter of Welsh, Irish and Polish names, and the symbols', async () => {
    const { bytes } = await writePdf(model);
    const text = (await pdfPages(bytes)).join('\n');
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain('Pwyllgor Craffu');
    expect(text).toContain('Apologies – Ymddiheuriadau ≥ 2 → “quoted”');
  });

  it('is tagged: marked content, a structure tree with headings, lists and tables, its language and title', async () => {
    const { bytes } = await writePdf(model);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: VerbosityLevel.ERRORS });
    const pdf = await task.promise;
    try {
      expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
      const roles = new Set<string>();
      const walk = (node: { role?: string; children?: unknown[] }) => {
        if (node.role) roles.add(node.role);
        for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
      };
      for (let number = 1; number <= pdf.numPages; number++) walk((await (await pdf.getPage(number)).getStructTree()) as never);
      for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD']) expect([...roles], role).toContain(role);
    } finally {
      await task.destroy();
    }
  });
});
