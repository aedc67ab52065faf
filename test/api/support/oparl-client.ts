/**
 * A small OParl 1.1 mirroring client, as a council's data consumers write them: a full harvest walks the System's
 * Bodies and every list each Body links, page by page; an update asks each of those lists only for what changed
 * since the last run (`modified_since`), replaces what it is sent and drops what it is told is deleted.
 */
import type { FastifyInstance } from 'fastify';
import { localPath, PUBLIC_URL } from './app.ts';

export type OParlRecord = Record<string, unknown> & { id: string; type: string };
/** The mirror: every object of every list, by id. */
export type Mirror = Map<string, OParlRecord>;

/** The lists a Body links (OParl 1.1 section 3.2); a mirror harvests each. */
const BODY_LISTS = ['organization', 'person', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'locationList', 'legislativeTermList', 'membership'];

export class OParlClient {
  /** Requests made, for a test to say how much an update cost compared with a harvest. */
  requests = 0;

  constructor(private readonly app: FastifyInstance) {}

  private async get(url: string): Promise<Record<string, unknown>> {
    const path = localPath(url);
    if (!path) throw new Error(`${url} is not under ${PUBLIC_URL}`);
    this.requests += 1;
    const response = await this.app.inject({ method: 'GET', url: path });
    if (response.statusCode !== 200) throw new Error(`${url}: status ${response.statusCode}: ${response.body.slice(0, 300)}`);
    return response.json() as Record<string, unknown>;
  }

  /** Every object of a list, following `next` links, with the filter in the first URL. */
  private async *walk(url: string): AsyncGenerator<OParlRecord> {
    for (let next: string | undefined = url; next; ) {
      const page = await this.get(next);
      for (const object of page.data as OParlRecord[]) yield object;
      next = (page.links as { next?: string }).next;
    }
  }

  private async visit(mirror: Mirror, since: Date | undefined): Promise<void> {
    const filter = (url: string) => {
      const withLimit = new URL(url);
      withLimit.searchParams.set('limit', '100');
      if (since) withLimit.searchParams.set('modified_since', since.toISOString());
      return withLimit.toString();
    };
    const system = await this.get(`${PUBLIC_URL}/oparl/v1/system`);
    // Bodies are listed with the filter too: a Body changes when its terms do, and is sent again then.
    const bodies: OParlRecord[] = [];
    for await (const body of this.walk(filter(system.body as string))) bodies.push(body);
    const known = since ? [...mirror.values()].filter((object) => object.type.endsWith('/Body')) : [];
    for (const body of bodies) keep(mirror, body);
    for (const body of new Map([...known, ...bodies].map((body) => [body.id, body])).values()) {
      if (body.deleted) continue;
      for (const list of BODY_LISTS) {
        const url = body[list];
        if (typeof url !== 'string') throw new Error(`${body.id} links no ${list} list`);
        for await (const object of this.walk(filter(url))) keep(mirror, object);
      }
    }
  }

  /** A full harvest into an empty mirror. */
  async harvest(): Promise<Mirror> {
    const mirror: Mirror = new Map();
    await this.visit(mirror, undefined);
    return mirror;
  }

  /** Brings a mirror up to date with what changed since `since` (the time the previous run started). */
  async update(mirror: Mirror, since: Date): Promise<void> {
    await this.visit(mirror, since);
  }
}

/** A deleted object (OParl 1.1 section 2.8) leaves the mirror; anything else replaces the copy held. */
function keep(mirror: Mirror, object: OParlRecord): void {
  if (object.deleted === true) mirror.delete(object.id);
  else mirror.set(object.id, object);
}

/** Where two mirrors differ, one line per object, for a failure message that names what a sync missed. */
export function mirrorDifferences(held: Mirror, fresh: Mirror): string[] {
  const lines: string[] = [];
  for (const [id, object] of fresh) {
    const copy = held.get(id);
    if (!copy) lines.push(`missing ${id}`);
    else if (JSON.stringify(copy) !== JSON.stringify(object)) lines.push(`stale ${id}: held modified ${String(copy.modified)}, now ${String(object.modified)}`);
  }
  for (const id of held.keys()) if (!fresh.has(id)) lines.push(`gone but kept ${id}`);
  return lines;
}
