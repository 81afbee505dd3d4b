import type { Marketplace } from '../../../shared/domain/marketplaces';
import type { Db } from '../db/executor';
import { prepare } from './statements';

export interface BuyerFacts {
  marketplace: Marketplace;
  name: string;
  kana: string | null;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  prefecture: string | null;
  address: string | null;
  handle: string | null;
}

/** A customer this import will create (shared by every deal of the same new buyer in the batch). */
export interface PendingCustomer {
  facts: BuyerFacts;
  id: number | null;
}

export type CustomerMatch =
  { kind: 'existing'; id: number } | { kind: 'new'; pending: PendingCustomer } | { kind: 'none' };

/**
 * Marketplaces whose buyer handle is an account id that names one person (the Yahoo! JAPAN ID,
 * minne's user id). Elsewhere it is a display name many buyers can share, so it never matches anyone.
 */
const HANDLE_IS_ACCOUNT: ReadonlySet<Marketplace> = new Set([
  'yahoo_auction',
  'yahoo_auction_store',
  'minne',
]);

/**
 * Matches import buyers to customers with the same conservative rules as manual entry
 * (customers/match.ts), plus the platform id: the same ヤフオク! or minne account on the same
 * marketplace is the same customer. A wrong merge mixes two buyers' histories, which is worse than a
 * duplicate a member can merge later, so nothing fuzzier than these exact keys is used.
 * Lookups are prepared once; buyers new in this batch are remembered so their second order matches.
 */
export class CustomerMatcher {
  private readonly byHandle;
  private readonly byEmail;
  private readonly byPhone;
  private readonly byNamePostal;
  private readonly insert;
  private readonly pending = new Map<string, PendingCustomer>();
  readonly matched = new Set<number>();
  readonly created = new Set<PendingCustomer>();
  private readonly known = new Map<string, number>();
  private readonly prefetched = new Set<string>();

  constructor(private readonly db: Db) {
    this.byHandle = prepare<'marketplace' | 'handle'>(db, (p) =>
      db.qb
        .selectFrom('deals')
        .select('customer_id as id')
        .where('marketplace', '=', p('marketplace'))
        .where('buyer_handle', '=', p('handle'))
        .where('customer_id', 'is not', null)
        .limit(1),
    );
    this.byEmail = prepare<'email'>(db, (p) =>
      db.qb.selectFrom('customers').select('id').where('email', '=', p('email')).limit(1),
    );
    this.byPhone = prepare<'phone'>(db, (p) =>
      db.qb.selectFrom('customers').select('id').where('phone', '=', p('phone')).limit(1),
    );
    this.byNamePostal = prepare<'name' | 'postal'>(db, (p) =>
      db.qb
        .selectFrom('customers')
        .select('id')
        .where('name', '=', p('name'))
        .where('postal_code', '=', p('postal'))
        .limit(1),
    );
    this.insert = prepare<'name' | 'kana' | 'email' | 'phone' | 'postal' | 'prefecture' | 'address' | 'now'>(
      db,
      (p) =>
        db.qb.insertInto('customers').values({
          name: p('name'),
          name_kana: p('kana'),
          email: p('email'),
          phone: p('phone'),
          postal_code: p('postal'),
          prefecture: p('prefecture'),
          address: p('address'),
          notes: '',
          created_at: p('now'),
          updated_at: p('now'),
        }),
    );
  }

  private keys(f: BuyerFacts): string[] {
    const keys: string[] = [];
    if (f.handle && HANDLE_IS_ACCOUNT.has(f.marketplace))
      keys.push(`h\u0000${f.marketplace}\u0000${f.handle}`);
    if (f.email) keys.push(`e\u0000${f.email}`);
    if (f.phone) keys.push(`p\u0000${f.phone}`);
    if (f.postalCode) keys.push(`n\u0000${f.name}\u0000${f.postalCode}`);
    return keys;
  }

  private findExisting(f: BuyerFacts): number | undefined {
    const hit = (row: { id: number | null } | undefined) => (row?.id ?? undefined) as number | undefined;
    // Keys loaded by prefetch() answer from memory (absent means no such customer); others ask the database.
    const lookup = (key: string, query: () => number | undefined) => {
      const known = this.known.get(key);
      if (known !== undefined) return known;
      return this.prefetched.has(key) ? undefined : query();
    };
    return (
      (f.handle && HANDLE_IS_ACCOUNT.has(f.marketplace)
        ? lookup(`h\u0000${f.marketplace}\u0000${f.handle}`, () =>
            hit(this.byHandle.get({ marketplace: f.marketplace, handle: f.handle })),
          )
        : undefined) ??
      (f.email ? lookup(`e\u0000${f.email}`, () => hit(this.byEmail.get({ email: f.email }))) : undefined) ??
      (f.phone ? lookup(`p\u0000${f.phone}`, () => hit(this.byPhone.get({ phone: f.phone }))) : undefined) ??
      (f.postalCode
        ? lookup(`n\u0000${f.name}\u0000${f.postalCode}`, () =>
            hit(this.byNamePostal.get({ name: f.name, postal: f.postalCode })),
          )
        : undefined)
    );
  }

