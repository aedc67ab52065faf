/** A body's standing items, on a page of their own: add, reorder, remove, or add the usual ones (democratic services). */
import type { FastifyInstance, FastifyReply } from 'fastify';
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

export async function standingItemRoutes(app: FastifyInstance, { database }: FeatureDeps): Promise<void> {
  const db = database.db;
  const page = (bodyId: string) => linkTo('admin.body.standingItems', { id: bodyId });

  async function standingItemsPage(reply: FastifyReply, bodyId: string, failure?: { values: Record<string, unknown>; problems: Problem[]; status: number }) {
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

  app.get(ROUTES['admin.body.standingItems'], async (request, reply) => standingItemsPage(reply, IdParams.parse(request.params).id));

  app.post(ROUTES['admin.body.standingItems'], async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const values = (request.body ?? {}) as Record<string, unknown>;
    return formAction({
      schema: StandingItemFieldsSchema,
      body: values,
      run: async (data) => {
        await standingItemAdder({ database, actor: request.user!, bodyId: id, ...data });
        return page(id);
      },
      fail: (problems, status) => standingItemsPage(reply, id, { values, problems, status }),
      redirect: (url) => reply.redirect(url, 303),
    });
  });

  app.post(ROUTES['admin.body.standingItems.usual'], async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return formAction({
      schema: Nothing,
      body: request.body,
      run: async () => {
        await usualStandingItemsAdder({ database, actor: request.user!, bodyId: id });
        return page(id);
      },
      fail: (problems, status) => standingItemsPage(reply, id, { values: {}, problems, status }),
      redirect: (url) => reply.redirect(url, 303),
    });
  });

  /** Moving and removing name the item; on a refusal the body's page is shown again with the message. */
  function itemPost<S extends z.ZodType>(
    route: string,
    schema: S,
    run: (id: string, data: z.infer<S>, actor: NonNullable<import('fastify').FastifyRequest['user']>) => Promise<{ bodyId: string }>,
  ) {
    app.post(route, async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const item = await prep.findStandingItem(db, id);
      if (!item) throw NotFound('Standing item not found');
      return formAction({
        schema,
        body: request.body,
        run: async (data) => page((await run(id, data, request.user!)).bodyId),
        fail: (problems, status) => standingItemsPage(reply, item.body_id, { values: {}, problems, status }),
        redirect: (url) => reply.redirect(url, 303),
      });
    });
  }

  itemPost(ROUTES['admin.standingItem.move'], StandingItemMoveSchema, (id, data, actor) =>
    standingItemMover({ database, actor, id, direction: data.direction }),
  );
  itemPost(ROUTES['admin.standingItem.remove'], Nothing, (id, _data, actor) => standingItemRemover({ database, actor, id }));
}
