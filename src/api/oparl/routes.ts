/**
 * OParl 1.1 at /oparl/v1/: the System, its Bodies, and every object reachable from them, with OParl's paginated
 * external lists and change filters. Routes stay thin: parse -> query -> assemble -> present.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import type { Database } from '../../db/schema.ts';
import * as q from '../../db/queries/api/oparl.ts';
import type { ChangeFilter, PageWindow, Paged } from '../../db/queries/api/filters.ts';
import { NotFound, ValidationError } from '../../http/errors.ts';
import { readerFor } from '../../http/reader.ts';
import { ROUTES, type RouteName } from '../../http/routes.ts';
import { oparlErrorBody, useApiConventions } from '../http.ts';
import { absoluteLinks, publicBaseUrl, withQuery } from '../links.ts';
import { parseId, parseInput } from '../validate.ts';
import * as assemble from './assemble.ts';
import { termById, termsSpanning } from './legislative-terms.ts';
import { stampsWithin } from './term-filter.ts';
import * as present from './presenters.ts';
import type { OParlObject } from './presenters.ts';
import { IdParamsSchema, ListQuerySchema, MAX_PAGE_OFFSET, type ListCursor, type ListQuery } from './schema.ts';

export const OPARL_PREFIX = '/oparl';

/** Where an OParl type's withdrawn records are found (public_withdrawal, migration 20261207_1560). */
interface Withdrawn {
  kind: q.WithdrawalKind;
  type: string;
}
const PAPER: Withdrawn = { kind: 'report', type: 'Paper' };
const FILE: Withdrawn = { kind: 'report', type: 'File' };
const AGENDA_ITEM: Withdrawn = { kind: 'agenda-item', type: 'AgendaItem' };
const CONSULTATION: Withdrawn = { kind: 'consultation', type: 'Consultation' };
const MEETING: Withdrawn = { kind: 'meeting', type: 'Meeting' };

const local = (name: RouteName) => {
  const path: string = ROUTES[name];
  if (!path.startsWith(`${OPARL_PREFIX}/`)) throw new Error(`${name} is not an OParl route`);
  return path.slice(OPARL_PREFIX.length);
};

/**
 * A list page's window: the page by number and, from a next link, where it starts (the last object before it). In
 * the withdrawn part of a list (`gone`), the public objects ended on an earlier page.
 */
interface ListWindow extends PageWindow {
  gone?: string;
}

/** A page of objects and the cursor of its last one ('p' or 'w', then its order key), for the next link. */
type ListPage = Paged<OParlObject> & { cursor?: string[] };

/** How a list is ordered, so its cursors can be checked: by id, or by date (descending) then id. */
type Order = 'id' | 'date-id';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The window a cursor gives, or a clear error when the cursor cannot be one of this list's. */
function windowOf(query: ListQuery, order: Order, withdrawn: boolean): ListWindow {
  const window = { limit: query.limit, offset: (query.page - 1) * query.limit };
  const cursor: ListCursor | undefined = query.after;
  if (!cursor) return window;
  const [first, second] = cursor.key;
  const fits =
    cursor.phase === 'w'
      ? withdrawn && query.modified_since !== undefined && cursor.key.length === 1
      : order === 'id'
        ? cursor.key.length === 1 && !DATE.test(first!)
        : cursor.key.length === 2 && DATE.test(first!) && !DATE.test(second!);
  if (!fits) throw ValidationError([{ field: 'after', message: 'must be the cursor of a next link of this list' }]);
  return cursor.phase === 'w' ? { ...window, gone: first! } : { ...window, after: cursor.key };
}

const filterOf = (query: ListQuery): ChangeFilter => ({
  createdSince: query.created_since,
  createdUntil: query.created_until,
  modifiedSince: query.modified_since,
  modifiedUntil: query.modified_until,
});

/** The list parameters to carry into first/prev/next/last links, as the client sent them. */
const carried = (raw: Record<string, unknown>, query: ListQuery) => ({
  created_since: typeof raw.created_since === 'string' ? raw.created_since : undefined,
  created_until: typeof raw.created_until === 'string' ? raw.created_until : undefined,
  modified_since: typeof raw.modified_since === 'string' ? raw.modified_since : undefined,
  modified_until: typeof raw.modified_until === 'string' ? raw.modified_until : undefined,
  limit: query.limit === 20 ? undefined : query.limit,
});

const cursorText = (cursor: string[] | undefined) => cursor?.join('.');

