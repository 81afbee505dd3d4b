/**
 * Column lists for the bulk paths (demo seeding, CSV import) that write many rows with reused
 * multi-row INSERT statements. One list per table, so both paths stay in step with the schema.
 */
export const DEAL_COLUMNS = [
  'id',
  'marketplace',
  'external_id',
  'ordered_at',
  'customer_id',
  'state',
  'items_total',
  'shipping_fee',
  'fee',
  'total',
  'ship_name',
  'ship_kana',
  'ship_postal_code',
  'ship_prefecture',
  'ship_address1',
  'ship_address2',
  'ship_phone',
  'delivery_method',
  'buyer_handle',
  'notes',
  'next_due_at',
  'created_at',
  'updated_at',
] as const;
export const ITEM_COLUMNS = ['deal_id', 'line_no', 'name', 'sku', 'quantity', 'unit_price'] as const;
export const STEP_COLUMNS = [
  'deal_id',
  'kind',
  'state',
  'assignee_id',
  'due_at',
  'done_at',
  'done_by',
  'carrier',
  'tracking_number',
] as const;
export const CUSTOMER_COLUMNS = [
  'id',
  'name',
  'name_kana',
  'email',
  'phone',
  'postal_code',
  'prefecture',
  'address',
  'notes',
  'created_at',
  'updated_at',
] as const;
export const IDENTITY_COLUMNS = ['customer_id', 'kind', 'marketplace', 'value', 'created_at'] as const;
