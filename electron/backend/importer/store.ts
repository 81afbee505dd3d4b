import type { DraftDeal, ImportFormat, ImportIssue } from '../../../shared/domain/import';
import type { Db } from '../db/executor';
import type { CustomerMatcher } from './customers';
import type { FileSummary } from './files';
import type { DealPlan } from './plan';

/** A parsed and planned import waiting for the user to commit or cancel it. */
export interface PreviewEntry {
  id: string;
  expiresAt: number;
  files: FileSummary[];
  format: ImportFormat;
  rows: number;
  deals: DraftDeal[];
  /** Problems not tied to one deal (a row without an order number). */
  issues: ImportIssue[];
  /** All problems in file and line order, built on first request. */
  sortedIssues?: ImportIssue[];
  plans: DealPlan[] | null;
  matcher: CustomerMatcher | null;
  /** Database change stamp the plans were made at; a commit re-plans when it moved. */
  stamp: string;
}

/** Long enough to look through a preview; short enough that a forgotten one does not hold memory all day. */
export const PREVIEW_TTL_MS = 30 * 60_000;
/** A 100,000-row preview holds tens of MB; two let a user compare, more would only hold memory. */
const CAPACITY = 2;

export class PreviewStore {
  private readonly entries = new Map<string, PreviewEntry>();

  put(entry: PreviewEntry, now: number): void {
    this.prune(now);
    while (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(entry.id, entry);
  }

  get(id: string, now: number): PreviewEntry | undefined {
    this.prune(now);
    return this.entries.get(id);
  }

  delete(id: string): boolean {
    return this.entries.delete(id);
  }

  private prune(now: number): void {
    for (const [id, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(id);
  }
}

/** One store per open database, so two backends in one process (tests) never see each other's previews. */
const stores = new WeakMap<Db, PreviewStore>();
export function previewStore(db: Db): PreviewStore {
  let store = stores.get(db);
  if (!store) {
    store = new PreviewStore();
    stores.set(db, store);
  }
  return store;
}
