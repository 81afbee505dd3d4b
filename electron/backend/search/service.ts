import type {
  CustomerCardDto,
  MatchField,
  ParsedInputOf,
  SearchHitDto,
  SearchResultDto,
  SearchTier,
} from '../../../shared/contract';
import { platformIdMarketplaces, type IdentityKey } from '../../../shared/domain/customers/identity';
import { codePointLength, personKey, searchKey } from '../../../shared/domain/search/key';
import { parseQuery, type ParsedQuery } from '../../../shared/domain/search/query';
import { normalizePhone } from '../../../shared/domain/text/phone';
import type { ServiceContext } from '../context';
import { customersWithIdentity } from '../customers/identities';
import { customerRows, dealCards } from '../customers/read';
import type { Db } from '../db/executor';
import { customersStartingWith, dealsOfBuyersStartingWith } from './buyer-start';
import { caseRowsOf, customersWithCases, findCases } from './cases';
import { matchCustomers, matchDeals, type DealColumn } from './sqlite-fts';

/**
 * Quick lookup. Every query is bounded: at most CANDIDATES ids come from each index (newest first), are
 * ranked in memory, and only the returned hits are loaded in full. Ranking: exact identifiers, then
 * customers by name (starting with the query first), then the rest; customers by their last purchase and
 * deals by order time, newest first. Complaint cases join as a third hit type (see ./cases).
 */
const CANDIDATES = 100;
const DEFAULT_LIMIT = 20;

interface Candidate {
  type: 'customer' | 'deal' | 'case';
  id: number;
  tier: SearchTier;
  matchedOn: MatchField;
  /** Within a tier: lower first. */
  rank: number;
  /** Then newest first (ISO time). */
  at: string;
}

const TIER_ORDER: Record<SearchTier, number> = { exact: 0, name: 1, text: 2 };
const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

class Candidates {
  private readonly byKey = new Map<string, Candidate>();
  add(c: Candidate): void {
    const key = `${c.type}:${c.id}`;
    const old = this.byKey.get(key);
    if (!old || TIER_ORDER[c.tier] < TIER_ORDER[old.tier] || (old.tier === c.tier && c.rank < old.rank)) {
      this.byKey.set(key, c);
    }
  }
  get size(): number {
    return this.byKey.size;
  }
  has(type: Candidate['type'], id: number): boolean {
    return this.byKey.has(`${type}:${id}`);
  }
  ranked(): Candidate[] {
    // Cases come after the buyer or deal that led to them: the seller usually looks for the person first.
    const typeOrder = (c: Candidate) =>
      c.type === 'case'
        ? 2
        : c.tier === 'exact'
          ? c.type === 'deal'
            ? 0
            : 1
          : c.type === 'customer'
            ? 0
            : 1;
    return [...this.byKey.values()].sort(
      (x, y) =>
        TIER_ORDER[x.tier] - TIER_ORDER[y.tier] ||
        typeOrder(x) - typeOrder(y) ||
        x.rank - y.rank ||
        (x.at < y.at ? 1 : x.at > y.at ? -1 : 0) ||
        y.id - x.id,
    );
  }
}

interface CustomerKeys {
  name_key: string;
  reading_key: string;
  last_purchase_at: string | null;
}

/** Keys of active customers among `ids` (merged ones have no summary and drop out). */
function customerKeys(db: Db, ids: number[]): Map<number, CustomerKeys> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .all(
        db.qb
          .selectFrom('customer_summaries')
          .select(['customer_id', 'name_key', 'reading_key', 'last_purchase_at'])
          .where('customer_id', 'in', ids),
      )
      .map((r) => [r.customer_id, r]),
  );
}

