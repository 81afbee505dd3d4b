import { FigureBook, summaryInserter, summaryKeys } from '../customers/summary';
import type { Db } from '../db/executor';
import {
  customerDoc,
  dealCodes,
  dealDoc,
  docMemos,
  type DealFacts,
  type IdentityFacts,
} from '../search/documents';
import { searchIndexWriter, type SearchIndexWriter } from '../search/sqlite-fts';
import { BulkInsert } from './bulk';

/** The deal columns the search index and customer figures use, as insertDeals writes them. */
export interface FreshDeal extends DealFacts {
  state: string;
  total: number;
  ordered_at: string;
  marketplace: string;
}

/** A customer as writeCreated stores it, with the identities it records for it. */
export interface FreshCustomer {
  id: number;
  name: string;
  name_kana: string | null;
  email: string | null;
  phone: string | null;
  identities: readonly IdentityFacts[];
}

/**
 * Search entries, order/tracking codes and customer figures for what an import creates, written from the
 * values being inserted rather than read back afterwards (reindexDeals' path, which re-reads every deal, its
 * items, steps and codes, then every customer). New deals and new customers are not indexed yet, so documents
 * are added without the delete-first checks. The result is the same rows reindexDeals would write; customers
 * that existed before the batch still go through reindexDeals / refreshCustomers.
 */
export class FreshIndex {
  private readonly writer: SearchIndexWriter;
  private readonly memos = docMemos();
  /** Codes go in with multi-row inserts, like the deals they belong to (one row per statement cost ~3×). */
  private readonly codes: BulkInsert<'code' | 'deal_id' | 'kind'>;
  private readonly book = new FigureBook();

  constructor(private readonly db: Db) {
    this.writer = searchIndexWriter(db.raw);
    this.codes = new BulkInsert(db, 'deal_codes', ['code', 'deal_id', 'kind']);
  }

  /** A new deal: its document, its codes, and its share of its customer's figures. */
  deal(d: FreshDeal, itemNames: readonly string[], trackingNumber: string | null): void {
    this.writer.addDeal(dealDoc(d, itemNames, this.memos));
    for (const c of dealCodes(d, trackingNumber === null ? [] : [trackingNumber]))
      this.codes.push(c.code, d.id, c.kind);
    this.book.add(d);
  }

  /** Writes the codes buffered by deal(); insertDeals calls it with each round of inserts and at the end. */
  flush(): void {
    this.codes.flush();
  }

  /**
   * New customers, once all new deals went through deal(): every deal such a customer has is one of them,
   * so the figures are complete.
   */
  customers(list: Iterable<FreshCustomer>): void {
    const insertSummary = summaryInserter(this.db);
    for (const c of list) {
      this.writer.addCustomer(customerDoc(c, c.identities, this.memos));
      insertSummary(
        { customer_id: c.id, ...summaryKeys(c.name, c.name_kana), ...this.book.figures(c.id) },
        this.book.marketplaceCodes(c.id),
      );
    }
  }
}
