import {
  emailKey,
  identityKeys,
  namesAgree,
  type IdentityKey,
} from '../../../shared/domain/customers/identity';
import type { Marketplace } from '../../../shared/domain/marketplaces';
import { sanitizeText } from '../../../shared/domain/text/clean';
import { normalizeName } from '../../../shared/domain/text/name';
import { normalizePhone } from '../../../shared/domain/text/phone';
import { normalizePostalCode } from '../../../shared/domain/text/postal';
import type { Db } from '../db/executor';
import { CUSTOMER_COLUMNS, IDENTITY_COLUMNS } from '../db/bulk-columns';
import { nextRowId } from '../db/sqlite-meta';
import { BulkInsert } from './bulk';
import type { FreshCustomer } from './fresh-index';
import { prepare, type Prepared } from './statements';

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
  keys: Key[];
  id: number | null;
}

export type CustomerMatch =
  { kind: 'existing'; id: number } | { kind: 'new'; pending: PendingCustomer } | { kind: 'none' };

/** Someone holding an identity: an existing customer, or a buyer this batch will create. */
interface Holder {
  customer: number | PendingCustomer;
  name: string | null;
  kana: string | null;
}

const NO_HOLDERS: readonly Holder[] = Object.freeze([]);

/** Identity values per prefetch query: well below SQLite's bound-parameter limit. */
const IN_LIST = 500;

/** An identity with its map key, built once per distinct buyer rather than at every lookup. */
type Key = IdentityKey & { text: string };

const keyText = (k: IdentityKey) => `${k.kind}\u0000${k.marketplace}\u0000${k.value}`;
const withText = (k: IdentityKey): Key => ({ ...k, text: keyText(k) });

/** The identity facts a buyer row carries, in the shape the customers module keys them. */
function keysOf(f: BuyerFacts): IdentityKey[] {
  return identityKeys({
    name: f.name,
    kana: f.kana,
    email: f.email,
    phone: f.phone,
    postalCode: f.postalCode,
    marketplace: f.marketplace,
    platformId: f.handle,
  });
}

/**
 * The customer the conservative rules of customers/match.ts pick among the holders of one identity,
 * newest first; undefined when they pick none. The same Yahoo! ID, e-mail, or name (or reading) at the
 * same postal code held by exactly one customer is that customer; a phone number, or an identifier a
 * member has said belongs to several people, needs the names to agree too.
 */
export function pickHolder(
  key: IdentityKey,
  holders: readonly Holder[],
  buyer: { name: string; kana: string | null },
): Holder | undefined {
  if (holders.length === 0) return undefined;
  const strong = key.kind === 'platform' || key.kind === 'email' || key.kind === 'name_postal';
  if (strong && holders.length === 1) return holders[0];
  const agreeing = holders.filter((h) => namesAgree(buyer, { name: h.name, kana: h.kana }));
  if (agreeing.length === 1 || (agreeing.length > 1 && key.kind === 'phone')) return agreeing[0];
  return undefined;
}

/**
 * Matches import buyers to customers through the identities the customers module records
 * (customer_identities, normalised by shared/domain/customers/identity.ts), with its rules: a wrong
 * merge mixes two buyers' histories, which is worse than a duplicate a member can merge later. Holders
 * are loaded in bulk (prefetch) so a 100,000-row import does not ask per buyer; buyers new in this
 * batch join the holders, so a buyer's second order meets the customer its first one creates.
 */
export class CustomerMatcher {
  private readonly holders = new Map<string, Holder[]>();
  private readonly loaded = new Set<string>();
  private readonly lookup;
  private inList: Prepared<string> | undefined;
  readonly matched = new Set<number>();
  readonly created = new Set<PendingCustomer>();
  /**
   * Identities rows of this batch show for customers that exist already and do not hold them yet (a new
   * e-mail or phone of a known buyer), recorded as findOrCreateCustomer records them for manual entry.
   */
  readonly learned = new Map<number, Key[]>();
  /**
   * Keys per distinct buyer, computed once for prefetch() and resolve(): normalising names is not free,
   * and a buyer's orders repeat the same facts.
   */
  private readonly keyCache = new Map<string, Key[]>();
  private keysByFacts = new WeakMap<BuyerFacts, Key[]>();

