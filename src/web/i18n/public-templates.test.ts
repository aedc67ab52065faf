/**
 * Every word a public page's template shows goes through the catalogue (issue 19, item 8): a public template holds no
 * English of its own, neither as text between tags, nor in an attribute a reader hears (alt, aria-label, title),
 * nor as a quoted string handed to a GOV.UK macro ("text: 'Status'"). The back office is English only, so its
 * templates (admin/, a member's own forms) are left out. Records and presenters' words are checked by rendering
 * (test/welsh/every-page.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capabilitiesWithViews, templateFile } from '../shared/template-loaders.ts';

const webDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Templates only staff or a signed-in member see: English by design, as the back office is. The sign-in and
 * password pages (auth/) are public (the footer links to them), so they are checked. */
const BACK_OFFICE = [
  /(^|\/)admin([/-]|\.njk$)/,
  /^_(csrf|errors|account-bar)\.njk$/,
  /\/my-[^/]*\.njk$/,
  /^allowances\/claim[^/]*\.njk$/,
  /^allowances\/mine\.njk$/,
];

function templates(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return templates(path.join(dir, entry.name), name);
    return entry.name.endsWith('.njk') ? [name] : [];
  });
}

/** Every template by its name (src/web/shared/template-loaders.ts): bare names are the shared chrome. */
const allTemplates = [
  ...templates(path.join(webDir, 'shared', 'views')),
  ...capabilitiesWithViews(webDir).flatMap((capability) => templates(path.join(webDir, capability, 'views'), capability)),
];
const publicTemplates = allTemplates.filter((name) => !BACK_OFFICE.some((pattern) => pattern.test(name)));

/** Names that are the same in every language. */
const PROPER_NAMES = new Set(['Quorum', 'PDF', 'CSV', 'DOCX', 'XLSX', 'RSS', 'Atom']);

/** A piece of text reads as words (not a number, a symbol, a class name or a route name). */
const WORDS = /[A-Za-z]{2,}/;
const NOT_WORDS = /^(govuk-|quorum-|app-|[a-z]+(-[a-z]+)+$|[a-z]+(\.[a-zA-Z]+)+$|#|\/|https?:)/;

/** The English a template would show without the catalogue, each with its line. */
function untranslated(source: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  // Comments say why; they are never shown.
  const code = source.replace(/\{#[\s\S]*?#\}|<script[\s\S]*?<\/script>/g, (comment) => comment.replace(/[^\n]/g, ' '));
  // Quoted strings inside Nunjucks tags and expressions that a macro or the page would show.
  for (const tag of code.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g)) {
    const inner = tag[0];
    if (/^\{%-?\s*(from|import|include|extends|set\s+\w+\s*=\s*"[a-z-]+"\s*%)/.test(inner)) continue;
    for (const literal of inner.matchAll(/(["'])((?:(?!\1).)*)\1/g)) {
      const text = literal[2]!;
      const before = inner.slice(0, literal.index);
      // A key (t("...")), a route (linkTo("...")), a filter's argument, a class or an attribute's name are not shown.
      if (
        /\b(t|linkTo|include|import|from)\(\s*$|(classes|classes:|name|id|href|format|type|attributes|autocomplete|inputmode|spellcheck|for|colour|method|action|variant|dir)\s*:\s*$|==\s*$|!=\s*$|\bin\s*$|\b(replace|split|join|startsWith|endsWith|indexOf)\(\s*$/.test(
          before,
        )
      )
        continue;
      // HTML built in an expression: its tags are not words, and its words are checked where they come from.
      if (!WORDS.test(text) || NOT_WORDS.test(text.trim()) || /^\s*<|^["']?>/.test(text)) continue;
      if (/^[a-z][a-zA-Z]*$/.test(text) || PROPER_NAMES.has(text)) continue;
      found.push(`line ${lineOf(tag.index! + literal.index!)}: "${text}"`);
    }
  }
  // Text between tags, and attributes a reader hears, once the Nunjucks is taken out.
  const html = code.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, (tag) => tag.replace(/[^\n]/g, ' '));
  for (const text of html.matchAll(/>([^<]+)</g)) {
    const words = text[1]!.trim();
    if (words && WORDS.test(words) && !PROPER_NAMES.has(words)) found.push(`line ${lineOf(text.index!)}: ${words}`);
  }
  for (const attribute of html.matchAll(/\b(alt|aria-label|title|placeholder|aria-description)="([^"]*)"/g)) {
    if (WORDS.test(attribute[2]!)) found.push(`line ${lineOf(attribute.index!)}: ${attribute[1]}="${attribute[2]}"`);
  }
  return found;
}

describe('the public templates', () => {
  it('are found', () => {
    expect(publicTemplates).toContain('meetings/meeting.njk');
    expect(publicTemplates).toContain('scrutiny/recommendation.njk');
    expect(publicTemplates).not.toContain('admin/meeting.njk');
  });

  it('the check finds English text, English attributes and English handed to a macro', () => {
    expect(untranslated('<h2>Minutes</h2>')).toEqual(['line 1: Minutes']);
    expect(untranslated('<a aria-label="Close">{{ t("x") }}</a>')).toEqual(['line 1: aria-label="Close"']);
    expect(untranslated('{{ govukTag({ text: "Draft", classes: "govuk-tag--yellow" }) }}')).toEqual(['line 1: "Draft"']);
    expect(untranslated('{{ "Documents" if x else t("meeting.documents") }}')).toEqual(['line 1: "Documents"']);
    expect(untranslated('<p>{{ t("a") }}: {{ view.x }}</p>{# Why: a comment #}{{ linkTo("meeting.show") }}')).toEqual([]);
  });

  it.each(publicTemplates)('%s shows no English of its own', (name) => {
    expect(untranslated(readFileSync(templateFile(webDir, name), 'utf8'))).toEqual([]);
  });
});
