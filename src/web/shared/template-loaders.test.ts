/**
 * The one layout of src/web: every template lives in a capability's views/ folder or in the shared chrome, every
 * name a route or a template asks for stands for a file that exists, and Nunjucks finds each by that name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { capabilitiesWithViews, templateFile, templateLoaders } from './template-loaders.ts';

const webDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const srcDir = path.dirname(webDir);
const govukDist = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

/** Template names as code writes them: quoted, ending .njk (a route's reply.view, a template's include or extends). */
function namesAskedFor(): Map<string, string> {
  const asked = new Map<string, string>();
  const sources = [...filesUnder(webDir, /\.(ts|njk)$/), ...filesUnder(path.join(srcDir, 'server'), /\.ts$/)].filter((file) => !file.endsWith('.test.ts'));
  for (const file of sources) {
    for (const match of readFileSync(file, 'utf8').matchAll(/["'`]([\w./-]+\.njk)["'`]/g)) {
      const name = match[1]!;
      if (!name.startsWith('govuk/') && !name.startsWith('/')) asked.set(name, path.relative(srcDir, file));
    }
  }
  return asked;
}

/** The file a loaded template was read from (nunjucks keeps it; its types do not say so). */
const pathOf = (template: nunjucks.Template) => (template as unknown as { path: string }).path;

describe('the layout of src/web', () => {
  it('keeps every template in a capability views/ folder or the shared chrome', () => {
    const misplaced = filesUnder(webDir, /\.njk$/)
      .map((file) => path.relative(webDir, file).split(path.sep))
      .filter((parts) => parts.length < 3 || parts[1] !== 'views')
      .map((parts) => parts.join('/'));
    expect(misplaced).toEqual([]);
    expect(existsSync(path.join(webDir, 'views'))).toBe(false);
  });

  it('finds a file for every template name a route or template asks for', () => {
    const asked = namesAskedFor();
    expect(asked.size).toBeGreaterThan(100);
    const missing = [...asked].filter(([name]) => !existsSync(templateFile(webDir, name))).map(([name, file]) => `${name} (asked for in ${file})`);
    expect(missing).toEqual([]);
  });

  it('has Nunjucks load each name from the file the rule names', () => {
    const views = new nunjucks.Environment(templateLoaders(webDir, govukDist));
    for (const name of ['layout.njk', '_csrf.njk', 'meetings/meeting.njk', 'admin/meeting.njk', 'plans/admin/index.njk', 'auth/sign-in.njk']) {
      expect(pathOf(views.getTemplate(name)), name).toBe(templateFile(webDir, name));
    }
    expect(pathOf(views.getTemplate('govuk/template.njk'))).toBe(path.join(govukDist, 'govuk', 'template.njk'));
  });

  it('refuses a name with no file, and one that climbs out of its folder', () => {
    const views = new nunjucks.Environment(templateLoaders(webDir, govukDist));
    expect(() => views.getTemplate('plans/no-such-page.njk')).toThrow(/template not found: plans\/no-such-page\.njk/);
    expect(() => views.getTemplate('plans/../../../package.json')).toThrow(/template not found/);
  });

  it('gives every capability with pages its views folder', () => {
    expect(capabilitiesWithViews(webDir)).toEqual(
      expect.arrayContaining(['admin', 'allowances', 'auth', 'meetings', 'plans', 'portal', 'registers', 'scrutiny']),
    );
  });
});