function exactCustomers(db: Db, q: ParsedQuery, out: Candidates): void {
  const lookups: [IdentityKey, MatchField][] = [
    ...q.emails.map((value): [IdentityKey, MatchField] => [
      { kind: 'email', marketplace: '', value },
      'email',
    ]),
    ...q.phones.map((value): [IdentityKey, MatchField] => [
      { kind: 'phone', marketplace: '', value },
      'phone',
    ]),
    ...q.namePostal.map((value): [IdentityKey, MatchField] => [
      { kind: 'name_postal', marketplace: '', value },
      'postalCode',
    ]),
  ];
  for (const value of q.platformIds) {
    for (const marketplace of platformIdMarketplaces)
      lookups.push([{ kind: 'platform', marketplace, value }, 'platformId']);
  }
  const found = new Map<number, MatchField>();
  for (const [key, field] of lookups) {
    for (const id of customersWithIdentity(db, key)) if (!found.has(id)) found.set(id, field);
  }
  const keys = customerKeys(db, [...found.keys()]);
  for (const [id, field] of found) {
    const k = keys.get(id);
    if (k)
      out.add({
        type: 'customer',
        id,
        tier: 'exact',
        matchedOn: field,
        rank: 0,
        at: k.last_purchase_at ?? '',
      });
  }

  // A postal code alone: everyone who lives there, with the name tier (a postal code is not one person).
  const atPostal: number[] = [];
  for (const postal of q.postalCodes) {
    atPostal.push(
      ...db
        .all(
          db.qb
            .selectFrom('customer_identities')
            .select('customer_id')
            .distinct()
            .where('kind', '=', 'name_postal')
            .where('value', '>=', `${postal}:`)
            .where('value', '<', `${postal};`)
            .where('marketplace', '=', '')
            .limit(CANDIDATES),
        )
        .map((r) => r.customer_id),
    );
  }
  const postalKeys = customerKeys(db, atPostal);
  for (const id of atPostal) {
    const k = postalKeys.get(id);
    if (k)
      out.add({
        type: 'customer',
        id,
        tier: 'name',
        matchedOn: 'postalCode',
        rank: 2,
        at: k.last_purchase_at ?? '',
      });
  }
}

/** Order and tracking numbers in any format (hyphens, case, full width), from the deal_codes index. */
function exactDeals(db: Db, q: ParsedQuery, out: Candidates): void {
  const codes = [...new Set([q.key, ...q.orderNumbers.map((o) => searchKey(o))])].filter((c) => c !== '');
  if (codes.length === 0) return;
  const rows = db.all(
    db.qb
      .selectFrom('deal_codes as c')
      .innerJoin('deals as d', 'd.id', 'c.deal_id')
      .select(['d.id', 'd.ordered_at', 'c.kind'])
      .where('c.code', 'in', codes)
      .limit(CANDIDATES),
  );
  for (const r of rows) {
    out.add({
      type: 'deal',
      id: r.id,
      tier: 'exact',
      matchedOn: r.kind === 'tracking' ? 'trackingNumber' : 'orderNumber',
      rank: 0,
      at: r.ordered_at,
    });
  }
}

/** Ranks customers found by text: name starting with the query, name containing it, then other fields. */
function rankCustomers(db: Db, ids: number[], key: string, shortTerms: string[], out: Candidates): number {
  const keys = customerKeys(db, ids);
  let added = 0;
  for (const id of ids) {
    const k = keys.get(id);
    if (!k) continue;
    const hay = `${k.name_key} ${k.reading_key}`;
    if (!shortTerms.every((t) => hay.includes(t))) continue;
    const name = k.name_key.startsWith(key) ? 0 : k.name_key.includes(key) ? 1 : -1;
    const reading = k.reading_key.startsWith(key) ? 0 : k.reading_key.includes(key) ? 1 : -1;
    const best = [name, reading].filter((r) => r >= 0);
    if (best.length > 0) {
      out.add({
        type: 'customer',
        id,
        tier: 'name',
        matchedOn: name >= 0 && (reading < 0 || name <= reading) ? 'name' : 'kana',
        rank: Math.min(...best),
        at: k.last_purchase_at ?? '',
      });
    } else {
      out.add({
        type: 'customer',
        id,
        tier: 'text',
        matchedOn: 'other',
        rank: 0,
        at: k.last_purchase_at ?? '',
      });
    }
    added++;
  }
  return added;
}

