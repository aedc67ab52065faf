/**
 * The crawling OParl client of the conformance tests (test/api/oparl-crawler.test.ts on the seed papers,
 * test/api/conformance.test.ts on a generated authority).
 */
import type { FastifyInstance } from 'fastify';
import { apiTestConfig, localPath, PUBLIC_URL } from './app.ts';
import type { OParlSchemas } from './oparl-schemas.ts';

export interface Crawl {
  /** Every OParl object seen, by id, whether fetched on its own, embedded, or in a list. */
  objects: Map<string, Record<string, unknown>>;
  /** Every URL fetched, with its status. */
  fetched: Map<string, number>;
  problems: string[];
  listPages: number;
}

function stringsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, found);
  return found;
}

function collectObjects(value: unknown, into: Map<string, Record<string, unknown>>): void {
  if (Array.isArray(value)) for (const item of value) collectObjects(item, into);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('https://schema.oparl.org/') && typeof record.id === 'string') into.set(record.id, record);
    for (const item of Object.values(record)) collectObjects(item, into);
  }
}

/**
 * Walks the API from the System object: fetches every URL of ours any object names (objects, list pages, web pages,
 * file contents), validates every OParl object and every object embedded in it against the official schemas, and
 * reports a broken link, a link elsewhere, an id that is not its own URL, and any forbidden string (exempt canaries).
 */
export async function crawl(app: FastifyInstance, schemas: OParlSchemas, forbidden: readonly string[] = []): Promise<Crawl> {
  const result: Crawl = { objects: new Map(), fetched: new Map(), problems: [], listPages: 0 };
  const queue = [`${PUBLIC_URL}/oparl/v1/system`];
  const queued = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift()!;
    const path = localPath(url);
    if (!path) {
      result.problems.push(`${url}: not under the public URL`);
      continue;
    }
    const response = await app.inject({ method: 'GET', url: path });
    result.fetched.set(url, response.statusCode);
    if (response.statusCode !== 200) {
      result.problems.push(`${url}: broken link, status ${response.statusCode}`);
      continue;
    }
    for (const canary of forbidden) if (response.body.includes(canary)) result.problems.push(`${url}: exempt content "${canary}"`);
    const isOParl = path.startsWith('/oparl/') && String(response.headers['content-type']).startsWith('application/json');
    if (!isOParl) continue; // HTML pages, file contents and Popolo vote events: checked for status and canaries only.
    const body = response.json() as Record<string, unknown>;
    if (Array.isArray(body.data) && body.pagination) {
      result.listPages += 1;
      body.data.forEach((item, index) => result.problems.push(...schemas.validate(item, `${url} data[${index}]`)));
    } else {
      result.problems.push(...schemas.validate(body, url));
      if (body.id !== url) result.problems.push(`${url}: id is ${String(body.id)}`);
    }
    collectObjects(body.data ?? body, result.objects);
    for (const text of stringsIn(body)) {
      if (!/^https?:\/\//.test(text)) continue;
      if (text.startsWith('https://schema.oparl.org/')) continue;
      if (text === apiTestConfig.dataLicense) continue; // the data's licence: a document elsewhere, not an object to crawl
      if (!text.startsWith(`${PUBLIC_URL}/`)) {
        result.problems.push(`${url}: link outside the public URL: ${text}`);
        continue;
      }
      if (!queued.has(text)) {
        queued.add(text);
        queue.push(text);
      }
    }
  }
  return result;
}
