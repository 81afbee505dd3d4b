import { useSyncExternalStore } from 'react';
import type { DealRowDto } from '../../../../shared/contract';

/**
 * The deals ticked for a bulk action, kept outside the page so opening a deal and coming back keeps
 * them (and where the list was scrolled to). Rows are kept with the ids so the ship dialog can list
 * the deals without fetching them again.
 */
export interface ListMemory {
  /** The list (filters, sort) the selection belongs to; another list starts with nothing ticked. */
  listKey: string;
  selected: ReadonlyMap<number, DealRowDto>;
  /** Index of the last row ticked by hand: the start of a shift-click range. */
  anchor: number | null;
  /** The row the keyboard is on (Enter opens it). */
  cursor: number | null;
}

let memory: ListMemory = { listKey: '', selected: new Map(), anchor: null, cursor: null };
const listeners = new Set<() => void>();

export function getListMemory(): ListMemory {
  return memory;
}

export function updateListMemory(patch: Partial<ListMemory>): void {
  memory = { ...memory, ...patch };
  listeners.forEach((l) => l());
}

/** Scroll positions per list; they change too often to re-render on, so they live apart. */
const scrollTops = new Map<string, number>();
export const rememberScroll = (listKey: string, scrollTop: number) => {
  scrollTops.set(listKey, scrollTop);
};
export const rememberedScroll = (listKey: string) => scrollTops.get(listKey) ?? 0;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useListMemory(): ListMemory {
  return useSyncExternalStore(subscribe, getListMemory);
}

/** The list's address (search string) last seen, so "back to the list" from a deal returns to it. */
let lastListSearch = '';
export const rememberListSearch = (search: string) => {
  lastListSearch = search;
};
export const listSearch = () => lastListSearch;