interface DealCandidate {
  id: number;
  customerId: number | null;
  /**
   * Which part of the deal matched: its numbers and items, its recipient's name, or words spread over its
   * columns (やまだ in the recipient's reading, マフラー in the items).
   */
  part: 'codes' | 'names' | 'spread';
}

/**
 * Deals found by text, newest order first. A deal found only by its recipient's name, or by words spread over
 * its columns, whose buyer is already a hit is left out before anything is read (the index knows each deal's
 * customer): the customer's card shows the newest deal, and a fan's fifty deals would bury everything else
 * (「hanako_y やまだ」 is every deal of hers, handle in one column and reading in another).
 */
function rankDeals(db: Db, found: DealCandidate[], key: string, shortTerms: string[], out: Candidates): void {
  const candidates = found.filter(
    (d) => d.part === 'codes' || d.customerId === null || !out.has('customer', d.customerId),
  );
  if (candidates.length === 0) return;
  const ids = candidates.map((d) => d.id);
  const deals = new Map(
    db
      .all(db.qb.selectFrom('deals').select(['id', 'external_id', 'ordered_at']).where('id', 'in', ids))
      .map((d) => [d.id, d]),
  );
  const tracking = new Map<number, string[]>();
  for (const c of db.all(
    db.qb
      .selectFrom('deal_codes')
      .select(['deal_id', 'code'])
      .where('deal_id', 'in', ids)
      .where('kind', '=', 'tracking'),
  )) {
    tracking.set(c.deal_id, [...(tracking.get(c.deal_id) ?? []), c.code]);
  }
  const hay = shortTerms.length > 0 ? haystacks(db, ids) : new Map<number, string>();
  for (const c of candidates) {
    const d = deals.get(c.id);
    if (!d) continue;
    if (shortTerms.length > 0 && !shortTerms.every((t) => (hay.get(c.id) ?? '').includes(t))) continue;
    // Spread words matched several fields: 'other' unless the first word names an order or tracking number.
    let matchedOn: MatchField = c.part === 'spread' ? 'other' : 'item';
    if (c.part === 'names') matchedOn = 'recipient';
    else if (searchKey(d.external_id).includes(key)) matchedOn = 'orderNumber';
    else if ((tracking.get(c.id) ?? []).some((t) => t.includes(key))) matchedOn = 'trackingNumber';
    else if (/^\d+$/.test(key)) matchedOn = 'phone';
    out.add({ type: 'deal', id: c.id, tier: 'text', matchedOn, rank: 0, at: d.ordered_at });
  }
}

/** Everything searchable about these deals, and their buyers' names, for words too short for the index. */
function haystacks(db: Db, ids: number[]): Map<number, string> {
  const hay = new Map<number, string>();
  const append = (id: number, text: string) => hay.set(id, `${hay.get(id) ?? ''} ${text}`);
  const deals = db.all(
    db.qb
      .selectFrom('deals')
      .select(['id', 'customer_id', 'external_id', 'ship_name', 'ship_kana', 'ship_phone'])
      .where('id', 'in', ids),
  );
  for (const d of deals) {
    append(d.id, `${searchKey(d.external_id)} ${personKey(d.ship_name)} ${personKey(d.ship_kana)}`);
    if (d.ship_phone) append(d.id, normalizePhone(d.ship_phone));
  }
  for (const i of db.all(
    db.qb.selectFrom('deal_items').select(['deal_id', 'name']).where('deal_id', 'in', ids),
  )) {
    append(i.deal_id, searchKey(i.name));
  }
  const buyers = customerKeys(
    db,
    deals.map((d) => d.customer_id).filter((id): id is number => id !== null),
  );
  for (const d of deals) {
    const k = d.customer_id === null ? undefined : buyers.get(d.customer_id);
    if (k) append(d.id, `${k.name_key} ${k.reading_key}`);
  }
  return hay;
}

