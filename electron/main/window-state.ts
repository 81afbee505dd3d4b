import { parseJsonObject, readSmallFile, writeSmallFile } from './small-file';

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
  const data = parseJsonObject(text);
  if (!data) return null;
  const { bounds, maximized } = data;
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

// A real state is under 100 bytes; anything far larger was not written by Torihiki.
const MAX_STATE_BYTES = 64 * 1024;

export function loadWindowState(file: string): WindowState | null {
  const text = readSmallFile(file, MAX_STATE_BYTES);
  return text === null ? null : parseWindowState(text);
}

/** Losing the window position is not worth bothering the user about: a failed save is only logged. */
export function saveWindowState(file: string, state: WindowState): void {
  writeSmallFile(
    file,
    `${JSON.stringify({ bounds: roundRect(state.bounds), maximized: state.maximized })}\n`,
    'window-state',
  );
}
