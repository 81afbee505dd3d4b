import type { Generated } from 'kysely';

/**
 * Kysely table types. Times are UTC ISO-8601 text; money is integer yen; booleans are 0/1.
 * Keep in step with the migrations (a test compares them with the live schema).
 */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface MembersTable {
  id: Generated<number>;
  name: string;
  color: string;
  pin_hash: string | null;
  sort_order: number;
  archived_at: string | null;
  created_at: string;
}

export interface ActivityLogTable {
  id: Generated<number>;
  at: string;
  member_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: number | null;
  detail: string;
}

export interface CustomersTable {
  id: Generated<number>;
  name: string;
  name_kana: string | null;
  email: string | null;
  phone: string | null;
  postal_code: string | null;
  prefecture: string | null;
  address: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  /** Profile columns a member set or cleared by hand (JSON list): an import never fills them. */
  edited_fields: Generated<string>;
}

export interface DealsTable {
  id: Generated<number>;
  marketplace: string;
  external_id: string;
  ordered_at: string;
  customer_id: number | null;
  state: string;
  items_total: number;
  shipping_fee: number;
  fee: number;
  total: number;
  ship_name: string | null;
  ship_kana: string | null;
  ship_postal_code: string | null;
  ship_prefecture: string | null;
  ship_address1: string | null;
  ship_address2: string | null;
  ship_phone: string | null;
  delivery_method: string | null;
  buyer_handle: string | null;
  notes: string;
  next_due_at: string | null;
  edited_fields: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface DealTagsTable {
  deal_id: number;
  tag: string;
}

export interface WorkflowsTable {
  marketplace: string;
  steps: string;
  updated_at: string;
}

export interface DealItemsTable {
  id: Generated<number>;
  deal_id: number;
  line_no: number;
  name: string;
  sku: string | null;
  quantity: number;
  unit_price: number;
}

export interface DealStepsTable {
  id: Generated<number>;
  deal_id: number;
  kind: string;
  state: string;
  assignee_id: number | null;
  due_at: string | null;
  due_manual: Generated<number>;
  done_at: string | null;
  done_by: number | null;
  carrier: string | null;
  tracking_number: string | null;
  /** 1 while the deal is cancelled: its unfinished steps are frozen, not open work. */
  deal_cancelled: Generated<number>;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  at: string;
  member_id: number | null;
  /** JSON list of file names. */
  file_names: string;
  format_id: string;
  encoding: string;
  rows: number;
  rows_skipped: number;
  deals_inserted: number;
  deals_updated: number;
  deals_unchanged: number;
  customers_inserted: number;
  customers_matched: number;
  undone_at: string | null;
  undone_by: number | null;
}

export interface ImportJournalTable {
  id: Generated<number>;
  batch_id: number;
  entity: string;
  entity_id: number;
  op: string;
  before: string | null;
  after: string | null;
}

export interface ImportSourcesTable {
  deal_id: number;
  format_id: string;
  batch_id: number;
  created_batch_id: number | null;
  snapshot: string;
}

export interface ImportMappingsTable {
  id: Generated<number>;
  name: string;
  header_signature: string;
  header: string;
  mapping: string;
  created_at: string;
  updated_at: string;
}

/** Members' edits of shipped templates (default_key set) and their own templates (default_key null). */
export interface ReplyTemplatesTable {
  id: Generated<number>;
  default_key: string | null;
  purpose: string;
  marketplace: string | null;
  name: string;
  body: string;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CustomerIdentitiesTable {
  id: Generated<number>;
  customer_id: number;
  /** platform | email | phone | name_postal (shared/domain/customers/identity.ts). */
  kind: string;
  /** The marketplace for platform ids, '' otherwise. */
  marketplace: string;
  value: string;
  created_at: string;
}

export interface CustomerTagsTable {
  customer_id: number;
  tag: string;
  created_at: string;
}

export interface CustomerWishesTable {
  id: Generated<number>;
  customer_id: number;
  text: string;
  wants_notice: number;
  deal_id: number | null;
  created_at: string;
  created_by: number | null;
  done_at: string | null;
  done_by: number | null;
}

export interface CustomerMergesTable {
  id: Generated<number>;
  keep_id: number;
  absorb_id: number;
  merged_at: string;
  merged_by: number | null;
  split_at: string | null;
  split_by: number | null;
  /** JSON: profile fields of the kept customer filled from the absorbed one. */
  filled: Generated<string>;
  notes_appended: string | null;
}

export interface CustomerMergeMovesTable {
  merge_id: number;
  /** deal | identity | wish (ref_id) or tag (ref_text). */
  entity: string;
  ref_id: number | null;
  ref_text: string | null;
}

export interface CustomerDistinctTable {
  low_id: number;
  high_id: number;
  created_at: string;
  created_by: number | null;
}

/** Derived (rebuilt by the search module): matching keys and purchase figures per active customer. */
export interface CustomerSummariesTable {
  customer_id: number;
  name_key: string;
  reading_key: string;
  purchase_count: number;
  cancelled_count: number;
  lifetime_value: number;
  first_purchase_at: string | null;
  last_purchase_at: string | null;
  last_deal_id: number | null;
  marketplaces: string;
}

/** Derived: order and tracking numbers as search keys, for exact lookups in any format. */
export interface DealCodesTable {
  code: string;
  deal_id: number;
  /** order | tracking */
  kind: string;
}

/** Derived: identity values held by two or more customers (possible duplicates). */
export interface SharedIdentitiesTable {
  kind: string;
  value: string;
  marketplace: string;
}

/** Derived: the marketplaces each active customer bought on. */
export interface CustomerMarketplacesTable {
  marketplace: string;
  customer_id: number;
}

export interface AftercarePlansTable {
  id: Generated<number>;
  name: string;
  /** JSON list of after-care steps (shared/domain/aftercare.ts). */
  steps: string;
  is_default: Generated<number>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CasesTable {
  id: Generated<number>;
  deal_id: number | null;
  /** What the linked deal was ("marketplace:order number"), kept if the deal is removed. */
  deal_ref: string | null;
  customer_id: number | null;
  customer_ref: string | null;
  category: string;
  severity: string;
  summary: string;
  wish: Generated<string>;
  assignee_id: number | null;
  state: string;
  first_response_due_at: string;
  first_responded_at: string | null;
  resolution: Generated<string>;
  cost: Generated<number>;
  improvement: Generated<string>;
  aftercare_plan_id: number | null;
  resolved_at: string | null;
  closed_at: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface CaseEntriesTable {
  id: Generated<number>;
  case_id: number;
  at: string;
  kind: string;
  text: string;
  member_id: number | null;
  created_at: string;
}

export interface CaseOptionsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  amount: number | null;
  note: Generated<string>;
  chosen: Generated<number>;
  offered_at: string;
  offered_by: number | null;
}

export interface FollowupsTable {
  id: Generated<number>;
  kind: string;
  case_id: number | null;
  deal_id: number | null;
  customer_id: number | null;
  title: string;
  due_at: string;
  remind_at: string;
  assignee_id: number | null;
  state: string;
  outcome: string | null;
  estimate: Generated<number>;
  past_due_at_creation: Generated<number>;
  step_kind: string | null;
  step_no: number | null;
  snoozed_until: string | null;
  next_notify_at: string | null;
  done_at: string | null;
  done_by: number | null;
  created_at: string;
  created_by: number | null;
}

export interface ReminderStateTable {
  item_key: string;
  due_at: string;
  first_notified_at: string;
  last_notified_at: string;
  times: number;
}

export interface Schema {
  settings: SettingsTable;
  members: MembersTable;
  activity_log: ActivityLogTable;
  customers: CustomersTable;
  deals: DealsTable;
  deal_items: DealItemsTable;
  deal_steps: DealStepsTable;
  deal_tags: DealTagsTable;
  workflows: WorkflowsTable;
  import_batches: ImportBatchesTable;
  import_journal: ImportJournalTable;
  import_sources: ImportSourcesTable;
  import_mappings: ImportMappingsTable;
  customer_identities: CustomerIdentitiesTable;
  customer_tags: CustomerTagsTable;
  customer_wishes: CustomerWishesTable;
  customer_merges: CustomerMergesTable;
  customer_merge_moves: CustomerMergeMovesTable;
  customer_distinct: CustomerDistinctTable;
  customer_summaries: CustomerSummariesTable;
  customer_marketplaces: CustomerMarketplacesTable;
  deal_codes: DealCodesTable;
  shared_identities: SharedIdentitiesTable;
  reply_templates: ReplyTemplatesTable;
  aftercare_plans: AftercarePlansTable;
  cases: CasesTable;
  case_entries: CaseEntriesTable;
  case_options: CaseOptionsTable;
  followups: FollowupsTable;
  reminder_state: ReminderStateTable;
}
