import type { Backend } from '../../electron/backend';
import type { InputOf } from '../../shared/contract';
import type { NotificationRequest } from '../../electron/backend/context';
import { createDeal, value } from './deals';

/** A valid case; tests override only what they are about. */
export function caseInput(overrides: Partial<InputOf<'cases.create'>> = {}): InputOf<'cases.create'> {
  return {
    category: 'not_arrived',
    severity: 'medium',
    summary: '商品が届かない',
    wish: '早く届けてほしい',
    firstEntry: { kind: 'message_in', text: 'まだ届きません。どうなっていますか？' },
    ...overrides,
  };
}

export const createCase = (backend: Backend, overrides: Partial<InputOf<'cases.create'>> = {}) =>
  value(backend.call('cases.create', caseInput(overrides)));

export async function addMember(backend: Backend, name = '母'): Promise<number> {
  const member = await value(backend.call('members.create', { name, color: 'pink' }));
  await value(backend.call('session.switch', { memberId: member.id }));
  return member.id;
}

/** Collects what the backend asked to show, as the desktop shell would receive it. */
export function notificationSink() {
  const shown: NotificationRequest[] = [];
  return { shown, notify: (n: NotificationRequest) => void shown.push(n), clear: () => shown.splice(0) };
}

/** Two deals whose buyers are one person the matching kept apart (ヤフオク! and 楽天): ready to merge. */
export async function twoBuyerDeals(backend: Backend) {
  const keep = await createDeal(backend, { shipTo: { name: '山田 花子', phone: '090-1111-1111' } });
  const absorb = await createDeal(backend, {
    marketplace: 'rakuten',
    buyer: { name: 'ヤマダ ハナコ', email: 'hanako@example.jp' },
    shipTo: { name: 'ヤマダ ハナコ', phone: '080-2222-2222' },
  });
  return { keep, absorb, keepId: keep.customer!.id, absorbId: absorb.customer!.id };
}
