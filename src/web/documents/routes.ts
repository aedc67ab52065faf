/**
 * Downloads of a meeting's generated papers: the agenda pack and the minutes, as PDF and DOCX; the supplementary
 * packs and each item's papers, as PDF.
 *
 * The public routes serve the public version (exempt papers and minutes left out) to everyone; the restricted
 * version, with exempt content, is served only from the back office: packs and papers to members and officers
 * (roles councillor, officer, monitoring officer), the minutes to officers. Public files are kept in memory for the
 * current data version (bumped by triggers with every change to the committee records), with an ETag of that version,
 * so a repeat download is a 304 and a changed record is in the next one.
 */
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import { dataVersionOf } from '../../db/data-version-watch.ts';
import { findMeetingIdByBodyAndDate } from '../../db/queries/portal/meeting-lookup.ts';
import { agendaPackDocument, minutesDocument, type DocumentFormat, type GeneratedDocument } from '../../services/documents/meeting-documents.ts';
import type { PackSelection } from '../../services/documents/agenda-pack-content.ts';
import type { DocumentAudience } from '../../db/queries/documents.ts';
import { requireRole } from '../auth/plugin.ts';
import { NotFound } from '../../http/errors.ts';
import type { FeatureDeps } from '../../http/feature.ts';
import { parseMeetingSlug } from '../portal/slugs.ts';
import { ROUTES, type RouteName } from '../../http/routes.ts';
import { DocumentCache } from './document-cache.ts';

export const DocumentParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be a meeting id') });
export type DocumentParams = z.infer<typeof DocumentParamsSchema>;

export const SupplementParamsSchema = DocumentParamsSchema.extend({ number: z.coerce.number().int().min(1).max(999) });
export type SupplementParams = z.infer<typeof SupplementParamsSchema>;

export const ItemPapersParamsSchema = DocumentParamsSchema.extend({ number: z.string().regex(/^[A-Za-z0-9()._-]{1,20}$/, 'must be an agenda item number') });
export type ItemPapersParams = z.infer<typeof ItemPapersParamsSchema>;

/** Who may read exempt papers: the members who decide and the officers who advise (Schedule 12A). */
const RESTRICTED_PAPERS_ROLES = ['officer', 'councillor', 'monitoring-officer'] as const;

type Papers = 'supplementaryPack' | 'itemPapers';

const PAPERS_NOT_FOUND: Record<Papers, string> = {
  supplementaryPack: 'There is no such supplementary pack for this meeting',
  itemPapers: 'This agenda item has no papers to download',
};

function selectionOf(papers: Papers, params: unknown): PackSelection | undefined {
  if (papers === 'supplementaryPack') {
    const parsed = SupplementParamsSchema.safeParse(params);
    return parsed.success ? { kind: 'supplement', number: parsed.data.number } : undefined;
  }
  const parsed = ItemPapersParamsSchema.safeParse(params);
  return parsed.success ? { kind: 'item', number: parsed.data.number } : undefined;
}

type Kind = 'agendaPack' | 'minutes';

const NOT_FOUND: Record<Kind, string> = {
  agendaPack: 'Meeting not found',
  minutes: 'There are no minutes of this meeting yet',
};

const PUBLIC_CACHE_CONTROL = 'public, no-cache';
const OFFICERS_CACHE_CONTROL = 'private, no-store';

async function meetingIdOf(database: DatabaseHandle, params: unknown): Promise<string | undefined> {
  const parsed = DocumentParamsSchema.safeParse(params);
  if (!parsed.success) return undefined;
  const named = parseMeetingSlug(parsed.data.id);
  return named ? findMeetingIdByBodyAndDate(database.db, named.bodySlug, named.date) : parsed.data.id;
}

function generate(database: DatabaseHandle, kind: Kind, props: { meetingId: string; format: DocumentFormat; audience: DocumentAudience }) {
  return kind === 'agendaPack' ? agendaPackDocument(database.db, props) : minutesDocument(database.db, props);
}

