import type { Language } from '../../shared/contract/system';
import { languages } from '../../shared/contract/system';
import { parseJsonObject, readSmallFile, writeSmallFile } from './small-file';
import { DEFAULT_SHELL_LANGUAGE } from './text';

/**
 * The language main last saw, kept in the data folder. The language is a setting inside the database, but the
 * dialogs about a database that will not open (damaged, newer version, restore offer) come before it is open,
 * so main remembers the last one here. The file only chooses the wording of those dialogs: anything odd
 * in it means Japanese, the app's default.
 */
export const SHELL_LANGUAGE_FILE = 'shell-language.json';

// `{"language":"ja"}` is 18 bytes; leave room for hand-editing, never for a planted monster.
const MAX_FILE_BYTES = 1024;

/** A language this build speaks, or null for anything else (unknown code, wrong type, not an object). */
export function asLanguage(value: unknown): Language | null {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
    ? (value as Language)
    : null;
}

export function parseShellLanguage(text: string): Language | null {
  const data = parseJsonObject(text);
  // Own property only: an inherited key must not count.
  return data && Object.hasOwn(data, 'language') ? asLanguage(data.language) : null;
}

export function loadShellLanguage(file: string): Language {
  const text = readSmallFile(file, MAX_FILE_BYTES);
  return (text === null ? null : parseShellLanguage(text)) ?? DEFAULT_SHELL_LANGUAGE;
}

export function saveShellLanguage(file: string, language: Language): void {
  writeSmallFile(file, `${JSON.stringify({ language })}\n`, 'shell-language');
}
