/**
 * Supplementary agenda packs: papers published after the agenda. An item added after the agenda's publication is not
 * in the pack as published (which stays as it was sent out) but in a supplementary pack; the items added on one day
 * (in London) form one pack, numbered 1, 2, ... in the order they were published. An agenda withdrawn and published
 * again takes in everything added before the new publication.
 */
import { londonDateOf } from '../dates.ts';

/** A supplementary pack: the items first published on one day after the agenda. */
export interface Supplement {
  number: number;
  /** The London date the items were published. */
  publishedOn: string;
  itemNumbers: string[];
}

/** The supplementary packs of a meeting from when its agenda was published and when each item was added. */
export function supplementsOf(publishedAt: Date | null, items: Array<{ number: string; addedAt: Date }>): Supplement[] {
  if (!publishedAt) return [];
  const days = new Map<string, string[]>();
  const late = items.filter((item) => item.addedAt > publishedAt).sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime());
  for (const item of late) {
    const day = londonDateOf(item.addedAt);
    days.set(day, [...(days.get(day) ?? []), item.number]);
  }
  return [...days].map(([publishedOn, itemNumbers], index) => ({ number: index + 1, publishedOn, itemNumbers }));
}
