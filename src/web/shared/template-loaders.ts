/**
 * Where a template is found, so each capability's views sit beside its routes and presenters
 * (docs/architecture.md, "Where a new capability's files go"):
 * - `<capability>/<file>` (`plans/index.njk`) is the capability's own: src/web/<capability>/views/<file>;
 * - a bare name (`layout.njk`, `_csrf.njk`) is shared page chrome: src/web/shared/views/<name>;
 * - `govuk/...` comes from govuk-frontend (the extra search paths).
 * A name says whose a template is, and moving a capability's views never renames its templates.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';

const SHARED = 'shared';

/** Serves `<capability>/<rest>` from one capability's views folder; null sends any other name to the next loader. */
class CapabilityLoader extends nunjucks.FileSystemLoader {
  private readonly prefix: string;

  constructor(capability: string, viewsDir: string) {
    super(viewsDir, { noCache: false });
    this.prefix = `${capability}/`;
  }

  override getSource(name: string): nunjucks.LoaderSource {
    if (!name.startsWith(this.prefix)) return null as unknown as nunjucks.LoaderSource;
    return super.getSource(name.slice(this.prefix.length));
  }
}

/** The capabilities that have views: every folder of src/web with a views/ folder, the shared chrome aside. */
export function capabilitiesWithViews(webDir: string): string[] {
  return readdirSync(webDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== SHARED && existsSync(path.join(webDir, entry.name, 'views')))
    .map((entry) => entry.name)
    .sort();
}

/** The file a template name stands for under webDir, by the rule above (govuk-frontend's names aside). */
export function templateFile(webDir: string, name: string): string {
  const slash = name.indexOf('/');
  if (slash < 0) return path.join(webDir, SHARED, 'views', name);
  return path.join(webDir, name.slice(0, slash), 'views', name.slice(slash + 1));
}

/** Nunjucks' loaders for the app: the shared chrome and the extra search paths, then one loader per capability. */
export function templateLoaders(webDir: string, ...searchPaths: string[]): nunjucks.ILoader[] {
  const shared = new nunjucks.FileSystemLoader([path.join(webDir, SHARED, 'views'), ...searchPaths], { noCache: false });
  return [shared, ...capabilitiesWithViews(webDir).map((capability) => new CapabilityLoader(capability, path.join(webDir, capability, 'views')))];
}
