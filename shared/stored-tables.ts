/**
 * The tables `system.info` counts, for the About box. The UI needs a label for each in every language, so
 * the section files are typed by this list; tests/integration/db/table-labels.test.ts checks that it is
 * exactly the set of tables the migrations create. A migration that adds a table adds its name here.
 */
export const storedTables = [
  'activity_log',
  'aftercare_plans',
  'case_entries',
  'case_options',
  'cases',
  'customer_distinct',
  'customer_identities',
  'customer_marketplaces',
  'customer_merge_moves',
  'customer_merges',
  'customer_summaries',
  'customer_tags',
  'customer_wishes',
  'customers',
  'deal_codes',
  'deal_items',
  'deal_steps',
  'deal_tags',
  'deals',
  'followups',
  'import_batches',
  'import_journal',
  'import_mappings',
  'import_sources',
  'members',
  'reminder_state',
  'reply_templates',
  'settings',
  'shared_identities',
  'workflows',
] as const;

export type StoredTable = (typeof storedTables)[number];