  constructor(private readonly db: Db) {
    this.lookup = prepare<'kind' | 'value' | 'marketplace'>(db, (p) =>
      holderQuery(db)
        .where('i.kind', '=', p('kind'))
        .where('i.value', '=', p('value'))
        .where('i.marketplace', '=', p('marketplace')),
    );
  }

  private remember(key: string, rows: HolderRow[]): void {
    this.loaded.add(key);
    // Most identities of a large import belong to no one yet: no list is kept for those.
    if (rows.length === 0) return;
    const list = this.holders.get(key) ?? [];
    for (const r of rows) list.push({ customer: r.customer_id, name: r.name, kana: r.name_kana });
    this.holders.set(key, list);
  }

  /** Existing holders of every identity these buyers carry, in a few IN-list queries. */
  prefetch(all: BuyerFacts[]): void {
    const wanted = new Map<string, Key>();
    for (const f of all) {
      for (const k of this.keysOf(f)) {
        if (!this.loaded.has(k.text)) wanted.set(k.text, k);
      }
    }
    const found = new Map<string, HolderRow[]>();
    const valuesByKind = new Map<string, Set<string>>();
    for (const k of wanted.values()) {
      const set = valuesByKind.get(k.kind);
      if (set) set.add(k.value);
      else valuesByKind.set(k.kind, new Set([k.value]));
    }
    // Per kind, so the lookup index (kind, value, marketplace, customer_id) answers each IN list. One
    // statement of IN_LIST values, prepared once (a short last chunk repeats a value): compiling a
    // 500-value query per chunk cost more than running it.
    this.inList ??= prepare<string>(this.db, (p) =>
      holderQuery(this.db)
        .where('i.kind', '=', p('kind'))
        .where(
          'i.value',
          'in',
          Array.from({ length: IN_LIST }, (_, i) => p(`v${i}`)),
        ),
    );
    const params: Record<string, unknown> = {};
    for (const [kind, values] of valuesByKind) {
      for (const chunk of chunks([...values], IN_LIST)) {
        params.kind = kind;
        for (let i = 0; i < IN_LIST; i++) params[`v${i}`] = chunk[i] ?? chunk[0];
        const rows = this.inList.all<HolderRow>(params);
        for (const r of rows) {
          const text = keyText({
            kind: r.kind as IdentityKey['kind'],
            marketplace: r.marketplace,
            value: r.value,
          });
          if (!wanted.has(text)) continue;
          const list = found.get(text);
          if (list) list.push(r);
          else found.set(text, [r]);
        }
      }
    }
    for (const text of wanted.keys()) this.remember(text, found.get(text) ?? []);
  }

  private keysOf(facts: BuyerFacts): Key[] {
    const f = facts;
    // The same facts object comes back from prefetch() to resolve(): no second key string to build.
    const known = this.keysByFacts.get(f);
    if (known) return known;
    const id = `${f.marketplace}\u0000${f.name}\u0000${f.kana}\u0000${f.email}\u0000${f.phone}\u0000${f.postalCode}\u0000${f.handle}`;
    let keys = this.keyCache.get(id);
    if (!keys) {
      keys = keysOf(facts).map(withText);
      this.keyCache.set(id, keys);
    }
    this.keysByFacts.set(f, keys);
    return keys;
  }

  private holdersOf(key: Key): readonly Holder[] {
    const { text } = key;
    if (!this.loaded.has(text)) this.remember(text, this.lookup.all<HolderRow>(key));
    return this.holders.get(text) ?? NO_HOLDERS;
  }

