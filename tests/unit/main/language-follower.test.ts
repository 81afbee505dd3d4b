import { describe, expect, it, vi } from 'vitest';
import { createLanguageFollower, isSettingsChange } from '../../../electron/main/language-follower';
import { fail, ok, type Result } from '../../../shared/result';
import { useBackend } from '../../support/temp';

/** A backend whose settings.get answers are released by the test, one question at a time. */
function backend() {
  const questions: Array<(answer: Result<unknown>) => void> = [];
  return {
    questions,
    fetchSettings: vi.fn(() => new Promise<Result<unknown>>((resolve) => questions.push(resolve))),
    answer(index: number, result: Result<unknown>) {
      questions[index]?.(result);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('isSettingsChange', () => {
  it('is a data.changed event naming the settings topic', () => {
    expect(isSettingsChange('data.changed', { topics: ['settings'] })).toBe(true);
    expect(isSettingsChange('data.changed', { topics: ['deals', 'settings', 'members'] })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['data.changed', { topics: ['deals'] }],
    ['data.changed', { topics: [] }],
    ['data.changed', { topics: 'settings' }],
    ['data.changed', { topics: [{ settings: true }] }],
    ['data.changed', { topic: ['settings'] }],
    ['data.changed', null],
    ['data.changed', 'settings'],
    ['data.changed', ['settings']],
    ['session.changed', { topics: ['settings'] }],
    ['followups.status', { topics: ['settings'] }],
  ])('is not %s %j', (event, payload) => {
    expect(isSettingsChange(event, payload)).toBe(false);
  });
});

describe('createLanguageFollower', () => {
  it('takes the language the backend reports, once, and only when it differs', async () => {
    const b = backend();
    const onChange = vi.fn();
    const follower = createLanguageFollower({ initial: 'ja', fetchSettings: b.fetchSettings, onChange });
    expect(follower.language).toBe('ja');

    const first = follower.refresh();
    b.answer(0, ok({ language: 'en', shopName: '' }));
    await first;
    expect(onChange).toHaveBeenCalledExactlyOnceWith('en');
    expect(follower.language).toBe('en');

    const second = follower.refresh();
    b.answer(1, ok({ language: 'en', shopName: 'みどり商店' }));
    await second;
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('asks again on a settings change and on nothing else', async () => {
    const b = backend();
    const onChange = vi.fn();
    const follower = createLanguageFollower({ initial: 'en', fetchSettings: b.fetchSettings, onChange });
    follower.onEvent('data.changed', { topics: ['deals', 'customers'] });
    follower.onEvent('followups.status', { memberId: 1, due: 2, overduePromises: [] });
    expect(b.fetchSettings).not.toHaveBeenCalled();

    follower.onEvent('data.changed', { topics: ['settings'] });
    expect(b.fetchSettings).toHaveBeenCalledOnce();
    b.answer(0, ok({ language: 'ja', shopName: '' }));
    await settle();
    expect(onChange).toHaveBeenCalledExactlyOnceWith('ja');
  });

  it('lets the answer to the latest question win when two overlap', async () => {
    const b = backend();
    const onChange = vi.fn();
    const follower = createLanguageFollower({ initial: 'ja', fetchSettings: b.fetchSettings, onChange });
    // Switched to English, then straight back to Japanese; the first answer is slow.
    follower.onEvent('data.changed', { topics: ['settings'] });
    follower.onEvent('data.changed', { topics: ['settings'] });
    b.answer(1, ok({ language: 'ja', shopName: '' }));
    await settle();
    b.answer(0, ok({ language: 'en', shopName: '' }));
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    expect(follower.language).toBe('ja');
  });

  it.each<[string, () => Promise<Result<unknown>>]>([
    ['a failed call', async () => fail('internal', 'The backend is not running.')],
    ['a thrown error', async () => Promise.reject(new Error('boom'))],
    ['no object', async () => ok('en')],
    ['null', async () => ok(null)],
    ['an unknown language', async () => ok({ language: 'fr' })],
    ['a wrong type', async () => ok({ language: ['en'] })],
    ['a huge string', async () => ok({ language: 'en'.repeat(1_000_000) })],
    ['no language', async () => ok({ shopName: 'x' })],
  ])('keeps the language in use after %s', async (_name, fetchSettings) => {
    const onChange = vi.fn();
    const follower = createLanguageFollower({ initial: 'en', fetchSettings, onChange });
    await expect(follower.refresh()).resolves.toBeUndefined();
    expect(onChange).not.toHaveBeenCalled();
    expect(follower.language).toBe('en');
  });
});

describe('with the real backend', () => {
  const openBackend = useBackend();

  it('follows settings.update and a restore back to a backup in the other language', async () => {
    const backend = await openBackend();
    const onChange = vi.fn();
    const follower = createLanguageFollower({
      initial: 'ja',
      fetchSettings: () => backend.call('settings.get', {}),
      onChange,
    });
    backend.events.on('data.changed', (payload) => follower.onEvent('data.changed', payload));
    await follower.refresh();
    expect(onChange).not.toHaveBeenCalled();

    const backup = await backend.call('backups.now', {});
    if (!backup.ok) throw new Error(backup.error.message);
    await backend.call('settings.update', { language: 'en' });
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith('en'));
    // Naming the shop is a settings change too, but not of the language: nothing to rebuild.
    await backend.call('settings.update', { shopName: 'みどり商店' });
    await settle();
    expect(onChange).toHaveBeenCalledOnce();

    // The backup was taken in Japanese: going back to it brings the Japanese shell back.
    const restored = await backend.call('backups.restore', { file: backup.value.file });
    expect(restored.ok).toBe(true);
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith('ja'));
    expect(follower.language).toBe('ja');
  });
});
