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
}