/** One ASCII token with a digit or an @: an order, tracking or phone number, an e-mail, an id. */
function identifierShaped(q: ParsedQuery): boolean {
  return q.length >= 6 && /^[a-z0-9@._+]+$/.test(q.key) && /[0-9@]/.test(q.key);
}

export function query(ctx: ServiceContext, input: ParsedInputOf<'search.query'>): SearchResultDto {
  const { db } = ctx;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const q = parseQuery(input.text);
  const out = new Candidates();
  let truncated = false;

  exactCustomers(db, q, out);
  exactDeals(db, q, out);
  // An identifier that matched exactly answers alone: its substrings (other numbers containing it) would
  // only add noise, and a long run of digits is the index's slowest query.
  const answered = out.size > 0 && identifierShaped(q);

  if (q.length >= 3 && !answered) {
    const substring = (keys: string[], shortTerms: string[]) => {
      // Two or more words may each be in another column of a deal (やまだ in the recipient's reading, マフラー
      // in its items), as the deals page's text filter reads them: the deal's whole document is matched, and
      // the recipient's column alone tells the deals found by name only. One word is always in one column.
      const spread = keys.length > 1;
      const dealColumns: DealColumn[] | undefined = spread ? undefined : ['codes', 'items'];
      const newestCustomers = matchCustomers(db.raw, keys, CANDIDATES + 1);
      const newestByCodes = matchDeals(db.raw, keys, CANDIDATES + 1, dealColumns);
      const newestByNames = matchDeals(db.raw, keys, CANDIDATES + 1, ['names']);
      truncated ||=
        newestCustomers.length > CANDIDATES ||
        newestByCodes.length > CANDIDATES ||
        newestByNames.length > CANDIDATES;
      // Short words read as the start of the buyer's name come first (「山田 マフラー」: 山田's scarves, however
      // many newer scarves others bought); the newest matches follow, their short words checked when ranked.
      const start = shortTerms.join('');
      const ofBuyers = start !== '';
      const customerIds = [
        ...new Set([
          ...(ofBuyers ? customersStartingWith(db, start, keys, CANDIDATES) : []),
          ...newestCustomers.slice(0, CANDIDATES),
        ]),
      ];
      const byCodes = [
        ...(ofBuyers ? dealsOfBuyersStartingWith(db, start, keys, CANDIDATES, dealColumns) : []),
        ...newestByCodes,
      ];
      // Not by recipient: a buyer-start deal found by its recipient's name is mostly the buyer's own, found
      // above as a customer (and then left out of the deals); one query less on the way.
      const byNames = newestByNames;
      const seen = new Set<number>();
      const deals: DealCandidate[] = [];
      // By name first when words may be spread: the whole-document lists hold the name-only deals too.
      const lists = spread
        ? ([
            [byNames, 'names'],
            [byCodes, 'spread'],
          ] as const)
        : ([
            [byCodes, 'codes'],
            [byNames, 'names'],
          ] as const);
      for (const [list, part] of lists) {
        for (const d of list.slice(0, CANDIDATES)) {
          if (!seen.has(d.id)) deals.push({ ...d, part });
          seen.add(d.id);
        }
      }
      rankCustomers(db, customerIds.slice(0, CANDIDATES), keys[0] ?? '', shortTerms, out);
      rankDeals(db, deals, keys[0] ?? '', shortTerms, out);
      return customerIds.length + deals.length;
    };
    const found = substring([q.key], []);
    if (found === 0 && q.terms.length > 1) {
      // "山田 マフラー": each word somewhere in the same customer or deal. The index takes the words of
      // three or more characters; shorter ones are checked on the candidates.
      const long = q.terms.filter((t) => codePointLength(t) >= 3);
      if (long.length > 0)
        substring(
          long,
          q.terms.filter((t) => codePointLength(t) < 3),
        );
    }
  } else if (q.length > 0 && !answered) {
    // One or two characters: the trigram index cannot answer. Names and readings that start with them, on
    // the summary indexes (a bounded range walk each); exact order numbers were looked up above.
    const ids = new Set<number>();
    for (const column of ['name_key', 'reading_key'] as const) {
      for (const r of db.all(
        db.qb
          .selectFrom('customer_summaries')
          .select('customer_id')
          .where(column, '>=', q.key)
          .where(column, '<', prefixEnd(q.key))
          .limit(CANDIDATES + 1),
      )) {
        ids.add(r.customer_id);
      }
    }
    truncated = ids.size > CANDIDATES;
    rankCustomers(db, [...ids].slice(0, CANDIDATES), q.key, [], out);
  }

  // Cases last: they hang off the buyers and deals found above, and match their own summaries.
  truncated = findCases(db, q, out.ranked().slice(0, CANDIDATES), (c) => out.add(c)) || truncated;
  const ranked = out.ranked();
  const chosen = ranked.slice(0, limit);
  return {
    hits: loadHits(db, chosen, ctx.clock.now()),
    hasMore: truncated || ranked.length > limit,
    scanned: q.scanned,
  };
}

