import type { Backend } from '../../electron/backend';
import type { InputOf } from '../../shared/contract';
import type { NotificationRequest } from '../../electron/backend/context';
import { value } from './deals';

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
