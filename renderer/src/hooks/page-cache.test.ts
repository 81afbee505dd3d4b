import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { cachedPages, listExtent, listIdentity, pageKey, PAGE_SIZE } from './page-cache';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }));
const page = (n: number, total: number, totalCapped?: boolean) => ({ rows: rows(n), total, totalCapped });

function cacheWith(entries: [readonly unknown[], unknown][]): QueryClient {
  const client = new QueryClient();
  for (const [key, data] of entries) client.setQueryData(key, data);
  return client;
}

describe('the paged-rows cache of a virtualised list', () => {
  const query = { filter: { text: '佐藤' }, sort: { by: 'total', dir: 'desc' } } as const;

  it('keys a page by method, paged input and scope, so data.changed for the method reaches it', () => {
    expect(pageKey('deals.list', query, { me: 3 }, 2)).toEqual([
      'deals.list',
      { ...query, offset: 2 * PAGE_SIZE, limit: PAGE_SIZE },
      { me: 3 },
    ]);
    // No scope is the same list as a null scope.
    expect(pageKey('customers.list', {}, undefined, 0)[2]).toBeNull();
  });

  it('finds the pages of one list only: not another query, scope or method', () => {
    const identity = listIdentity(query, null);
    const client = cacheWith([
      [pageKey('deals.list', query, null, 0), page(PAGE_SIZE, 900)],
      [pageKey('deals.list', query, null, 3), page(PAGE_SIZE, 900)],
      [pageKey('deals.list', query, { me: 1 }, 0), page(5, 5)],
      [pageKey('deals.list', { filter: { text: '田中' } }, null, 0), page(2, 2)],
      [pageKey('customers.list', query as never, null, 0), page(7, 7)],
      // A key of another shape under the same method is passed over, not thrown on.
      [['deals.list', 'odd'], page(1, 1)],
    ]);
    const found = cachedPages(client, 'deals.list', identity);
    expect(found.map((f) => f.offset).sort((a, b) => a - b)).toEqual([0, 3 * PAGE_SIZE]);
    expect(found.every((f) => f.limit === PAGE_SIZE)).toBe(true);
  });

  it('a counted list has the newest total among the pages on screen', () => {
    const client = new QueryClient();
    const identity = listIdentity(query, null);
    const extent = listExtent(client, 'deals.list', identity, [
      { data: page(PAGE_SIZE, 640), at: 10 },
      { data: page(40, 650), at: 20 },
      { data: undefined, at: 0 },
    ]);
    expect(extent).toEqual({ total: 650, more: false });
  });

  it('while the pages on screen load, the total comes from cached pages of the same list', () => {
    const identity = listIdentity(query, null);
    const client = cacheWith([
      [pageKey('deals.list', query, null, 0), page(PAGE_SIZE, 321)],
      [pageKey('deals.list', { filter: { text: '他' } }, null, 0), page(3, 3)],
    ]);
    expect(listExtent(client, 'deals.list', identity, [{ data: undefined, at: 0 }])).toEqual({
      total: 321,
      more: false,
    });
    // Nothing of this list anywhere: unknown, and the page shows it is loading.
    expect(listExtent(new QueryClient(), 'deals.list', identity, [])).toEqual({
      total: undefined,
      more: false,
    });
  });

  it('a list too long to count reaches one page past the furthest full page, and stops at a short one', () => {
    const identity = listIdentity(query, null);
    const first = page(PAGE_SIZE, 1000, true);
    const client = cacheWith([[pageKey('deals.list', query, null, 0), first]]);
    // Counting stopped at 1,000: the table holds one page more, so scrolling to the end asks for it.
    expect(listExtent(client, 'deals.list', identity, [{ data: first, at: 1 }])).toEqual({
      total: 1000 + PAGE_SIZE,
      more: true,
    });
    const far = page(PAGE_SIZE, 1000, true);
    client.setQueryData(pageKey('deals.list', query, null, 6), far);
    expect(listExtent(client, 'deals.list', identity, [{ data: far, at: 2 }])).toEqual({
      total: 7 * PAGE_SIZE + PAGE_SIZE,
      more: true,
    });
    const last = page(37, 1000, true);
    client.setQueryData(pageKey('deals.list', query, null, 7), last);
    expect(listExtent(client, 'deals.list', identity, [{ data: last, at: 3 }])).toEqual({
      total: 7 * PAGE_SIZE + 37,
      more: false,
    });
  });
});
