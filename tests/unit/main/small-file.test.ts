import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readSmallFile, writeSmallFile } from '../../../electron/main/small-file';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir();

describe('readSmallFile', () => {
  it('reads a file up to the limit and refuses one byte more', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'at'), 'a'.repeat(16));
    fs.writeFileSync(path.join(dir, 'over'), 'a'.repeat(17));
    fs.writeFileSync(path.join(dir, 'empty'), '');
    expect(readSmallFile(path.join(dir, 'at'), 16)).toBe('a'.repeat(16));
    expect(readSmallFile(path.join(dir, 'over'), 16)).toBeNull();
    expect(readSmallFile(path.join(dir, 'empty'), 16)).toBe('');
  });

  it('reads UTF-8 text', () => {
    const file = path.join(tempDir(), 'ja');
    fs.writeFileSync(file, '日本語');
    expect(readSmallFile(file, 64)).toBe('日本語');
  });

  it('returns null for a missing file or a folder', () => {
    const dir = tempDir();
    expect(readSmallFile(path.join(dir, 'none'), 64)).toBeNull();
    expect(readSmallFile(dir, 64)).toBeNull();
  });
});

describe('writeSmallFile', () => {
  it('replaces the whole file and leaves no temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'nested', 'state.json');
    expect(writeSmallFile(file, 'first, and longer', 'test')).toBe(true);
    expect(writeSmallFile(file, 'second', 'test')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['state.json']);
  });

  it('logs and reports failure instead of throwing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'file'), '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(writeSmallFile(path.join(dir, 'file', 'state.json'), 'x', 'test')).toBe(false);
    expect(warn).toHaveBeenCalledWith('[test] could not save', expect.any(String));
    warn.mockRestore();
  });
});