  /**
   * Drops what only planning needs (keys per buyer, which identities were looked up) while the preview
   * waits for its commit; the holders stay, for writeCreated().
   */
  donePlanning(): void {
    this.keyCache.clear();
    this.keysByFacts = new WeakMap();
    this.loaded.clear();
  }

  /** Newest first, as customersWithIdentity orders them: a buyer new in this batch is the newest. */
  private addHolder(key: Key, holder: Holder): void {
    const { text } = key;
    const list = this.holders.get(text);
    if (list) list.unshift(holder);
    else this.holders.set(text, [holder]);
  }

  /** Where the database would list an existing customer: after the batch's new buyers, newest id first. */
  private addExisting(key: Key, holder: Holder & { customer: number }): void {
    const list = this.holders.get(key.text) ?? [];
    const at = list.findIndex((h) => typeof h.customer === 'number' && h.customer < holder.customer);
    list.splice(at < 0 ? list.length : at, 0, holder);
    this.holders.set(key.text, list);
  }

  /** The customer these facts belong to: an existing one, one this batch creates, or a new one. */
  resolve(facts: BuyerFacts | null): CustomerMatch {
    if (!facts) return { kind: 'none' };
    const keys = this.keysOf(facts);
    // namesAgree compares person keys, which normalise the name themselves.
    const buyer = { name: facts.name, kana: facts.kana };
    for (const key of keys) {
      const holder = pickHolder(key, this.holdersOf(key), buyer);
      if (!holder) continue;
      this.learn(holder, keys);
      if (typeof holder.customer === 'number') {
        this.matched.add(holder.customer);
        return { kind: 'existing', id: holder.customer };
      }
      return { kind: 'new', pending: holder.customer };
    }
    // A copy: `keys` is the cached list for these facts, and learn() may add to a pending buyer's list.
    const pending: PendingCustomer = { facts, keys: [...keys], id: null };
    for (const key of keys) {
      this.holdersOf(key); // existing holders first, so the list is complete before this buyer joins it
      this.addHolder(key, { customer: pending, name: buyer.name, kana: facts.kana });
    }
    this.created.add(pending);
    return { kind: 'new', pending };
  }

  /**
   * The matched customer holds from now on every identity this row shows: later rows of the batch find
   * it through them, and the commit records them (learned, or the pending customer's own keys).
   */
  private learn(holder: Holder, keys: Key[]): void {
    const customer = holder.customer;
    for (const key of keys) {
      if (this.holdersOf(key).some((h) => h.customer === customer)) continue;
      if (typeof customer !== 'number') {
        this.addHolder(key, { customer, name: holder.name, kana: holder.kana });
        customer.keys.push(key);
      } else {
        this.addExisting(key, { customer, name: holder.name, kana: holder.kana });
        const list = this.learned.get(customer);
        if (list) list.push(key);
        else this.learned.set(customer, [key]);
      }
    }
  }

  /**
   * Writes every customer this batch creates, with their identities, in multi-row statements (ids
   * assigned up front). Values are normalised as findOrCreateCustomer stores them. An identity another
   * customer holds too goes to shared_identities, for the possible-duplicates list.
   */
  writeCreated(now: string, record: RecordWrite): FreshCustomer[] {
    const written: FreshCustomer[] = [];
    if (this.created.size === 0) return written;
    const customers = new BulkInsert(this.db, 'customers', CUSTOMER_COLUMNS);
    const identities = new BulkInsert(this.db, 'customer_identities', IDENTITY_COLUMNS);
    const shared = this.sharedWriter(record);
    let id = nextRowId(this.db.raw, 'customers');
    for (const pending of this.created) {
      const f = pending.facts;
      pending.id = id++;
      const c: FreshCustomer = {
        id: pending.id,
        name: normalizeName(f.name) || sanitizeText(f.name).trim(),
        name_kana: f.kana ? sanitizeText(f.kana).normalize('NFKC').trim() || null : null,
        email: emailKey(f.email) ?? null,
        phone: f.phone ? normalizePhone(f.phone) || null : null,
        identities: pending.keys,
      };
      written.push(c);
      customers.push(
        c.id,
        c.name,
        c.name_kana,
        c.email,
        c.phone,
        normalizePostalCode(f.postalCode ?? ''),
        f.prefecture,
        f.address,
        '',
        now,
        now,
      );
    }
    customers.flush();
    for (const pending of this.created) {
      for (const k of pending.keys) {
        identities.push(pending.id, k.kind, k.marketplace, k.value, now);
        shared(k);
      }
    }
    identities.flush();
    return written;
  }

