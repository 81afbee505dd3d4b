import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface DisplayArea {
  /** The display's work area (without task bar or menu bar), in DIPs as Electron's screen reports it. */
  workArea: Rect;
  primary: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';

// Anything beyond this is not a screen coordinate, however many monitors are attached.
const COORDINATE_LIMIT = 100_000;

const isCoordinate = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= COORDINATE_LIMIT;
const isLength = (v: unknown): v is number => isCoordinate(v) && v > 0;

function isRect(v: unknown): v is Rect {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return isCoordinate(r.x) && isCoordinate(r.y) && isLength(r.width) && isLength(r.height);
}

/** Reads the saved state; anything hand-edited into nonsense counts as no state at all. */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { bounds, maximized } = data as Record<string, unknown>;
  if (!isRect(bounds)) return null;
  return {
    bounds: roundRect(bounds),
    maximized: maximized === true,
  };
}

const roundRect = (r: Rect): Rect => ({
  x: Math.round(r.x),
  y: Math.round(r.y),
  width: Math.round(r.width),
  height: Math.round(r.height),
});

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/**
 * Puts saved bounds wholly onto a display that is attached now. A monitor that was unplugged,
 * a resolution that shrank or a corrupt file must never leave the window off-screen: the window
 * goes to the display it overlaps most (or the primary one), shrinks to fit its work area and
 * slides inside it. With no saved bounds it is centred on the primary display at the default size.
 */
export function clampBoundsToDisplays(saved: Rect | null, displays: readonly DisplayArea[]): Rect {
  const valid = displays.filter((d) => isRect(d.workArea));
  const primary = valid.find((d) => d.primary) ?? valid[0];
  if (!primary) {
    return saved && isRect(saved)
      ? roundRect(saved)
      : { x: 0, y: 0, width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height };
  }

  const bounds: Rect | null = saved && isRect(saved) ? roundRect(saved) : null;
  let target = primary;
  // Nowhere visible: keep the size the user chose, but start over centred on the primary display.
  let keepPosition = false;
  if (bounds) {
    let best = 0;
    for (const display of valid) {
      const area = overlapArea(bounds, display.workArea);
      if (area > best) {
        best = area;
        target = display;
        keepPosition = true;
      }
    }
  }

  const wa = roundRect(target.workArea);
  const width = clamp(
    bounds?.width ?? DEFAULT_WINDOW_SIZE.width,
    Math.min(MIN_WINDOW_SIZE.width, wa.width),
    wa.width,
  );
  const height = clamp(
    bounds?.height ?? DEFAULT_WINDOW_SIZE.height,
    Math.min(MIN_WINDOW_SIZE.height, wa.height),
    wa.height,
  );
  const centredX = wa.x + Math.round((wa.width - width) / 2);
  const centredY = wa.y + Math.round((wa.height - height) / 2);
  const x = bounds && keepPosition ? clamp(bounds.x, wa.x, wa.x + wa.width - width) : centredX;
  const y = bounds && keepPosition ? clamp(bounds.y, wa.y, wa.y + wa.height - height) : centredY;
  return { x, y, width, height };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written through a temporary file and a rename, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      tmp,
      `${JSON.stringify({ bounds: roundRect(state.bounds), maximized: state.maximized })}\n`,
    );
    fs.renameSync(tmp, file);
  } catch (e) {
    // Losing the window position is not worth bothering the user about.
    console.warn('[window-state] could not save', (e as Error).message);
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing was written if the folder itself is unusable.
    }
  }
}
