/**
 * `quorum import --oparl URL`: copies an OParl 1.1 server (a System, or one Body) into this database.
 *
 * Walks each Body's lists in the order references need them: organisations, people (with their memberships),
 * meetings (with their agenda items and participants; one the server withdrew is withdrawn here), papers (with their main file, downloaded, and their
 * consultations). Each object is validated (schema.ts) before anything is written; a bad one is reported with its
 * URL and skipped, never half written. A list page is one transaction; if it fails, its objects are written one by
 * one so that only the object at fault is left out.
 *
 * Idempotent: local ids come from the OParl id URLs and `oparl_record` remembers each object's `modified`, so an
 * unchanged object is not written again. Incremental: a complete run stores when it started, and the next run asks
 * each list for `modified_since` that time less a minute (the server's clock from its Date header where it sends one;
 * fetching an object twice costs nothing).
 * Resumable: that time is stored only when a run completes, so a run that stopped is walked again from the same
 * point and every object it had written is skipped as unchanged.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DatabaseHandle } from '../../db/engine.ts';
import type { Database } from '../../db/schema.ts';
import * as mirror from '../../db/repositories/oparl-mirror.ts';
import { setActor } from '../../db/actor.ts';
import { storeFile } from '../../db/repositories/stored-files.ts';
import { formatName } from '../../domain/person-name.ts';
import { stableId } from '../../domain/stable-id.ts';
import { OParlClient, OParlFetchError, type ClientOptions } from './client.ts';
import * as rows from './rows.ts';
import * as s from './schema.ts';
import type { z } from 'zod';

export type OParlPhase = 'organizations' | 'people' | 'meetings' | 'papers';

export interface OParlImportProps {
  database: DatabaseHandle;
  /** A System's URL, or one Body's. */
  url: string;
  actor: string;
  client?: ClientOptions;
  /** Ignore the last sync time and walk everything (still writes only what changed). */
  full?: boolean;
  onProgress?: (progress: { body: string; phase: OParlPhase; done: number; total: number | undefined }) => void;
}

export interface OParlProblem {
  url: string;
  message: string;
}

export interface OParlImportSummary {
  source: string;
  /** The `modified_since` this run asked for; undefined on a full walk. */
  modifiedSince?: string;
  created: Record<string, number>;
  updated: Record<string, number>;
  unchanged: number;
  deleted: number;
  problems: OParlProblem[];
  requests: number;
  completed: boolean;
}

/** How a stored object is told apart from one that has changed. */
const stamp = (object: { modified?: string | undefined }) => object.modified ?? null;
const OVERLAP_MS = 60_000;

