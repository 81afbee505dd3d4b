import { isRelayEmail } from '../../../shared/domain/customers/identity';
import { personKey, searchKey } from '../../../shared/domain/search/key';
import { normalizePhone } from '../../../shared/domain/text/phone';
import type { CustomerDoc, DealDoc } from './sqlite-fts';

/**
 * What is searchable about a customer and a deal, as search keys. Parts are joined with a space: keys never
 * contain one, so no query can match across two parts (an item name's end and the next one's start).
 */

export interface DealFacts {
  id: number;
  customer_id: number | null;
  external_id: string;
  ship_name: string | null;
  ship_kana: string | null;
  buyer_handle: string | null;
}

export interface IdentityFacts {
  kind: string;
  value: string;
}

/** A bounded memo: item and person names repeat across thousands of deals, and rebuilding keys them all. */
export class KeyMemo {
  private readonly map = new Map<string, string>();
  constructor(
    private readonly fn: (s: string) => string,
    private readonly max = 100_000,
  ) {}
  key(s: string | null | undefined): string {
    if (!s) return '';
    let v = this.map.get(s);
    if (v === undefined) {
      v = this.fn(s);
      if (this.map.size >= this.max) this.map.clear();
      this.map.set(s, v);
    }
    return v;
  }
}

export interface DocMemos {
  text: KeyMemo;
  person: KeyMemo;
}
export const docMemos = (): DocMemos => ({ text: new KeyMemo(searchKey), person: new KeyMemo(personKey) });

const join = (parts: string[]) => [...new Set(parts.filter((p) => p !== ''))].join(' ');

export function dealDoc(deal: DealFacts, itemNames: readonly string[], memos: DocMemos): DealDoc {
  return {
    id: deal.id,
    customerId: deal.customer_id,
    // Tracking numbers and the recipient's phone are found exactly (deal_codes, customer identities); as
    // trigrams they were a fifth of the index and its slowest queries (runs of digits).
    codes: join([searchKey(deal.external_id), memos.text.key(deal.buyer_handle)]),
    names: join([memos.person.key(deal.ship_name), memos.person.key(deal.ship_kana)]),
    items: join(itemNames.map((n) => memos.text.key(n))),
  };
}

/** Order and tracking numbers as keys for the exact-lookup table (deal_codes). Too short to name one deal: left out. */
export function dealCodes(
  deal: { external_id: string },
  trackingNumbers: readonly string[],
): { code: string; kind: 'order' | 'tracking' }[] {
  const codes: { code: string; kind: 'order' | 'tracking' }[] = [];
  const order = searchKey(deal.external_id);
  if (order !== '') codes.push({ code: order, kind: 'order' });
  for (const t of trackingNumbers) {
    const code = searchKey(t);
    if (code !== '' && code !== order) codes.push({ code, kind: 'tracking' });
  }
  return codes;
}

export interface CustomerFacts {
  id: number;
  name: string;
  name_kana: string | null;
  email: string | null;
  phone: string | null;
}

export function customerDoc(
  customer: CustomerFacts,
  identities: readonly IdentityFacts[],
  memos: DocMemos,
): CustomerDoc {
  const contacts: string[] = [];
  const email = (e: string | null) => {
    const key = e ? e.normalize('NFKC').trim().toLowerCase() : '';
    // Relay addresses stay exact-match identifiers; as text they would only bloat the index.
    if (key !== '' && !isRelayEmail(key)) contacts.push(key);
  };
  email(customer.email);
  if (customer.phone) contacts.push(normalizePhone(customer.phone));
  for (const i of identities) {
    if (i.kind === 'email') email(i.value);
    else if (i.kind === 'phone' || i.kind === 'platform') contacts.push(i.value);
  }
  return {
    id: customer.id,
    names: join([memos.person.key(customer.name), memos.person.key(customer.name_kana)]),
    contacts: join(contacts),
  };
}

export interface CaseDoc {
  id: number;
  /** The case's summary and the buyer's wish: what the case is about. */
  summary: string;
  /** Every timeline entry (messages, calls, notes), one key each. */
  messages: string;
}

/** A complaint case as search keys: found by the words of its summary, wish or any message. */
export function caseDoc(
  c: { id: number; summary: string; wish: string },
  entryTexts: readonly string[],
): CaseDoc {
  return {
    id: c.id,
    summary: join([searchKey(c.summary), searchKey(c.wish)]),
    messages: join(entryTexts.map((t) => searchKey(t))),
  };
}
