import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * CSV import: batches (history and undo), the per-batch change journal, the source values last
 * imported per deal (so a re-import knows which fields the marketplace changed), saved column
 * mappings, and the indexes customer matching needs once imports bring thousands of buyers.
 */
export const imports: Migration = {
  version: 2,
  name: 'import batches, journal, deal sources, saved mappings, customer match indexes',
  up({ qb, exec }) {
    exec(
      qb.schema
        .createTable('import_batches')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('member_id', 'integer', (c) => c.references('members.id').onDelete('set null'))
        // JSON list of the file names imported together.
        .addColumn('file_names', 'text', (c) => c.notNull())
        .addColumn('format_id', 'text', (c) => c.notNull())
        .addColumn('encoding', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_skipped', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('deals_inserted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('deals_updated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('deals_unchanged', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('customers_inserted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('customers_matched', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('undone_at', 'text')
        .addColumn('undone_by', 'integer', (c) => c.references('members.id').onDelete('set null')),
    );
    exec(
      qb.schema
        .createTable('import_journal')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('batch_id', 'integer', (c) =>
          c.notNull().references('import_batches.id').onDelete('cascade'),
        )
        // 'customer' (inserted), 'deal' / 'deal_items' / 'deal_step' / 'import_source' (changed).
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        // JSON of the columns the batch changed: their values before and after, for an exact undo.
        .addColumn('before', 'text')
        .addColumn('after', 'text'),
    );
    exec(qb.schema.createIndex('import_journal_batch').on('import_journal').column('batch_id'));
    exec(
      qb.schema.createIndex('import_journal_entity').on('import_journal').columns(['entity', 'entity_id']),
    );
    exec(
      qb.schema
        .createTable('import_sources')
        .addColumn('deal_id', 'integer', (c) => c.primaryKey().references('deals.id').onDelete('cascade'))
        .addColumn('format_id', 'text', (c) => c.notNull())
        // The batch that last wrote this snapshot, and the batch that created the deal (null: entered by hand).
        .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id'))
        .addColumn('created_batch_id', 'integer', (c) => c.references('import_batches.id'))
        // JSON of the source fields as last imported.
        .addColumn('snapshot', 'text', (c) => c.notNull()),
    );
    exec(qb.schema.createIndex('import_sources_created').on('import_sources').column('created_batch_id'));
    exec(
      qb.schema
        .createTable('import_mappings')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('header_signature', 'text', (c) => c.notNull())
        .addColumn('header', 'text', (c) => c.notNull())
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull()),
    );
    exec(qb.schema.createIndex('import_mappings_name').on('import_mappings').column('name').unique());
    exec(qb.schema.createIndex('import_mappings_signature').on('import_mappings').column('header_signature'));
    // Customer matching looks buyers up by e-mail, phone, name + postal code, and platform id.
    exec(qb.schema.createIndex('customers_email').on('customers').column('email'));
    exec(qb.schema.createIndex('customers_phone').on('customers').column('phone'));
    exec(qb.schema.createIndex('customers_name_postal').on('customers').columns(['name', 'postal_code']));
    exec(
      qb.schema
        .createIndex('deals_marketplace_handle')
        .on('deals')
        .columns(['marketplace', 'buyer_handle'])
        .where(sql.ref('buyer_handle'), 'is not', null),
    );
  },
};
