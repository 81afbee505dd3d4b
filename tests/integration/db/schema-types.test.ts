import { expect, it } from 'vitest';
import type { Schema } from '../../../electron/backend/db/schema';
import { useBackend } from '../../support/temp';

/**
 * The Kysely types must match what the migrations create. The type below forces this list to name
 * exactly the columns of each table type; the test then compares it with the live database.
 */
const columns: { [T in keyof Schema]: Record<keyof Schema[T], true> } = {
  settings: { key: true, value: true },
  members: {
    id: true,
    name: true,
    color: true,
    pin_hash: true,
    sort_order: true,
    archived_at: true,
    created_at: true,
  },
  activity_log: {
    id: true,
    at: true,
    member_id: true,
    action: true,
    subject_type: true,
    subject_id: true,
    detail: true,
  },
  customers: {
    id: true,
    name: true,
    name_kana: true,
    email: true,
    phone: true,
    postal_code: true,
    prefecture: true,
    address: true,
    notes: true,
    created_at: true,
    updated_at: true,
  },
  deals: {
    id: true,
    marketplace: true,
    external_id: true,
    ordered_at: true,
    customer_id: true,
    state: true,
    items_total: true,
    shipping_fee: true,
    fee: true,
    total: true,
    ship_name: true,
    ship_kana: true,
    ship_postal_code: true,
    ship_prefecture: true,
    ship_address1: true,
    ship_address2: true,
    ship_phone: true,
    delivery_method: true,
    buyer_handle: true,
    notes: true,
    next_due_at: true,
    edited_fields: true,
    created_at: true,
    updated_at: true,
  },
  deal_tags: { deal_id: true, tag: true },
  workflows: { marketplace: true, steps: true, updated_at: true },
  deal_items: {
    id: true,
    deal_id: true,
    line_no: true,
    name: true,
    sku: true,
    quantity: true,
    unit_price: true,
  },
  deal_steps: {
    id: true,
    deal_id: true,
    kind: true,
    state: true,
    assignee_id: true,
    due_at: true,
    due_manual: true,
    done_at: true,
    done_by: true,
    carrier: true,
    tracking_number: true,
    deal_cancelled: true,
  },
  import_batches: {
    id: true,
    at: true,
    member_id: true,
    file_names: true,
    format_id: true,
    encoding: true,
    rows: true,
    rows_skipped: true,
    deals_inserted: true,
    deals_updated: true,
    deals_unchanged: true,
    customers_inserted: true,
    customers_matched: true,
    undone_at: true,
    undone_by: true,
  },
  import_journal: {
    id: true,
    batch_id: true,
    entity: true,
    entity_id: true,
    op: true,
    before: true,
    after: true,
  },
  import_sources: { deal_id: true, format_id: true, batch_id: true, created_batch_id: true, snapshot: true },
  import_mappings: {
    id: true,
    name: true,
    header_signature: true,
    header: true,
    mapping: true,
    created_at: true,
    updated_at: true,
  },
  customer_identities: {
    id: true,
    customer_id: true,
    kind: true,
    marketplace: true,
    value: true,
    created_at: true,
  },
  customer_tags: { customer_id: true, tag: true, created_at: true },
  customer_wishes: {
    id: true,
    customer_id: true,
    text: true,
    wants_notice: true,
    deal_id: true,
    created_at: true,
    created_by: true,
    done_at: true,
    done_by: true,
  },
  customer_merges: {
    id: true,
    keep_id: true,
    absorb_id: true,
    merged_at: true,
    merged_by: true,
    split_at: true,
    split_by: true,
    filled: true,
    notes_appended: true,
  },
  customer_merge_moves: { merge_id: true, entity: true, ref_id: true, ref_text: true },
  customer_distinct: { low_id: true, high_id: true, created_at: true, created_by: true },
  customer_summaries: {
    customer_id: true,
    name_key: true,
    reading_key: true,
    purchase_count: true,
    cancelled_count: true,
    lifetime_value: true,
    first_purchase_at: true,
    last_purchase_at: true,
    last_deal_id: true,
    marketplaces: true,
  },
  customer_marketplaces: { marketplace: true, customer_id: true },
  deal_codes: { code: true, deal_id: true, kind: true },
  shared_identities: { kind: true, value: true, marketplace: true },
};

const open = useBackend();

it('Kysely schema types name exactly the columns the migrations create', async () => {
  const backend = await open();
  const live: Record<string, string[]> = {};
  for (const table of Object.keys(columns)) {
    live[table] = (
      backend.db.raw.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]
    )
      .map((c) => c.name)
      .sort();
  }
  const typed = Object.fromEntries(Object.entries(columns).map(([t, cols]) => [t, Object.keys(cols).sort()]));
  expect(live).toEqual(typed);
});