  /**
   * Records the identities learned for existing customers (see learn()). Each row written is reported,
   * so undo deletes exactly these and no identity the customer had before.
   */
  writeLearned(now: string, record: RecordWrite): void {
    if (this.learned.size === 0) return;
    const insert = prepare<'customer' | 'kind' | 'marketplace' | 'value' | 'now'>(this.db, (p) =>
      this.db.qb
        .insertInto('customer_identities')
        .values({
          customer_id: p('customer'),
          kind: p('kind'),
          marketplace: p('marketplace'),
          value: p('value'),
          created_at: p('now'),
        })
        .onConflict((oc) => oc.doNothing()),
    );
    const shared = this.sharedWriter(record);
    for (const [customer, keys] of this.learned) {
      for (const k of keys) {
        const { changes, lastInsertRowid } = insert.run({ customer, ...k, now });
        if (changes === 0) continue;
        record('customer_identity', lastInsertRowid, { customer_id: customer });
        shared(k);
      }
    }
  }

  /**
   * Existing customers whose empty profile fields this batch filled (see profiles.ts). The commit re-indexes
   * every customer in `learned` rather than only refreshing its figures; a filled reading or contact changes
   * the search entry as a new identity does, so they join it (with no identity to write).
   */
  profileFilled(customers: Iterable<number>): void {
    for (const id of customers) if (!this.learned.has(id)) this.learned.set(id, []);
  }

  /** Notes an identity two or more holders now have in shared_identities (for the duplicates list). */
  private sharedWriter(record: RecordWrite): (k: Key) => void {
    const insert = prepare<'kind' | 'value' | 'marketplace'>(this.db, (p) =>
      this.db.qb
        .insertInto('shared_identities')
        .values({ kind: p('kind'), value: p('value'), marketplace: p('marketplace') })
        .onConflict((oc) => oc.doNothing()),
    );
    return (k) => {
      if ((this.holders.get(k.text)?.length ?? 0) < 2) return;
      const key = { kind: k.kind, value: k.value, marketplace: k.marketplace };
      if (insert.run(key).changes > 0) record('shared_identity', 0, key);
    };
  }
}

/**
 * Told of each row the matcher writes that undo has to remove on its own (rows of the customers it
 * creates go with them): an identity added to an existing customer, a newly shared identity.
 */
export type RecordWrite = (
  entity: 'customer_identity' | 'shared_identity',
  id: number,
  after: Record<string, unknown>,
) => void;

interface HolderRow {
  kind: string;
  value: string;
  marketplace: string;
  customer_id: number;
  name: string;
  name_kana: string | null;
}

/** Active customers (not merged into another) holding identities, newest first. */
function holderQuery(db: Db) {
  return db.qb
    .selectFrom('customer_identities as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .select(['i.kind', 'i.value', 'i.marketplace', 'i.customer_id', 'c.name', 'c.name_kana'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('customer_merges as m')
            .select('m.id')
            .whereRef('m.absorb_id', '=', 'i.customer_id')
            .where('m.split_at', 'is', null),
        ),
      ),
    )
    .orderBy('i.customer_id', 'desc');
}

/** IN lists stay well below SQLite's bound-parameter limit. */
export function* chunks<T>(values: T[], size = 500): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}
