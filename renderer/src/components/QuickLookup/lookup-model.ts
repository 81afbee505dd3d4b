import type { Carrier } from '../../../../shared/domain/steps';
import type { DealCardDto, SearchHitDto, SearchTier } from '../../../../shared/contract';

/** Where a deal's parcel is, in the words a seller answers "まだ？" with. */
export type ShippingState = 'shipped' | 'notShipped' | 'overdue' | 'noShipping' | 'cancelled';

export interface ShippingInfo {
  state: ShippingState;
  doneAt: string | null;
  carrier: Carrier | null;
  trackingNumber: string | null;
}

/** The shipping step of a deal: shipped (when, carrier, tracking), still to ship (overdue?), or none. */
export function shippingOf(deal: Pick<DealCardDto, 'state' | 'steps'>): ShippingInfo {
  const step = deal.steps.find((s) => s.kind === 'shipping');
  const base = {
    doneAt: step?.doneAt ?? null,
    carrier: step?.carrier ?? null,
    trackingNumber: step?.trackingNumber ?? null,
  };
  if (deal.state === 'cancelled') return { state: 'cancelled', ...base };
  if (!step || step.state === 'skipped') return { state: 'noShipping', ...base };
  if (step.state === 'done') return { state: 'shipped', ...base };
  return { state: step.overdue ? 'overdue' : 'notShipped', ...base };
}

export interface HitGroup {
  tier: SearchTier;
  /** Position of each hit in the flat list, for keyboard movement across groups. */
  entries: { hit: SearchHitDto; index: number }[];
}

/**
 * The backend's ranking, cut into runs of the same tier (exact identifiers first). The flat order is kept:
 * arrow keys move through the hits exactly as ranked, headings only label the runs.
 */
export function groupHits(hits: readonly SearchHitDto[]): HitGroup[] {
  const groups: HitGroup[] = [];
  hits.forEach((hit, index) => {
    const last = groups[groups.length - 1];
    if (last && last.tier === hit.tier) last.entries.push({ hit, index });
    else groups.push({ tier: hit.tier, entries: [{ hit, index }] });
  });
  return groups;
}

/** The in-app address a hit opens. */
export const hitRoute = (hit: SearchHitDto) =>
  hit.type === 'customer'
    ? `/customers/${hit.id}`
    : hit.type === 'case'
      ? `/cases/${hit.id}`
      : `/deals/${hit.id}`;

/** The next highlighted row for an arrow key, wrapping around the ends. */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return 0;
  if (key === 'ArrowDown') return active >= count - 1 ? 0 : active + 1;
  return active <= 0 ? count - 1 : active - 1;
}

/** The contract accepts up to 100,000 characters; anything longer is cut rather than refused. */
export const MAX_QUERY = 100_000;
export const toQueryText = (text: string) => (text.length > MAX_QUERY ? text.slice(0, MAX_QUERY) : text);
