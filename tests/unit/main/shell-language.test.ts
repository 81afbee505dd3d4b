import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  loadShellLanguage,
  parseShellLanguage,
  saveShellLanguage,
  SHELL_LANGUAGE_FILE,
} from '../../../electron/main/shell-language';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir();

describe('parseShellLanguage', () => {
  it.each([
    ['{"language":"ja"}', 'ja'],
    ['{"language":"en"}\n', 'en'],
    [' { "language" : "en" , "other": 1 } ', 'en'],
  ])('reads %j', (text, language) => {
    expect(parseShellLanguage(text)).toBe(language);
  });

  it.each([
    '',
    'en',
    '"en"',
    '["en"]',
    'null',
    '42',
    '{}',
    '{"language":"fr"}',
    '{"language":"EN"}',
    '{"language":" en"}',
    '{"language":42}',
    '{"language":null}',
    '{"language":["en"]}',
    '{"language":{"toString":"en"}}',
    '{"language":"en"',
    '\uFEFF{"language":"en"}',
    '\u0000\u0001garbage',
    '{"__proto__":{"language":"en"}}',
    '{"language":"constructor"}',
  ])('refuses %j', (text) => {
    expect(parseShellLanguage(text)).toBeNull();
  });
});

describe('loadShellLanguage / saveShellLanguage', () => {
  it('round-trips through the file in the data folder and leaves no temporary file behind', () => {
    const dir = tempDir();
    const file = path.join(dir, SHELL_LANGUAGE_FILE);
    saveShellLanguage(file, 'en');
    expect(loadShellLanguage(file)).toBe('en');
    saveShellLanguage(file, 'ja');
    expect(loadShellLanguage(file)).toBe('ja');
    expect(fs.readdirSync(dir)).toEqual([SHELL_LANGUAGE_FILE]);
  });

  it('is Japanese, the default, when nothing is remembered', () => {
    expect(loadShellLanguage(path.join(tempDir(), 'none', SHELL_LANGUAGE_FILE))).toBe('ja');
  });

  it.each([
    ['garbage', () => Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x40, 0x0a])],
    ['a wrong value', () => '{"language":"de"}'],
    ['a wrong type', () => '{"language":1}'],
    ['the language named in Japanese', () => '{"language":"英語"}'],
    // Valid JSON naming English, but padded far past anything Torihiki writes: not read at all.
    ['huge', () => `{"language":"en","pad":"${'x'.repeat(5 * 1024 * 1024)}"}`],
  ])('falls back to Japanese for %s', (_name, content) => {
    const file = path.join(tempDir(), SHELL_LANGUAGE_FILE);
    fs.writeFileSync(file, content());
    expect(loadShellLanguage(file)).toBe('ja');
  });

  it('falls back to Japanese when a folder sits where the file should be', () => {
    const file = path.join(tempDir(), SHELL_LANGUAGE_FILE);
    fs.mkdirSync(file);
    expect(loadShellLanguage(file)).toBe('ja');
  });

  it('does not throw when the folder cannot be written, and keeps what was there', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, 'not a folder');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => saveShellLanguage(path.join(blocker, SHELL_LANGUAGE_FILE), 'en')).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
  });
});