export async function oparlImporter(props: OParlImportProps): Promise<OParlImportSummary> {
  const { db } = props.database;
  const client = new OParlClient(props.client);
  const sourceId = stableId('oparl-source', props.url);
  const source = await mirror.ensureSource(db, sourceId, props.url);
  const records = new Map((await mirror.loadRecords(db, sourceId)).map((record) => [record.oparl_id, record]));
  const resolve: rows.Resolve = (id) => records.get(id);
  const startedAt = await mirror.markRunStarted(db, sourceId);
  const since = !props.full && source.synced_from ? new Date(source.synced_from.getTime() - OVERLAP_MS).toISOString() : undefined;
  const summary: OParlImportSummary = {
    source: props.url,
    modifiedSince: since,
    created: {},
    updated: {},
    unchanged: 0,
    deleted: 0,
    problems: [],
    requests: 0,
    completed: false,
  };
  const problem = (url: string, message: string) => summary.problems.push({ url, message });
  const tally = (into: Record<string, number>, table: string, n: number) => {
    if (n > 0) into[table] = (into[table] ?? 0) + n;
  };
  /** Mirror records a write removed, forgotten once its transaction commits. */
  const forgotten: string[] = [];

  /** One write: the object's rows and its mirror records, in the caller's transaction. */
  type Write = (trx: Transaction<Database>) => Promise<mirror.MirroredRecord[]>;

  const upsert = async <T extends mirror.MirrorTable>(trx: Transaction<Database>, table: T, list: Parameters<typeof mirror.upsertRows<T>>[2]) => {
    const counts = await mirror.upsertRows(trx, table, list);
    tally(summary.created, table, counts.created);
    tally(summary.updated, table, counts.updated);
  };

  /** Writes a page's objects in one transaction; if that fails, one by one, reporting the one at fault. */
  async function writePage(writes: Array<{ url: string; write: Write }>): Promise<void> {
    if (writes.length === 0) return;
    const commit = async (batch: typeof writes) => {
      const saved = { created: { ...summary.created }, updated: { ...summary.updated }, deleted: summary.deleted };
      try {
        const done = await db.transaction().execute(async (trx) => {
          await setActor(trx, props.actor);
          const all: mirror.MirroredRecord[] = [];
          for (const { write } of batch) all.push(...(await write(trx)));
          await mirror.putRecords(trx, sourceId, all);
          return all;
        });
        for (const oparlId of forgotten.splice(0)) records.delete(oparlId);
        for (const record of done) records.set(record.oparl_id, record);
        return true;
      } catch (error) {
        // Nothing of the batch was written: its counts go too.
        summary.created = saved.created;
        summary.updated = saved.updated;
        summary.deleted = saved.deleted;
        forgotten.length = 0;
        if (batch.length === 1) problem(batch[0]!.url, (error as Error).message);
        return false;
      }
    };
    if (!(await commit(writes))) for (const write of writes) await commit([write]);
  }

  /** Walks an external list page by page (its `next` links), validating each object before any is written. */
  async function walk<S extends z.ZodType>(
    listUrl: string,
    schema: S,
    phase: OParlPhase,
    bodyName: string,
    toWrite: (object: z.infer<S>) => Write | Promise<Write>,
    onDeleted?: (id: string) => Write | undefined,
  ): Promise<void> {
    let next: string | undefined = since ? withQuery(listUrl, 'modified_since', since) : listUrl;
    let done = 0;
    const seen = new Set<string>();
    while (next) {
      if (seen.has(next)) throw new OParlFetchError(next, 'the list links back to a page already read');
      seen.add(next);
      const pageUrl: string = next;
      const page = s.ListPageSchema.safeParse(await client.json(pageUrl));
      if (!page.success) throw new OParlFetchError(pageUrl, `not an OParl list: ${s.describeProblems(page.error)}`);
      const writes: Array<{ url: string; write: Write }> = [];
      const pending: Array<Promise<void>> = [];
      for (const [index, raw] of page.data.data.entries()) {
        const where = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `${pageUrl} data[${index}]`;
        const deleted = s.DeletedSchema.safeParse(raw);
        if (deleted.success) {
          const write = onDeleted?.(deleted.data.id);
          if (write) writes.push({ url: where, write });
          continue;
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          problem(where, s.describeProblems(parsed.error));
          continue;
        }
        const object = parsed.data as z.infer<S> & { id: string; modified?: string };
        const known = records.get(object.id);
        if (known && known.modified !== null && known.modified === stamp(object)) {
          summary.unchanged++;
          continue;
        }
        // Built side by side (a paper's file is downloaded here, within the client's limits), written in list order.
        const slot = writes.length;
        writes.push({ url: object.id, write: async () => [] });
        pending.push(
          (async () => toWrite(object))().then(
            (write) => void (writes[slot] = { url: object.id, write }),
            (error: Error) => {
              writes[slot] = { url: object.id, write: async () => [] };
              problem(object.id, error.message);
            },
          ),
        );
      }
      await Promise.all(pending);
      await writePage(writes);
      done += page.data.data.length;
      props.onProgress?.({ body: bodyName, phase, done, total: page.data.pagination?.totalElements });
      next = page.data.links?.next;
    }
  }

  const bodies = await bodiesOf(client, props.url);
  for (const bodyRaw of bodies) {
    const parsedBody = s.BodySchema.safeParse(bodyRaw.object);
    if (!parsedBody.success) {
      problem(bodyRaw.url, s.describeProblems(parsedBody.error));
      continue;
    }
    const body = parsedBody.data;
    const authorityId = rows.localId('authority', body.id);
    await writePage([
      {
        url: body.id,
        write: async (trx) => {
          await upsert(trx, 'authority', [{ id: authorityId, name: body.name.trim() }]);
          return [{ oparl_id: body.id, oparl_type: 'Body', local_table: 'authority', local_id: authorityId, modified: stamp(body) }];
        },
      },
    ]);
    if (records.get(body.id)?.local_table !== 'authority') continue;

    const parents: Array<{ bodyId: string; parentUrl: string; url: string }> = [];
    await walk(body.organization, s.OrganizationSchema, 'organizations', body.name, (organization) => async (trx) => {
      if (rows.isPoliticalGroup(organization)) {
        const row = rows.groupRow(organization, authorityId);
        await upsert(trx, 'political_group', [row]);
        return [{ oparl_id: organization.id, oparl_type: 'Organization', local_table: 'political_group', local_id: row.id, modified: stamp(organization) }];
      }
      const id = rows.localId('body', organization.id);
      const row = rows.bodyRow(organization, authorityId, await mirror.freeBodySlug(trx, authorityId, id, rows.bodySlug(organization)));
      await upsert(trx, 'body', [row]);
      if (organization.subOrganizationOf) parents.push({ bodyId: id, parentUrl: organization.subOrganizationOf, url: organization.id });
      return [{ oparl_id: organization.id, oparl_type: 'Organization', local_table: 'body', local_id: id, modified: stamp(organization) }];
    });
    // Parents after every organisation is in: a list need not give a parent before its children.
    for (const link of parents) {
      const parent = resolve(link.parentUrl);
      if (parent?.local_table !== 'body') {
        problem(link.url, `subOrganizationOf: ${link.parentUrl} is not a copied body`);
        continue;
      }
      await db.transaction().execute(async (trx) => {
        await setActor(trx, props.actor);
        tally(summary.updated, 'body', await mirror.setBodyParent(trx, link.bodyId, parent.local_id));
      });
    }

    await walk(body.person, s.PersonSchema, 'people', body.name, (person) => {
      const row = rows.personRow(person, authorityId);
      // A membership is a record of its own: one naming an organisation not copied is reported, the person written.
      const memberships: Array<rows.MembershipRows & { oparl: s.OParlMembership }> = [];
      for (const membership of person.membership ?? []) {
        try {
          memberships.push({ ...rows.membershipRows(membership, row.id, resolve), oparl: membership });
        } catch (error) {
          problem(membership.id, (error as Error).message);
        }
      }
      return async (trx) => {
        await upsert(trx, 'person', [row]);
        for (const membership of memberships) {
          if (membership.table === 'membership') await upsert(trx, 'membership', [membership.row]);
          else await upsert(trx, 'group_membership', [membership.row]);
        }
        return [
          // A person with a membership not copied is walked again next time (modified unknown), so it can be.
          {
            oparl_id: person.id,
            oparl_type: 'Person',
            local_table: 'person',
            local_id: row.id,
            modified: memberships.length === (person.membership ?? []).length ? stamp(person) : null,
          },
          ...memberships.map((membership) => ({
            oparl_id: membership.oparl.id,
            oparl_type: 'Membership',
            local_table: membership.table,
            local_id: membership.row.id,
            modified: stamp(membership.oparl),
          })),
        ];
      };
    });

    await walk(
      body.meeting,
      s.MeetingSchema,
      'meetings',
      body.name,
      (meeting) => {
        const built = rows.meetingRows(meeting, resolve);
        for (const participant of built.unknownParticipants) problem(meeting.id, `participant: ${participant} is not a copied person`);
        return async (trx) => {
          await upsert(trx, 'meeting', [built.meeting]);
          await upsert(
            trx,
            'agenda_item',
            built.agendaItems.map((item) => item.row),
          );
          // An item the meeting no longer shows was withdrawn at the source (OParl 1.1 section 2.8).
          const gone = await mirror.removeAgendaItemsExcept(
            trx,
            built.meeting.id,
            built.agendaItems.map((item) => item.row.id),
          );
          for (const oparlId of await mirror.dropRecordsOfLocal(trx, sourceId, 'agenda_item', gone)) forgotten.push(oparlId);
          summary.deleted += gone.length;
          await upsert(trx, 'minute', built.minutes);
          await upsert(trx, 'resolution', built.resolutions);
          await mirror.deleteRows(
            trx,
            'resolution',
            built.withoutResolution.map((id) => rows.localId('resolution', id)),
          );
          await mirror.deleteRows(
            trx,
            'minute',
            built.withoutResolution.map((id) => rows.localId('minute', id)),
          );
          const keep = new Set(built.attendance.map((row) => row.id));
          await mirror.deleteRows(
            trx,
            'attendance',
            (await mirror.attendanceIdsOfMeeting(trx, built.meeting.id)).filter((id) => !keep.has(id)),
          );
          const names = new Map(
            (
              await mirror.peopleByIds(
                trx,
                built.attendance.map((row) => row.person_id),
              )
            ).map((person) => [
              person.id,
              formatName({
                honorific: person.honorific ?? undefined,
                givenName: person.given_name ?? undefined,
                initials: person.initials,
                familyName: person.family_name,
                postNominals: person.post_nominals,
              }),
            ]),
          );
          await upsert(
            trx,
            'attendance',
            built.attendance.map((row) => ({ ...row, printed_name: names.get(row.person_id) ?? '' })),
          );
          return [
            {
              oparl_id: meeting.id,
              oparl_type: 'Meeting',
              local_table: 'meeting',
              local_id: built.meeting.id,
              modified: built.unknownParticipants.length ? null : stamp(meeting),
            },
            ...built.agendaItems.map((item) => ({
              oparl_id: item.oparlId,
              oparl_type: 'AgendaItem',
              local_table: 'agenda_item',
              local_id: item.row.id,
              modified: item.modified,
            })),
          ];
        };
      },
      (id) => {
        // A meeting the server withdrew (deleted: true, OParl 1.1 section 2.8) is withdrawn in the copy.
        const known = records.get(id);
        if (known?.local_table !== 'meeting') return undefined;
        return async (trx) => {
          summary.deleted += await mirror.withdrawMeeting(trx, known.local_id, `Withdrawn at the source: ${id}`);
          return [];
        };
      },
    );

    await walk(
      body.paper,
      s.PaperSchema,
      'papers',
      body.name,
      async (paper) => {
        const consulted = rows.consultedItems(paper, resolve);
        for (const item of consulted.unknown) problem(paper.id, `consultation.agendaItem: ${item} is not a copied agenda item`);
        // Downloaded before the page's transaction opens, so no transaction waits on the network.
        const file = paper.mainFile ? await fetchFile(client, paper.mainFile) : undefined;
        return async (trx) => {
          if (file?.bytes) await storeFile(trx, file.bytes);
          const row = rows.reportRow(paper, authorityId, file?.paperFile ?? { fullText: '' });
          await upsert(trx, 'report', [row]);
          await mirror.linkReport(trx, row.id, consulted.itemIds);
          return [
            { oparl_id: paper.id, oparl_type: 'Paper', local_table: 'report', local_id: row.id, modified: consulted.unknown.length ? null : stamp(paper) },
            ...(paper.mainFile
              ? [{ oparl_id: paper.mainFile.id, oparl_type: 'File', local_table: 'report', local_id: row.id, modified: stamp(paper.mainFile) }]
              : []),
          ];
        };
      },
      (id) => {
        // A paper the server withdrew (deleted: true): the copy drops it too.
        const known = records.get(id);
        if (known?.local_table !== 'report') return undefined;
        return async (trx) => {
          summary.deleted += await mirror.removeReport(trx, known.local_id);
          for (const oparlId of await mirror.dropRecordsOfLocal(trx, sourceId, 'report', [known.local_id])) forgotten.push(oparlId);
          return [];
        };
      },
    );
  }

  summary.requests = client.requests;
  summary.completed = true;
  // The server's clock when it first answered, where it said; else this database's when the run started.
  await mirror.markRunCompleted(db, sourceId, client.serverDate ?? startedAt);
  return summary;
}

