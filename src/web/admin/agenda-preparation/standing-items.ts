/** A body's standing items, on a page of their own: add, reorder, remove, or add the usual ones (democratic services). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import * as prep from '../../../db/repositories/agenda-preparation.ts';
import { USUAL_STANDING_ITEMS } from '../../../domain/agenda/report-requests.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { NotFound } from '../../../http/errors.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import {
  standingItemAdder,
  StandingItemFieldsSchema,
  StandingItemMoveSchema,
  standingItemMover,
  standingItemRemover,
  usualStandingItemsAdder,
} from '../../../services/committee/standing-items.ts';
import { formAction } from '../form-action.ts';
import { formErrors, type Problem } from '../../shared/forms.ts';
import { findBodyRow } from '../../../db/records/bodies.ts';

const IdParams = z.object({ id: z.string().min(1).max(200) });
const Nothing = z.object({});

export async function standingItemRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  const { database } = deps;
  app.get(ROUTES['admin.body.standingItems'], (request, reply) => getBodyStandingItems(deps, request, reply));
  app.post(ROUTES['admin.body.standingItems'], (request, reply) => postBodyStandingItems(deps, request, reply));
  app.post(ROUTES['admin.body.standingItems.usual'], (request, reply) => postBodyStandingItemsUsual(deps, request, reply));
  app.post(ROUTES['admin.standingItem.move'], (request, reply) =>
    submitItemForm(deps, request, reply, StandingItemMoveSchema, (id, data, actor) => standingItemMover({ database, actor, id, direction: data.direction })),
  );
  app.post(ROUTES['admin.standingItem.remove'], (request, reply) =>
    submitItemForm(deps, request, reply, Nothing, (id, _data, actor) => standingItemRemover({ database, actor, id })),
  );
}

async function standingItemsPage(
  deps: FeatureDeps,
  reply: FastifyReply,
  bodyId: string,
  failure?: { values: Record<string, unknown>; problems: Problem[]; status: number },
) {
  const { database } = deps;
  const db = database.db;
  const body = await findBodyRow(db, bodyId);
  if (!body) throw NotFound('Body not found');
  const items = await prep.listStandingItems(db, body.id);
  const missing = USUAL_STANDING_ITEMS.filter((title) => !items.some((item) => item.title.toLowerCase() === title.toLowerCase()));
  return reply.code(failure?.status ?? 200).view('admin/standing-items.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}Standing items: ${body.name}`,
    body,
    items: items.map((item, index) => ({ ...item, first: index === 0, last: index === items.length - 1 })),
    missing,
    values: failure?.values ?? {},
    errors: failure ? formErrors(failure.problems) : undefined,
  });
}

/** Moving and removing name the item; on a refusal the body's page is shown again with the message. */
async function submitItemForm<S extends z.ZodType>(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  run: (id: string, data: z.infer<S>, actor: NonNullable<import('fastify').FastifyRequest['user']>) => Promise<{ bodyId: string }>,
) {
  const { database } = deps;
  const db = database.db;
  const { id } = IdParams.parse(request.params);
  const item = await prep.findStandingItem(db, id);
  if (!item) throw NotFound('Standing item not found');
  return formAction({
    schema,
    body: request.body,
    run: async (data) => page(deps, (await run(id, data, request.user!)).bodyId),
    fail: (problems, status) => standingItemsPage(deps, reply, item.body_id, { values: {}, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

function page(deps: FeatureDeps, bodyId: string) {
  return linkTo('admin.body.standingItems', { id: bodyId });
}

async function getBodyStandingItems(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  return standingItemsPage(deps, reply, IdParams.parse(request.params).id);
}

async function postBodyStandingItems(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: StandingItemFieldsSchema,
    body: values,
    run: async (data) => {
      await standingItemAdder({ database, actor: request.user!, bodyId: id, ...data });
      return page(deps, id);
    },
    fail: (problems, status) => standingItemsPage(deps, reply, id, { values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function postBodyStandingItemsUsual(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  return formAction({
    schema: Nothing,
    body: request.body,
    run: async () => {
      await usualStandingItemsAdder({ database, actor: request.user!, bodyId: id });
      return page(deps, id);
    },
    fail: (problems, status) => standingItemsPage(deps, reply, id, { values: {}, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}
