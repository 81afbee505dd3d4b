/**
 * Where a navigation key moves the grid's cursor: the arrows by a row, Page keys by a screenful, Home and
 * End to the ends; never past either end. Null for keys that do not move it. With no cursor yet, ↓ lands on
 * the first row.
 */
export function cursorTarget(key: string, at: number | null, total: number, pageRows: number): number | null {
  if (total <= 0) return null;
  const from = at ?? -1;
  let to: number;
  switch (key) {
    case 'ArrowDown':
      to = from + 1;
      break;
    case 'ArrowUp':
      to = from - 1;
      break;
    case 'PageDown':
      to = from + pageRows;
      break;
    case 'PageUp':
      to = from - pageRows;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = total - 1;
      break;
    default:
      return null;
  }
  return Math.min(total - 1, Math.max(0, to));
}

/** Rows that fit in the grid's height, less one so a Page key keeps the last row in view. */
export const rowsPerScreen = (clientHeight: number, rowHeight: number) =>
  Math.max(1, Math.floor(clientHeight / rowHeight) - 1);