/** The System's bodies (every page of its body list), or the one Body the URL names. */
async function bodiesOf(client: OParlClient, url: string): Promise<Array<{ url: string; object: unknown }>> {
  const document = await client.json(url);
  const type = (document as { type?: unknown })?.type;
  if (typeof type === 'string' && type.endsWith('/Body')) return [{ url, object: document }];
  const system = s.SystemSchema.safeParse(document);
  if (!system.success) throw new OParlFetchError(url, `neither an OParl System nor a Body: ${s.describeProblems(system.error)}`);
  const bodies: Array<{ url: string; object: unknown }> = [];
  const seen = new Set<string>();
  for (let next: string | undefined = system.data.body; next && !seen.has(next); ) {
    seen.add(next);
    const pageUrl: string = next;
    const page = s.ListPageSchema.safeParse(await client.json(pageUrl));
    if (!page.success) throw new OParlFetchError(pageUrl, `not an OParl list: ${s.describeProblems(page.error)}`);
    page.data.data.forEach((object, index) => bodies.push({ url: `${pageUrl} data[${index}]`, object }));
    next = page.data.links?.next;
  }
  return bodies;
}

/**
 * A File's content. Text becomes the report's text (how Quorum publishes a report); anything else (a PDF) is kept as
 * the report's original file, its text from the File's `text` where the server gives one. A `sha1Checksum` that does
 * not match the bytes is refused: the copy would not be what the server published.
 */
async function fetchFile(client: OParlClient, file: s.OParlFile): Promise<{ paperFile: rows.PaperFile; bytes?: Uint8Array }> {
  const { content, mediaType } = await client.bytes(file.accessUrl);
  if (file.sha1Checksum && createHash('sha1').update(content).digest('hex') !== file.sha1Checksum.toLowerCase()) {
    throw new Error(`mainFile: ${file.accessUrl} does not match its sha1Checksum`);
  }
  const type = (file.mimeType ?? mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('text/')) return { paperFile: { fullText: new TextDecoder('utf-8', { fatal: true }).decode(content) } };
  const sha256 = createHash('sha256').update(content).digest('hex');
  return { paperFile: { fullText: file.text ?? '', original: { sha256, fileName: file.fileName ?? null, mediaType: type || null } }, bytes: content };
}

function withQuery(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(name, value);
  return parsed.toString();
}
