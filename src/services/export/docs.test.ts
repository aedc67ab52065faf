/** docs/export.md documents every section field by field, as the schemas say (UPDATE_EXPORT_DOCS=1 rewrites it). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOCS_END, DOCS_START, sectionsMarkdown } from './docs.ts';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/export.md');

describe('docs/export.md', () => {
  it('holds the generated documentation of every section', () => {
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf(DOCS_START);
    const end = text.indexOf(DOCS_END);
    expect(start, `docs/export.md lacks ${DOCS_START}`).toBeGreaterThanOrEqual(0);
    const current = text.slice(start, end + DOCS_END.length);
    const generated = sectionsMarkdown();
    if (process.env.UPDATE_EXPORT_DOCS && current !== generated) fs.writeFileSync(file, text.replace(current, generated));
    else expect(current, 'run UPDATE_EXPORT_DOCS=1 npx vitest run src/services/export/docs.test.ts').toBe(generated);
  });
});