function send(reply: FastifyReply, document: GeneratedDocument, cacheControl: string) {
  return reply
    .type(document.contentType)
    .header('content-disposition', `attachment; filename="${document.fileName}"`)
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .send(document.bytes);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return Boolean(ifNoneMatch?.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === etag));
}

export async function registerDocumentRoutes(app: FastifyInstance, { database }: FeatureDeps): Promise<void> {
  const cache = new DocumentCache();

  for (const kind of ['agendaPack', 'minutes'] as const) {
    for (const format of ['pdf', 'docx'] as const) {
      app.get(ROUTES[`meeting.${kind}.${format}` satisfies RouteName], async (request: FastifyRequest, reply: FastifyReply) => {
        const meetingId = await meetingIdOf(database, request.params);
        if (!meetingId) throw NotFound(NOT_FOUND[kind]);
        const version = await dataVersionOf(database);
        const etag = `"${kind}-${format}-${version}"`;
        const key = `${kind}:${format}:${meetingId}`;
        let document = cache.get(version, key);
        if (!document) {
          document = await generate(database, kind, { meetingId, format, audience: 'public' });
          if (!document) throw NotFound(NOT_FOUND[kind]);
          cache.set(version, key, document);
        }
        reply.header('etag', etag);
        if (matches(request.headers['if-none-match'], etag)) return reply.code(304).header('cache-control', PUBLIC_CACHE_CONTROL).send();
        return send(reply, document, PUBLIC_CACHE_CONTROL);
      });

      app.get(
        ROUTES[`admin.meeting.${kind}.${format}` satisfies RouteName],
        { preHandler: kind === 'agendaPack' ? requireRole(...RESTRICTED_PAPERS_ROLES) : requireRole('officer') },
        async (request: FastifyRequest, reply: FastifyReply) => {
          const meetingId = await meetingIdOf(database, request.params);
          const document = meetingId ? await generate(database, kind, { meetingId, format, audience: 'officers' }) : undefined;
          if (!document) throw NotFound(NOT_FOUND[kind]);
          return send(reply, document, OFFICERS_CACHE_CONTROL);
        },
      );
    }
  }

  for (const papers of ['supplementaryPack', 'itemPapers'] as const) {
    app.get(ROUTES[`meeting.${papers}.pdf` satisfies RouteName], async (request: FastifyRequest, reply: FastifyReply) => {
      const meetingId = await meetingIdOf(database, request.params);
      const selection = selectionOf(papers, request.params);
      if (!meetingId || !selection) throw NotFound(PAPERS_NOT_FOUND[papers]);
      const version = await dataVersionOf(database);
      const key = `${papers}:${selection.kind === 'pack' ? '' : selection.number}:${meetingId}`;
      const etag = `"${papers}-${version}"`;
      let document = cache.get(version, key);
      if (!document) {
        document = await agendaPackDocument(database.db, { meetingId, format: 'pdf', audience: 'public', selection });
        if (!document) throw NotFound(PAPERS_NOT_FOUND[papers]);
        cache.set(version, key, document);
      }
      reply.header('etag', etag);
      if (matches(request.headers['if-none-match'], etag)) return reply.code(304).header('cache-control', PUBLIC_CACHE_CONTROL).send();
      return send(reply, document, PUBLIC_CACHE_CONTROL);
    });

    app.get(
      ROUTES[`admin.meeting.${papers}.pdf` satisfies RouteName],
      { preHandler: requireRole(...RESTRICTED_PAPERS_ROLES) },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const meetingId = await meetingIdOf(database, request.params);
        const selection = selectionOf(papers, request.params);
        const document =
          meetingId && selection ? await agendaPackDocument(database.db, { meetingId, format: 'pdf', audience: 'officers', selection }) : undefined;
        if (!document) throw NotFound(PAPERS_NOT_FOUND[papers]);
        return send(reply, document, OFFICERS_CACHE_CONTROL);
      },
    );
  }
}
