import type { Language } from '../../shared/contract/system';
import type { Result } from '../../shared/result';
import { asLanguage } from './shell-language';

export interface LanguageFollowerOptions {
  /** The language in use before the backend has answered (the remembered one). */
  initial: Language;
  /** settings.get through the backend bridge. */
  fetchSettings: () => Promise<Result<unknown>>;
  /** The seller's language is now this one (never called with the language already in use). */
  onChange: (language: Language) => void;
}

export interface LanguageFollower {
  readonly language: Language;
  /** Asks the backend for the language now: once the database is open. */
  refresh(): Promise<void>;
  /** Every backend event goes through here; a change of settings triggers a refresh. */
  onEvent(event: string, payload: unknown): void;
}

/** settings.update (and a restore, which swaps in another database) announce themselves with this topic. */
export const SETTINGS_TOPIC = 'settings';

export function isSettingsChange(event: string, payload: unknown): boolean {
  if (event !== 'data.changed' || typeof payload !== 'object' || payload === null) return false;
  const topics = (payload as { topics?: unknown }).topics;
  return Array.isArray(topics) && topics.includes(SETTINGS_TOPIC);
}

/**
 * Keeps the desktop shell in the language the seller chose in 設定. The setting lives in the database, so
 * main asks the backend rather than reading it itself; the event only says *that* settings changed. When two
 * refreshes overlap, the answer to the later question wins: an older one cannot undo a newer change. A
 * failed or malformed answer leaves the shell as it is.
 */
export function createLanguageFollower(options: LanguageFollowerOptions): LanguageFollower {
  let language = options.initial;
  let asked = 0;

  const refresh = async () => {
    const question = ++asked;
    let answer: Result<unknown>;
    try {
      answer = await options.fetchSettings();
    } catch {
      return;
    }
    if (question !== asked || !answer.ok) return;
    const value = answer.value;
    const next =
      typeof value === 'object' && value !== null
        ? asLanguage((value as { language?: unknown }).language)
        : null;
    if (next === null || next === language) return;
    language = next;
    options.onChange(next);
  };

  return {
    get language() {
      return language;
    },
    refresh,
    onEvent(event, payload) {
      if (isSettingsChange(event, payload)) void refresh();
    },
  };
}
