/**
 * Visibility test support (issue 15): officer actions run through the real service functions, canary texts that
 * name where they were written, an oracle that says from the base tables which of them the public may see, and a
 * reader of every public surface (pages and links from them, feeds, iCal, generated PDF and DOCX, OParl, the JSON
 * API, the bulk download, `export --public`, `quorum open-data`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { DatabaseHandle } from '../../src/db/engine.ts';
import { QuorumError } from '../../src/domain/errors.ts';
import { ROUTES } from '../../src/http/routes.ts';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaItemEditor, agendaPublisher, agendaWithdrawer, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { minutesPublisher, minutesWithdrawer } from '../../src/services/committee/minutes-workflow.ts';
import { minuteWriter, voteEventRecorder } from '../../src/services/committee/proceedings.ts';
import { recommendationRecorder, responseRecorder } from '../../src/services/scrutiny/recorders.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { writeOpenDataset } from '../../src/services/open-data/bulk-download.ts';
import { stableId } from '../../src/domain/stable-id.ts';
import { insertPerson } from '../support/factories.ts';
import { docxText, pdfPages } from '../documents/read-back.ts';

export const PUBLIC_URL = 'http://quorum.test';
export const AUTHORITY = 'Kent County Council';
const actor = 'cli' as const;

/** A canary: unique, lower case, and never a part of another (the slot name ends it). */
export function canary(scene: string, slot: string): string {
  return `kanary${scene}${slot}`;
}

export interface Council {
  database: DatabaseHandle;
  bodyId: string;
  bodySlug: string;
  authorityId: string;
  members: string[];
}

export async function createCouncil(database: DatabaseHandle): Promise<Council> {
  const body = await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Visibility Committee', kind: 'committee' });
  const authorityId = stableId('authority', AUTHORITY);
  const members: string[] = [];
  for (const family_name of ['Ashdown', 'Brook', 'Carver']) {
    members.push((await insertPerson(database.db, authorityId, { honorific: 'Mr', given_name: 'Test', family_name })).id as string);
  }
  return { database, bodyId: body.id, bodySlug: body.slug, authorityId, members };
}

/** One meeting being worked on by an officer: the actions a democratic services officer can take, in any order. */
export class MeetingScene {
  readonly items: string[] = [];
  readonly itemNumbers: string[] = [];
  readonly minutes: string[] = [];

  private constructor(
    readonly council: Council,
    readonly name: string,
    readonly meetingId: string,
  ) {}

  static async start(council: Council, name: string, date: string): Promise<MeetingScene> {
    const { id } = await meetingScheduler({
      database: council.database,
      actor,
      bodyId: council.bodyId,
      date,
      startTime: '10:00',
      location: 'Darent Room',
      kind: 'ordinary',
    });
    return new MeetingScene(council, name, id);
  }

  private get database() {
    return this.council.database;
  }

  /** An agenda item whose title, description and written report carry canaries (the title only when asked). */
  async addItem(options: { exempt: boolean; titleCanary?: boolean }): Promise<string> {
    const index = this.items.length + 1;
    const scene = `${this.name}i${index}`;
    const title = options.titleCanary ? `Item ${canary(scene, 'title')}` : `Public title ${this.name} item ${index}`;
    const { id, number } = await agendaItemAdder({
      database: this.database,
      actor,
      meetingId: this.meetingId,
      authorityName: AUTHORITY,
      title,
      description: `Described ${canary(scene, 'desc')}`,
      reportText: `Report body ${canary(scene, 'report')}`,
      exempt: options.exempt,
      exemptParagraphs: options.exempt ? [3] : [],
    });
    this.items.push(id);
    this.itemNumbers.push(number);
    return id;
  }

