import { describe, expect, it } from 'vitest';
import { dueCountOf } from '../../../electron/main/notifications-badge';

describe('tray badge from the backend status event', () => {
  it.each([
    ['followups.status', { memberId: 1, due: 3, overduePromises: [] }, 3],
    ['followups.status', { memberId: null, due: 0, overduePromises: [] }, 0],
    ['followups.status', { due: 2.7 }, 2],
    ['followups.status', { due: -1 }, null],
    ['followups.status', { due: Number.NaN }, null],
    ['followups.status', { due: '3' }, null],
    ['followups.status', null, null],
    ['followups.status', 'due', null],
    ['data.changed', { due: 3 }, null],
  ])('%s %j → %s', (event, payload, expected) => {
    expect(dueCountOf(event, payload)).toBe(expected);
  });
});
