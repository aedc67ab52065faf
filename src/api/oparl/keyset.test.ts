import { describe, expect, it } from 'vitest';
import { presentListPage } from './presenters.ts';
import { ListQuerySchema, MAX_PAGE_OFFSET } from './schema.ts';

const url = (page: number, after?: string) => `https://example.org/papers?page=${page}${after ? `&after=${after}` : ''}`;

describe('OParl keyset pages (issue 23 item 2)', () => {
  it('the next link carries the cursor of the page; the others address pages by number', () => {
    const page = presentListPage([], { total: undefined, perPage: 20, current: 3, cursor: 'p.report-9', maxOffset: MAX_PAGE_OFFSET }, url);
    expect(page.links).toEqual({ first: url(1), prev: url(2), next: url(4, 'p.report-9') });
  });

  it('leaves out the links to pages that skip more objects than a page number may', () => {
    const deep = presentListPage([], { total: 5000, perPage: 20, current: 200, cursor: 'p.report-9', maxOffset: MAX_PAGE_OFFSET }, url);
    expect(deep.links).toEqual({ first: url(1), next: url(201, 'p.report-9') });
    const near = presentListPage([], { total: 60, perPage: 20, current: 2, cursor: 'p.report-9', maxOffset: MAX_PAGE_OFFSET }, url);
    expect(near.links).toEqual({ first: url(1), prev: url(1), next: url(3, 'p.report-9'), last: url(3) });
  });

  it('reads a cursor into its part and key, and refuses what no next link gives', () => {
    expect(ListQuerySchema.parse({ after: 'p.2024-05-01.meeting-1a', page: '40' }).after).toEqual({ phase: 'p', key: ['2024-05-01', 'meeting-1a'] });
    expect(ListQuerySchema.parse({ after: 'w.report-1' }).after).toEqual({ phase: 'w', key: ['report-1'] });
    for (const after of ['x.report-1', 'p', 'p.a.b.c', "p.report'1", 'p..report']) {
      const parsed = ListQuerySchema.safeParse({ after });
      expect(parsed.success, after).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['after']);
    }
  });

  it('refuses a page number past the first objects without a cursor, saying how to get there', () => {
    expect(ListQuerySchema.safeParse({ page: String(MAX_PAGE_OFFSET / 20 + 1) }).success).toBe(true);
    const deep = ListQuerySchema.safeParse({ page: String(MAX_PAGE_OFFSET / 20 + 2) });
    expect(deep.success).toBe(false);
    expect(deep.error?.issues[0]).toMatchObject({ path: ['page'], message: expect.stringContaining('next links') });
    expect(ListQuerySchema.safeParse({ page: '5000', after: 'p.report-1' }).success).toBe(true);
  });
});
