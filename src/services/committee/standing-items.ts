/**
 * A body's standing items (issue 18 item 7): the items every agenda of the body opens with, such as apologies,
 * declarations of interest and the minutes of the previous meeting. Officers keep the ordered list; meetingScheduler
 * starts each new meeting's agenda with it, whether the meeting is scheduled in the back office or by a script.
 */
import { z } from 'zod';
import * as prep from '../../db/repositories/agenda-preparation.ts';
import { USUAL_STANDING_ITEMS } from '../../domain/agenda/report-requests.ts';
import { NotFound } from '../../domain/errors.ts';
import { stableId } from '../../domain/stable-id.ts';
import { asEditor, Conflict, refuse, type CommitteeWriteProps, type Trx } from './context.ts';
import { insertAgendaItem } from '../../db/records/agenda-items.ts';

export const StandingItemFieldsSchema = z.object({
  title: z.string('Enter the standing item').trim().min(1, 'Enter the standing item').max(500, 'The standing item must be 500 characters or fewer'),
});
export type StandingItemFields = z.infer<typeof StandingItemFieldsSchema>;

export const StandingItemMoveSchema = z.object({ direction: z.enum(['up', 'down'], 'Choose up or down') });

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

async function lockedBody(trx: Trx, bodyId: string): Promise<void> {
  if (!(await prep.lockBody(trx, bodyId))) throw NotFound('Body not found');
}

async function append(trx: Trx, bodyId: string, titles: readonly string[]): Promise<number> {
  const items = await prep.listStandingItems(trx, bodyId);
  const fresh = titles.filter((title) => !items.some((item) => same(item.title, title)));
  let position = items.length;
  for (const title of fresh) {
    position += 1;
    await prep.insertStandingItem(trx, { id: stableId('standing-item', bodyId, title), body_id: bodyId, position, title });
  }
  return fresh.length;
}

/** Adds a standing item at the end of the body's list; the same title twice is refused on the field. */
export async function standingItemAdder(props: CommitteeWriteProps & StandingItemFields & { bodyId: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    await lockedBody(trx, props.bodyId);
    if ((await append(trx, props.bodyId, [props.title])) === 0)
      refuse([{ field: 'title', message: `“${props.title}” is already a standing item of this body` }]);
  });
}

/** Adds the usual standing items (apologies, declarations, minutes) that the body does not have yet. */
export async function usualStandingItemsAdder(props: CommitteeWriteProps & { bodyId: string }): Promise<{ added: number }> {
  return asEditor(props, async (trx) => {
    await lockedBody(trx, props.bodyId);
    return { added: await append(trx, props.bodyId, USUAL_STANDING_ITEMS) };
  });
}

/** Swaps a standing item with its neighbour above or below. */
export async function standingItemMover(props: CommitteeWriteProps & { id: string; direction: 'up' | 'down' }): Promise<{ bodyId: string }> {
  return asEditor(props, async (trx) => {
    const item = await prep.findStandingItem(trx, props.id);
    if (!item) throw NotFound('Standing item not found');
    await lockedBody(trx, item.body_id);
    const items = await prep.listStandingItems(trx, item.body_id);
    const index = items.findIndex((row) => row.id === item.id);
    const other = props.direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= items.length) throw Conflict(`“${item.title}” is already ${props.direction === 'up' ? 'first' : 'last'}`);
    [items[index], items[other]] = [items[other]!, items[index]!];
    await renumber(trx, items);
    return { bodyId: item.body_id };
  });
}

/** Takes a standing item off the list; agendas already made keep their items. */
export async function standingItemRemover(props: CommitteeWriteProps & { id: string }): Promise<{ bodyId: string }> {
  return asEditor(props, async (trx) => {
    const item = await prep.findStandingItem(trx, props.id);
    if (!item) throw NotFound('Standing item not found');
    await lockedBody(trx, item.body_id);
    await prep.deleteStandingItem(trx, item.id);
    await renumber(trx, await prep.listStandingItems(trx, item.body_id));
    return { bodyId: item.body_id };
  });
}

async function renumber(trx: Trx, items: Array<{ id: string }>): Promise<void> {
  for (const [index, item] of items.entries()) await prep.setStandingItemPosition(trx, item.id, index + 1);
}

/** Starts a new meeting's agenda with its body's standing items, numbered from 1, in the scheduling transaction. */
export async function addStandingItemsToAgenda(trx: Trx, meetingId: string, bodyId: string): Promise<void> {
  const items = await prep.listStandingItems(trx, bodyId);
  for (const [index, item] of items.entries()) {
    const number = String(index + 1);
    await insertAgendaItem(trx, {
      id: stableId('agenda-item', meetingId, number),
      meeting_id: meetingId,
      number,
      position: index + 1,
      title: item.title,
      description: null,
      page_from: null,
      page_to: null,
      exempt: false,
      exempt_paragraphs: [],
      report_id: null,
      source_document_id: null,
      source_line_from: null,
      source_line_to: null,
    });
  }
}