  async setExempt(item: number, exempt: boolean): Promise<void> {
    const id = this.items[item]!;
    const row = await this.database.db.selectFrom('agenda_item').select(['title', 'description', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
    const version = await itemVersion(this.database.db, id);
    await agendaItemEditor({
      database: this.database,
      actor,
      id,
      version,
      title: row.title,
      description: row.description ?? undefined,
      exempt,
      exemptParagraphs: exempt ? [3] : [],
    });
  }

  /** A minute (on an agenda item, or on none) with its text and one resolution, each a canary. */
  async writeMinute(options: { item: number | null; exempt?: boolean; titleCanary?: boolean }): Promise<string> {
    const index = this.minutes.length + 1;
    const scene = `${this.name}m${index}`;
    const { id } = await minuteWriter({
      database: this.database,
      actor,
      meetingId: this.meetingId,
      title: options.titleCanary ? `Minute ${canary(scene, 'mtitle')}` : `Minute title ${this.name} ${index}`,
      agendaItemNumber: options.item === null ? undefined : this.itemNumbers[options.item],
      text: `Minuted ${canary(scene, 'minute')}`,
      resolutions: [`RESOLVED that ${canary(scene, 'resolution')}`],
      exempt: options.exempt ?? false,
    });
    this.minutes.push(id);
    return id;
  }

  private votesRecorded = 0;

  /** A motion and the named vote on it, on a minute. */
  async recordVote(minute: number): Promise<void> {
    this.votesRecorded += 1;
    const nth = this.votesRecorded;
    const [a, b, c] = this.council.members as [string, string, string];
    await voteEventRecorder({
      database: this.database,
      actor,
      minuteId: this.minutes[minute]!,
      motionText: `That ${canary(`${this.name}m${minute + 1}v${nth}`, 'motion')}`,
      moverId: a,
      seconderId: b,
      votes: { [a]: 'for', [b]: 'for', [c]: 'against' },
    });
  }

  /** A scrutiny recommendation made at this meeting and a response to it, each a canary; public only when published. */
  async recommend(options: { published: boolean }): Promise<string> {
    const scene = `${this.name}r1`;
    const [a, b] = this.council.members as [string, string];
    const { id } = await recommendationRecorder({
      database: this.database,
      actor,
      meetingId: this.meetingId,
      itemTitle: `Scrutiny of ${this.name}`,
      text: `Recommended ${canary(scene, 'rtext')}`,
      ownerIds: [a],
      published: options.published,
    });
    const meeting = await this.database.db.selectFrom('meeting').select('date').where('id', '=', this.meetingId).executeTakeFirstOrThrow();
    await responseRecorder({
      database: this.database,
      actor,
      recommendationId: id,
      text: `Answered ${canary(scene, 'rresp')}`,
      responseDate: meeting.date,
      responderId: b,
      today: meeting.date,
    });
    return id;
  }

  publishAgenda(): Promise<unknown> {
    return agendaPublisher({
      database: this.database,
      actor,
      meetingId: this.meetingId,
      today: '2029-01-02',
      jurisdiction: 'england-and-wales',
      confirmLate: true,
    });
  }
  withdrawAgenda(): Promise<void> {
    return agendaWithdrawer({ database: this.database, actor, meetingId: this.meetingId });
  }
  publishMinutes(): Promise<void> {
    return minutesPublisher({ database: this.database, actor, meetingId: this.meetingId });
  }
  withdrawMinutes(): Promise<void> {
    return minutesWithdrawer({ database: this.database, actor, meetingId: this.meetingId });
  }
}

async function itemVersion(db: Kysely<Database>, id: string): Promise<string> {
  const { sql } = await import('kysely');
  const row = await db.selectFrom('agenda_item').select(sql<string>`version::text`.as('version')).where('id', '=', id).executeTakeFirstOrThrow();
  return row.version;
}

/** Runs an officer action; a refusal (publishing twice, a rule) is the service doing its job, not a test failure. */
export async function attempt(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    if (error instanceof QuorumError) return false;
    throw error;
  }
}

// ---- The oracle: what the rule says, computed from the base tables in plain TypeScript ----------------------------

export interface Expectation {
  /** Canaries that must not appear on any public surface. */
  secret: Set<string>;
  /** Canaries the public may see (for checks that the surfaces are really read). */
  open: Set<string>;
}

const CANARY_PATTERN = /kanary[a-z0-9]+?(?:title|desc|report|mtitle|minute|resolution|motion|rtext|rresp)\b/g;

/** Reads every canary held in the database and judges each by the rule, independently of the views. */
export async function expectation(db: Kysely<Database>): Promise<Expectation> {
  const workflows = new Map((await db.selectFrom('meeting_workflow').selectAll().execute()).map((row) => [row.id, row]));
  const agendaPublic = (meetingId: string) => {
    const row = workflows.get(meetingId);
    return !row || row.agenda_published_at !== null;
  };
  const minutesPublic = (meetingId: string) => {
    const row = workflows.get(meetingId);
    return !row || row.minutes_published_at !== null;
  };
  const items = new Map((await db.selectFrom('agenda_item').selectAll().execute()).map((row) => [row.id, row]));
  const reports = await db.selectFrom('report').selectAll().execute();
  const minutes = new Map((await db.selectFrom('minute').selectAll().execute()).map((row) => [row.id, row]));
  const secret = new Set<string>();
  const open = new Set<string>();
  const judge = (text: string | null | undefined, visible: boolean) => {
    for (const match of (text ?? '').matchAll(CANARY_PATTERN)) (visible ? open : secret).add(match[0]);
  };
  for (const item of items.values()) {
    judge(item.title, agendaPublic(item.meeting_id));
    judge(item.description, agendaPublic(item.meeting_id) && !item.exempt);
  }
  for (const report of reports) {
    const carriers = [...items.values()].filter((item) => item.report_id === report.id);
    const visible =
      !report.exempt && carriers.every((item) => !item.exempt) && (carriers.length === 0 || carriers.some((item) => agendaPublic(item.meeting_id)));
    judge(report.full_text, visible);
  }
  const minuteOpen = (minuteId: string | null) => {
    if (minuteId === null) return true;
    const minute = minutes.get(minuteId)!;
    const item = minute.agenda_item_id ? items.get(minute.agenda_item_id) : undefined;
    return minutesPublic(minute.meeting_id) && !minute.exempt && !item?.exempt;
  };
  for (const minute of minutes.values()) {
    judge(minute.title, minutesPublic(minute.meeting_id));
    judge(minute.text, minuteOpen(minute.id));
  }
  for (const resolution of await db.selectFrom('resolution').selectAll().execute())
    judge(resolution.text, resolution.withdrawn_at === null && minuteOpen(resolution.minute_id));
  for (const motion of await db.selectFrom('motion').selectAll().execute()) judge(motion.text, minuteOpen(motion.minute_id));
  for (const event of await db.selectFrom('vote_event').selectAll().execute())
    judge(event.motion_text, minutesPublic(event.meeting_id) && minuteOpen(event.minute_id));
  // Scrutiny: a recommendation and its responses are public once it is published (the scrutiny pages' rule).
  const recommendations = new Map((await db.selectFrom('scrutiny_recommendation').selectAll().execute()).map((row) => [row.id, row]));
  for (const recommendation of recommendations.values()) judge(recommendation.text, recommendation.published);
  for (const response of await db.selectFrom('scrutiny_response').selectAll().execute())
    judge(response.text, recommendations.get(response.recommendation_id)?.published === true);
  // A canary written in two places is secret if either place is.
  for (const text of secret) open.delete(text);
  return { secret, open };
}

export function found(text: string, canaries: Iterable<string>): string[] {
  const lower = text.toLowerCase();
  return [...canaries].filter((one) => lower.includes(one));
}

// ---- Reading the public surfaces ---------------------------------------------------------------------------------

export interface Surface {
  url: string;
  status: number;
  type: string;
  text: string;
}

/** The text a reader gets from a response: PDF and DOCX read back, everything else as sent. */
async function textOf(type: string, raw: Buffer): Promise<string> {
  if (type.startsWith('application/pdf')) return (await pdfPages(raw)).join('\n');
  if (type.includes('wordprocessingml')) return docxText(raw);
  return raw.toString('utf8');
}

export interface CrawlOptions {
  /** Values to put in each route's parameters. */
  ids: string[];
  /** Extra URLs to start from. */
  start?: string[];
  /** Stop after this many requests. */
  limit?: number;
  /** Skip route patterns that match (e.g. the back office). */
  skip?: RegExp;
}

/**
 * Every public route of the route table with every id, then every link the answers give (HTML hrefs, absolute URLs
 * in JSON, XML and iCal), anonymously. Generated documents are read back as text.
 */
export async function crawl(app: FastifyInstance, options: CrawlOptions): Promise<Surface[]> {
  const skip = options.skip ?? /^\/(admin|my-|sign-|allowances\/claims|scrutiny\/admin)/;
  const queue: string[] = [];
  const seen = new Set<string>();
  const visit = (url: string) => {
    const local = url.startsWith(PUBLIC_URL) ? url.slice(PUBLIC_URL.length) : url;
    if (!local.startsWith('/') || local.startsWith('//')) return;
    const clean = local.replace(/#.*$/, '');
    if (skip.test(clean) || seen.has(clean)) return;
    seen.add(clean);
    queue.push(clean);
  };
  for (const url of options.start ?? []) visit(url);
  for (const pattern of Object.values(ROUTES) as string[]) {
    if (skip.test(pattern) || pattern.includes('*')) continue;
    if (!pattern.includes(':')) visit(pattern);
    else for (const id of options.ids) visit(pattern.replace(/:[A-Za-z_]+/g, encodeURIComponent(id)));
  }
  const surfaces: Surface[] = [];
  const limit = options.limit ?? 5000;
  while (queue.length > 0 && surfaces.length < limit) {
    const url = queue.shift()!;
    const response = await app.inject({ method: 'GET', url });
    const type = String(response.headers['content-type'] ?? '');
    const text = response.statusCode === 200 ? await textOf(type, response.rawPayload) : response.body;
    surfaces.push({ url, status: response.statusCode, type, text });
    if (response.statusCode !== 200) continue;
    if (type.startsWith('text/html')) for (const match of text.matchAll(/href="([^"]+)"/g)) visit(match[1]!.replaceAll('&amp;', '&'));
    else if (/json|xml|calendar/.test(type))
      for (const match of text.matchAll(/https?:\/\/quorum\.test(\/[^\s"<>\\]*)/g)) visit(match[1]!.replaceAll('&amp;', '&'));
  }
  return surfaces;
}

/** The public outputs made without HTTP: `quorum export --public` and `quorum open-data`. */
export async function offlineSurfaces(db: Kysely<Database>): Promise<Surface[]> {
  const surfaces: Surface[] = [
    { url: 'quorum export --public', status: 200, type: 'application/json', text: JSON.stringify(await buildExport(db, { includeExempt: false })) },
  ];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-open-data-'));
  try {
    await writeOpenDataset(db, folder);
    for (const name of fs.readdirSync(folder)) {
      surfaces.push({ url: `quorum open-data ${name}`, status: 200, type: 'text/plain', text: fs.readFileSync(path.join(folder, name), 'utf8') });
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return surfaces;
}

/** Every canary of `secret` found, as "where: canaries". */
export function leaksIn(surfaces: Surface[], secret: Set<string>): string[] {
  const problems: string[] = [];
  for (const surface of surfaces) {
    if (surface.url.startsWith('/search')) {
      // The search page repeats what was typed: judge it by its results only.
      const results = surface.text.split('quorum-result').slice(1).join(' ');
      const hits = found(results, secret);
      if (hits.length) problems.push(`${surface.url}: ${hits.join(', ')}`);
      continue;
    }
    const hits = found(surface.text, secret);
    if (hits.length) problems.push(`${surface.url} (${surface.status}): ${hits.join(', ')}`);
  }
  return problems;
}
