/**
 * Reads every public OParl list of an app's first Body and puts the objects in a form two Quorums can be compared
 * in: URLs without their host, the copy's local ids replaced by the source's, created/modified and links to the
 * JSON API's vote events (records OParl does not carry) left out, and arrays in a fixed order.
 */
import type { FastifyInstance } from 'fastify';

export const LISTS = ['organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'file'] as const;
export type ListName = (typeof LISTS)[number];

async function getJson(app: FastifyInstance, baseUrl: string, url: string): Promise<Record<string, unknown>> {
  const response = await app.inject({ method: 'GET', url: url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url });
  if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode}`);
  return response.json();
}

export async function readLists(
  app: FastifyInstance,
  baseUrl: string,
): Promise<{ body: Record<string, unknown>; lists: Record<ListName, Array<Record<string, unknown>>> }> {
  const bodies = await getJson(app, baseUrl, '/oparl/v1/bodies');
  const body = (bodies.data as Array<Record<string, unknown>>)[0]!;
  const lists = {} as Record<ListName, Array<Record<string, unknown>>>;
  for (const name of LISTS) {
    const objects: Array<Record<string, unknown>> = [];
    for (let next: string | undefined = `${body[name] as string}?limit=100`; next; ) {
      const page = await getJson(app, baseUrl, next);
      objects.push(...(page.data as Array<Record<string, unknown>>));
      next = (page.links as { next?: string }).next;
    }
    lists[name] = objects;
  }
  return { body, lists };
}

const DROPPED = new Set(['created', 'modified', 'quorum:voteEvent']);

function tidy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(tidy);
    const key = (item: unknown) => (item && typeof item === 'object' ? String((item as { id?: unknown }).id ?? JSON.stringify(item)) : String(item));
    return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([name]) => !DROPPED.has(name))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, item]) => [name, tidy(item)]),
    );
  }
  return value;
}

/** Objects by their (mapped) id, in comparable form. `ids` maps a local id of the copy to the source's id. */
export function comparable(objects: unknown, baseUrl: string, ids: Map<string, string> = new Map()): unknown {
  const text = JSON.stringify(objects)
    .replaceAll(baseUrl, 'BASE')
    .replace(/\b[a-z][a-z-]*-[0-9a-f]{16}\b/g, (id) => ids.get(id) ?? id);
  return tidy(JSON.parse(text));
}