  /**
   * Loads every existing customer the given buyers could match, in a few IN-list queries instead of
   * several lookups per buyer (a 100,000-row import would otherwise spend seconds on round trips).
   * Afterwards lookups answer from memory, with the same precedence and "oldest customer first".
   */
  prefetch(all: BuyerFacts[]): void {
    const db = this.db;
    const known = this.known;
    const remember = (key: string, id: number | null) => {
      if (id !== null && !known.has(key)) known.set(key, id);
    };
    for (const f of all) for (const key of this.keys(f)) this.prefetched.add(key);
    const distinct = <T>(values: (T | null)[]) => [...new Set(values.filter((v): v is T => v !== null))];
    const byMarketplace = new Map<string, string[]>();
    for (const f of all) {
      if (!f.handle || !HANDLE_IS_ACCOUNT.has(f.marketplace)) continue;
      const list = byMarketplace.get(f.marketplace) ?? [];
      list.push(f.handle);
      byMarketplace.set(f.marketplace, list);
    }
    for (const [marketplace, handles] of byMarketplace) {
      for (const chunk of chunks(distinct(handles))) {
        for (const r of db.all(
          db.qb
            .selectFrom('deals')
            .select(['buyer_handle', 'customer_id'])
            .where('marketplace', '=', marketplace)
            .where('buyer_handle', 'in', chunk)
            .where('customer_id', 'is not', null)
            .orderBy('id'),
        ))
          remember(`h\u0000${marketplace}\u0000${r.buyer_handle}`, r.customer_id);
      }
    }
    for (const chunk of chunks(distinct(all.map((f) => f.email)))) {
      for (const r of db.all(
        db.qb.selectFrom('customers').select(['id', 'email']).where('email', 'in', chunk).orderBy('id'),
      ))
        remember(`e\u0000${r.email}`, r.id);
    }
    for (const chunk of chunks(distinct(all.map((f) => f.phone)))) {
      for (const r of db.all(
        db.qb.selectFrom('customers').select(['id', 'phone']).where('phone', 'in', chunk).orderBy('id'),
      ))
        remember(`p\u0000${r.phone}`, r.id);
    }
    for (const chunk of chunks(distinct(all.map((f) => f.postalCode)))) {
      for (const r of db.all(
        db.qb
          .selectFrom('customers')
          .select(['id', 'name', 'postal_code'])
          .where('postal_code', 'in', chunk)
          .orderBy('id'),
      ))
        remember(`n\u0000${r.name}\u0000${r.postal_code}`, r.id);
    }
  }

  /**
   * Finds the buyer among buyers new in this batch, then among existing customers, else plans a new
   * one. Batch buyers come first so the preview (nothing written yet) and the commit (earlier rows
   * already written) reach the same answer.
   */
  resolve(facts: BuyerFacts | null): CustomerMatch {
    if (!facts) return { kind: 'none' };
    const keys = this.keys(facts);
    for (const key of keys) {
      const pending = this.pending.get(key);
      if (pending) {
        for (const k of keys) if (!this.pending.has(k)) this.pending.set(k, pending);
        return { kind: 'new', pending };
      }
    }
    const existing = this.findExisting(facts);
    if (existing !== undefined) {
      this.matched.add(existing);
      return { kind: 'existing', id: existing };
    }
    const pending: PendingCustomer = { facts, id: null };
    for (const key of keys) this.pending.set(key, pending);
    this.created.add(pending);
    return { kind: 'new', pending };
  }

  /** Writes a planned customer (once) and returns its id. */
  materialise(pending: PendingCustomer, now: string): number {
    if (pending.id !== null) return pending.id;
    const f = pending.facts;
    pending.id = this.insert.run({
      name: f.name,
      kana: f.kana,
      email: f.email,
      phone: f.phone,
      postal: f.postalCode,
      prefecture: f.prefecture,
      address: f.address,
      now,
    }).lastInsertRowid;
    return pending.id;
  }
}

/** IN lists stay well below SQLite's bound-parameter limit. */
export function* chunks<T>(values: T[], size = 500): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}