export const oparlRoutes: FastifyPluginAsync<{ config: Config; database: DatabaseHandle }> = async (app, { config, database }) => {
  const link = absoluteLinks(config);
  useApiConventions(app, database, { errorBody: oparlErrorBody });

  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode < 400 && String(reply.getHeader('content-type') ?? '').startsWith('application/json')) reply.type('application/json; charset=utf-8');
    return payload;
  });

  /**
   * Registers an external list: parse the page and filters, fetch the page, present its objects, link the pages.
   * `order` says how its cursors look; `withdrawn` that withdrawn objects follow the public ones when changes are asked for.
   */
  function list<P extends Record<string, string>>(
    name: RouteName,
    load: (db: Kysely<Database>, params: P, filter: ChangeFilter, window: ListWindow) => Promise<ListPage | undefined>,
    shape: { order?: Order; withdrawn?: boolean } = {},
  ) {
    app.get(local(name), async (request) => {
      const params = parseId(IdParamsSchema.partial(), request.params, 'List') as P;
      const raw = (request.query ?? {}) as Record<string, unknown>;
      const query = parseInput(ListQuerySchema, raw);
      const window = windowOf(query, shape.order ?? 'id', shape.withdrawn ?? false);
      const page = await load(readerFor(database, request), params, filterOf(query), window);
      if (!page) throw NotFound('List not found');
      const url = `${publicBaseUrl(config)}${request.url.split('?')[0]}`;
      return present.presentListPage(
        page.rows,
        { total: page.total, perPage: query.limit, current: query.page, cursor: cursorText(page.cursor), maxOffset: MAX_PAGE_OFFSET },
        (number, after) => withQuery(url, { ...carried(raw, query), page: number === 1 ? undefined : number, after }),
      );
    });
  }

  /**
   * Registers one object by id. An object that exists but is not public (withdrawn, exempt, unpublished) answers
   * 200 as a deleted object (OParl 1.1 section 2.8), so a mirror that holds it learns to drop it.
   */
  function object(name: RouteName, what: string, load: (db: Kysely<Database>, id: string) => Promise<OParlObject | undefined>, withdrawn?: Withdrawn) {
    app.get(local(name), async (request) => {
      const { id } = parseId(IdParamsSchema, request.params, what);
      const db = readerFor(database, request);
      const found = await load(db, id);
      if (found) return found;
      const gone = withdrawn && (await q.findWithdrawal(db, withdrawn.kind, id));
      if (gone) return present.presentDeleted(link, name, withdrawn.type, gone);
      throw NotFound(`${what} not found`);
    });
  }

  /**
   * A list page of public objects and, when the client asks what changed (modified_since), the objects withdrawn
   * since then as deleted objects after them: the public rows first, then the withdrawn, over one run of pages.
   */
  async function withWithdrawn(
    db: Kysely<Database>,
    authorityId: string,
    filter: ChangeFilter,
    window: ListWindow,
    publicPage: (window: PageWindow) => Promise<ListPage>,
    withdrawn: Withdrawn & { route: RouteName },
  ): Promise<ListPage> {
    const deleted = (rows: q.WithdrawalRow[]) => rows.map((row) => present.presentDeleted(link, withdrawn.route, withdrawn.type, row));
    if (window.gone !== undefined) {
      // A cursor in the withdrawn part: the public objects ended on an earlier page; the total counts from here.
      const gone = await q.listWithdrawals(db, withdrawn.kind, authorityId, filter, { limit: window.limit, offset: window.offset, after: [window.gone] });
      return { rows: deleted(gone.rows), total: window.offset + (gone.total ?? 0), ...(gone.lastKey ? { cursor: ['w', ...gone.lastKey] } : {}) };
    }
    const page = await publicPage(window);
    // A list too long to count (filters.ts, COUNT_AHEAD) goes on past this page: no withdrawn objects on it yet.
    if (!filter.modifiedSince || page.total === undefined) return page;
    const offset = Math.max(0, window.offset - page.total);
    const room = window.offset + window.limit <= page.total ? 0 : window.limit - page.rows.length;
    const gone = await q.listWithdrawals(db, withdrawn.kind, authorityId, filter, { limit: room, offset });
    return {
      rows: [...page.rows, ...deleted(gone.rows)],
      total: page.total + (gone.total ?? 0),
      ...(gone.lastKey && gone.rows.length > 0 ? { cursor: ['w', ...gone.lastKey] } : page.cursor ? { cursor: page.cursor } : {}),
    };
  }

  const authorityOf = async (db: Kysely<Database>, params: { id?: string }) => (params.id ? q.findAuthority(db, params.id) : undefined);
  const presentRows = async <R>(page: Paged<R>, toObjects: (rows: R[]) => Promise<OParlObject[]> | OParlObject[]): Promise<ListPage> => ({
    rows: await toObjects(page.rows),
    total: page.total,
    ...(page.lastKey ? { cursor: ['p', ...page.lastKey] } : {}),
  });

  const publisher: present.Publisher = { license: config.dataLicense, contactEmail: config.contactEmail };

  /**
   * The derived terms of an authority in which a meeting falls (one between two others with none is left out, as
   * legislative-terms.ts says), each created when its first meeting was recorded. Its content never changes, but a
   * meeting moved into it may make it appear after that: such a move, or a term emptied, is recorded against the Body
   * (oparl_change, migration 20261207_2601), so a term's modified is the later of the two. Either only ever moves to
   * the time of a change, never back, which is what a client's modified_since needs.
   */
  const stampedTerms = async (db: Kysely<Database>, authority: q.AuthorityRow): Promise<present.StampedTerm[]> => {
    const span = await q.meetingDateSpan(db, authority.id);
    const terms = termsSpanning(span?.first, span?.last);
    const stamped = await Promise.all(
      terms.map(async (term) => {
        const created = await q.firstMeetingRecordedBetween(db, authority.id, term.startDate, term.endDate);
        if (!created) return undefined;
        const modified = new Date(Math.max(new Date(created).getTime(), new Date(authority.modified_at).getTime()));
        return { ...term, created_at: created, modified_at: modified };
      }),
    );
    return stamped.filter((term) => term !== undefined);
  };

  const bodyObject = async (db: Kysely<Database>, row: q.AuthorityRow) => present.presentBody(link, row, await stampedTerms(db, row), publisher);

  app.get(local('oparl.system'), async (request) => {
    const db = readerFor(database, request);
    const authority = await q.firstAuthority(db);
    return present.presentSystem(link, { name: authority ? `Quorum: ${authority.name}` : 'Quorum', ...publisher });
  });

  // A Body's modified includes its derived terms', so the list is filtered here, on the value each Body shows.
  list('oparl.bodies', async (db, _params, filter, window) => {
    const stamped = await Promise.all(
      (await q.allAuthorities(db)).map(async (row) => {
        const terms = await stampedTerms(db, row);
        return { row, terms, created_at: row.created_at, modified_at: present.bodyModified(row, terms) };
      }),
    );
    const chosen = stampsWithin(stamped, filter);
    return {
      rows: chosen.slice(window.offset, window.offset + window.limit).map((body) => present.presentBody(link, body.row, body.terms, publisher)),
      total: chosen.length,
    };
  });
  object('oparl.body', 'Body', async (db, id) => {
    const row = await q.findAuthority(db, id);
    return row && bodyObject(db, row);
  });

  list<{ id: string }>('oparl.body.organizations', async (db, params, filter, window) => {
    if (!(await authorityOf(db, params))) return undefined;
    return presentRows(await q.listOrganizations(db, params.id, filter, window), (rows) => assemble.organizationObjects(db, link, rows));
  });
  list<{ id: string }>('oparl.body.people', async (db, params, filter, window) => {
    if (!(await authorityOf(db, params))) return undefined;
    return presentRows(await q.listPeople(db, params.id, filter, window), (rows) => assemble.personObjects(db, link, rows));
  });
  /**
   * A Body's list whose objects can be withdrawn: a withdrawn one (migration 20261207_3002) is a deleted object in
   * the changes a client asks for, after the public ones.
   */
  function withdrawableList<R>(
    name: RouteName,
    withdrawn: Withdrawn & { route: RouteName },
    read: (db: Kysely<Database>, authorityId: string, filter: ChangeFilter, window: PageWindow) => Promise<Paged<R>>,
    toObjects: (db: Kysely<Database>, rows: R[]) => Promise<OParlObject[]> | OParlObject[],
    order: Order = 'id',
  ) {
    list<{ id: string }>(
      name,
      async (db, params, filter, window) => {
        if (!(await authorityOf(db, params))) return undefined;
        return withWithdrawn(
          db,
          params.id,
          filter,
          window,
          async (part) => presentRows(await read(db, params.id, filter, part), (rows) => toObjects(db, rows)),
          withdrawn,
        );
      },
      { order, withdrawn: true },
    );
  }

  withdrawableList(
    'oparl.body.meetings',
    { ...MEETING, route: 'oparl.meeting' },
    (db, authorityId, filter, window) => q.listMeetings(db, { authorityId }, filter, window),
    (db, rows) => assemble.meetingObjects(db, link, rows),
    'date-id',
  );
  withdrawableList('oparl.body.papers', { ...PAPER, route: 'oparl.paper' }, q.listPapers, (db, rows) => assemble.paperObjects(db, link, rows));
  withdrawableList('oparl.body.agendaItems', { ...AGENDA_ITEM, route: 'oparl.agendaItem' }, q.listAgendaItems, (db, rows) =>
    assemble.agendaItemObjects(db, link, rows, { withMeeting: true }),
  );
  withdrawableList('oparl.body.consultations', { ...CONSULTATION, route: 'oparl.consultation' }, q.listConsultations, (_db, rows) =>
    rows.map((row) => present.presentConsultation(link, row, { withPaper: true })),
  );
  withdrawableList('oparl.body.files', { ...FILE, route: 'oparl.file' }, q.listPapers, (_db, rows) => rows.map((row) => present.presentFile(link, row)));
  list<{ id: string }>('oparl.body.locations', async (db, params, filter, window) => {
    if (!(await authorityOf(db, params))) return undefined;
    return presentRows(await q.listLocations(db, params.id, filter, window), (rows) => assemble.locationObjects(db, link, rows));
  });
  list<{ id: string }>('oparl.body.legislativeTerms', async (db, params, filter, window) => {
    const authority = await authorityOf(db, params);
    if (!authority) return undefined;
    const terms = stampsWithin(await stampedTerms(db, authority), filter);
    return {
      rows: terms.slice(window.offset, window.offset + window.limit).map((term) => present.presentLegislativeTerm(link, authority, term)),
      total: terms.length,
    };
  });
  list<{ id: string }>('oparl.body.memberships', async (db, params, filter, window) => {
    if (!(await authorityOf(db, params))) return undefined;
    return presentRows(await q.listMemberships(db, params.id, filter, window), (rows) =>
      rows.map((row) => present.presentMembership(link, row, { withPerson: true })),
    );
  });

  object('oparl.organization', 'Organization', async (db, id) => {
    const row = await q.findOrganization(db, id);
    return row && (await assemble.organizationObjects(db, link, [row]))[0];
  });
  list<{ id: string }>(
    'oparl.organization.meetings',
    async (db, params, filter, window) => {
      const organization = params.id ? await q.findOrganization(db, params.id) : undefined;
      if (!organization || organization.kind === 'political-group') return undefined;
      return presentRows(await q.listMeetings(db, { authorityId: organization.authority_id, bodyId: organization.id }, filter, window), (rows) =>
        assemble.meetingObjects(db, link, rows),
      );
    },
    { order: 'date-id' },
  );
  object('oparl.person', 'Person', async (db, id) => {
    const row = await q.findPerson(db, id);
    return row && (await assemble.personObjects(db, link, [row]))[0];
  });
  object('oparl.membership', 'Membership', async (db, id) => {
    const row = await q.findMembership(db, id);
    return row && present.presentMembership(link, row, { withPerson: true });
  });
  object(
    'oparl.meeting',
    'Meeting',
    async (db, id) => {
      const row = await q.findMeeting(db, id);
      return row && (await assemble.meetingObjects(db, link, [row]))[0];
    },
    MEETING,
  );
  object(
    'oparl.agendaItem',
    'Agenda item',
    async (db, id) => {
      const row = await q.findAgendaItem(db, id);
      return row && (await assemble.agendaItemObjects(db, link, [row], { withMeeting: true }))[0];
    },
    AGENDA_ITEM,
  );
  object(
    'oparl.paper',
    'Paper',
    async (db, id) => {
      const row = await q.findPaper(db, id);
      return row && (await assemble.paperObjects(db, link, [row]))[0];
    },
    PAPER,
  );
  object(
    'oparl.consultation',
    'Consultation',
    async (db, id) => {
      const row = await q.findConsultation(db, id);
      return row && present.presentConsultation(link, row, { withPaper: true });
    },
    CONSULTATION,
  );
  object(
    'oparl.file',
    'File',
    async (db, id) => {
      const row = await q.findPaper(db, id);
      return row && present.presentFile(link, row);
    },
    FILE,
  );
  object('oparl.location', 'Location', async (db, id) => {
    const row = await q.findLocation(db, id);
    return row && (await assemble.locationObjects(db, link, [row]))[0];
  });
  object('oparl.legislativeTerm', 'Legislative term', async (db, id) => {
    const authority = await q.firstAuthority(db);
    if (!authority) return undefined;
    const term = (await stampedTerms(db, authority)).find((candidate) => candidate.id === termById(id)?.id);
    return term && present.presentLegislativeTerm(link, authority, term);
  });

  app.get(local('oparl.file.content'), async (request, reply) => {
    const { id } = parseId(IdParamsSchema, request.params, 'File');
    const report = await q.publicReportText(readerFor(database, request), id);
    if (!report) throw NotFound('File not found');
    return reply.type('text/plain; charset=utf-8').send(report.full_text);
  });

  // The File's downloadUrl: the same text as an attachment named as the File's fileName says.
  app.get(local('oparl.file.download'), async (request, reply) => {
    const { id } = parseId(IdParamsSchema, request.params, 'File');
    const report = await q.publicReportText(readerFor(database, request), id);
    if (!report) throw NotFound('File not found');
    return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${id}.txt"`).send(report.full_text);
  });
};
