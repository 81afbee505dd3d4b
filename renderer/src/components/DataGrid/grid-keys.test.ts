import { describe, expect, it } from 'vitest';
import { cursorTarget, rowsPerScreen } from './grid-keys';

describe('the grid cursor moves by keys and stays within the rows', () => {
  it.each([
    ['ArrowDown', null, 0],
    ['ArrowDown', 4, 5],
    ['ArrowDown', 99, 99],
    ['ArrowUp', null, 0],
    ['ArrowUp', 0, 0],
    ['ArrowUp', 7, 6],
    ['PageDown', 10, 25],
    ['PageDown', 90, 99],
    ['PageUp', 10, 0],
    ['PageUp', 40, 25],
    ['Home', 55, 0],
    ['End', null, 99],
  ] as const)('%s from %s → %i (100 rows, 15 a screen)', (key, at, to) =>
    expect(cursorTarget(key, at, 100, 15)).toBe(to),
  );

  it('other keys, and an empty grid, do not move it', () => {
    expect(cursorTarget('Enter', 3, 100, 15)).toBeNull();
    expect(cursorTarget('a', 3, 100, 15)).toBeNull();
    expect(cursorTarget('ArrowDown', null, 0, 15)).toBeNull();
  });

  it('a screenful keeps one row of overlap and is never zero', () => {
    expect(rowsPerScreen(440, 44)).toBe(9);
    expect(rowsPerScreen(20, 44)).toBe(1);
  });
});
