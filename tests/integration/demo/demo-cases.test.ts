import { expect, it } from 'vitest';
import { value } from '../../support/deals';
import { fakeClock, useBackend } from '../../support/temp';

const open = useBackend();

it('demo data includes complaints in every stage, built by the case rules themselves', async () => {
  const backend = await open({ clock: fakeClock('2026-11-20T01:00:00.000Z') });
  await value(backend.call('demo.seed', { deals: 500 }));
  const page = await value(backend.call('cases.list', {}));
  expect(page.rows.map((r) => r.state).sort()).toEqual([
    'aftercare',
    'closed',
    'investigating',
    'proposed',
    'received',
  ]);
  const resolved = page.rows.find((r) => r.state === 'aftercare')!;
  const detail = await value(backend.call('cases.get', { id: resolved.id }));
  expect(detail.aftercare.map((a) => a.state)).toEqual(['done', 'open', 'open']);
  expect(detail.deal?.state).not.toBe('deleted');
  expect(detail.customer).not.toBeNull();
  const stats = await value(backend.call('cases.stats', {}));
  expect(stats.firstResponse.answered).toBe(4);
  expect(stats.promises.kept).toBe(1);
  // A tiny seed (a test, a first look) adds no complaints.
  const small = await open();
  await value(small.call('demo.seed', { deals: 50 }));
  expect((await value(small.call('cases.list', {}))).total).toBe(0);
});