function loadHits(db: Db, chosen: Candidate[], now: Date): SearchHitDto[] {
  const caseRows = caseRowsOf(
    db,
    chosen.filter((c) => c.type === 'case').map((c) => c.id),
    now,
  );
  const customerIds = chosen.filter((c) => c.type === 'customer').map((c) => c.id);
  const rows = customerRows(db, customerIds);
  const lastDeals = [...rows.values()].map((r) => r.lastDealId).filter((id): id is number => id !== null);
  const dealIds = chosen.filter((c) => c.type === 'deal').map((c) => c.id);
  const cards = dealCards(db, [...dealIds, ...lastDeals], now);
  const buyerIds = dealIds
    .map((id) => cards.get(id)?.customerId)
    .filter((id): id is number => typeof id === 'number');
  const buyerTags = tagsOf(db, buyerIds);
  const withCases = customersWithCases(db, [...customerIds, ...buyerIds]);
  return chosen.flatMap((c): SearchHitDto[] => {
    if (c.type === 'case') {
      const row = caseRows.get(c.id);
      return row ? [{ type: 'case', id: c.id, tier: c.tier, matchedOn: c.matchedOn, case: row }] : [];
    }
    if (c.type === 'customer') {
      const row = rows.get(c.id);
      if (!row) return [];
      const { lastDealId, ...head } = row;
      const customer: CustomerCardDto = {
        ...head,
        lastDeal: lastDealId === null ? null : (cards.get(lastDealId) ?? null),
      };
      return [
        {
          type: 'customer',
          id: c.id,
          tier: c.tier,
          matchedOn: c.matchedOn,
          customer,
          hasCases: withCases.has(c.id),
        },
      ];
    }
    const deal = cards.get(c.id);
    if (!deal) return [];
    const tags = deal.customerId === null ? [] : (buyerTags.get(deal.customerId) ?? []);
    const buyerHasCases = deal.customerId !== null && withCases.has(deal.customerId);
    return [
      { type: 'deal', id: c.id, tier: c.tier, matchedOn: c.matchedOn, deal, buyerTags: tags, buyerHasCases },
    ];
  });
}

/** Tags of these customers, one query. */
function tagsOf(db: Db, customerIds: number[]): Map<number, string[]> {
  const tags = new Map<number, string[]>();
  if (customerIds.length === 0) return tags;
  for (const t of db.all(
    db.qb
      .selectFrom('customer_tags')
      .select(['customer_id', 'tag'])
      .where('customer_id', 'in', [...new Set(customerIds)])
      .orderBy('customer_id')
      .orderBy('tag'),
  )) {
    tags.set(t.customer_id, [...(tags.get(t.customer_id) ?? []), t.tag]);
  }
  return tags;
}
