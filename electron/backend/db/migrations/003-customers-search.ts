import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Customers beyond one marketplace: identities for matching, tags, wishes, a merge journal that lets a merge
 * be split exactly, "not the same person" decisions, and per-customer figures for the list.
 *
 * The full-text index is not here: it is derived data in SQLite-only FTS5 tables, created and rebuilt by
 * electron/backend/search (versioned on its own, so a change of normalisation rebuilds it without a migration).
 */
export const customersSearch: Migration = {
  version: 3,
  name: 'customer identities, tags, wishes, merges, summaries',
  up({ qb, exec }) {
    exec(
      qb.schema
        .createTable('customer_identities')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('customer_id', 'integer', (c) =>
          c.notNull().references('customers.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        // '' rather than NULL for kinds that are not per marketplace, so the unique index sees equal values.
        .addColumn('marketplace', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull()),
    );
    // Unique per customer, not globally: when matching declines (a shared family phone, a split), both
    // customers keep the identifier, and that shared value is what the duplicates list shows.
    exec(
      qb.schema
        .createIndex('customer_identities_lookup')
        .on('customer_identities')
        .columns(['kind', 'value', 'marketplace', 'customer_id'])
        .unique(),
    );
    exec(
      qb.schema.createIndex('customer_identities_customer').on('customer_identities').column('customer_id'),
    );

    // Derived: identifier values held by two or more customers, which is where possible duplicates come from.
    // Kept as identities are added, so the duplicates list need not group two million identities.
    exec(
      qb.schema
        .createTable('shared_identities')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('marketplace', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('shared_identities_pk', ['kind', 'value', 'marketplace']),
    );

    exec(
      qb.schema
        .createTable('customer_tags')
        .addColumn('customer_id', 'integer', (c) =>
          c.notNull().references('customers.id').onDelete('cascade'),
        )
        .addColumn('tag', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag']),
    );
    exec(qb.schema.createIndex('customer_tags_tag').on('customer_tags').columns(['tag', 'customer_id']));

    exec(
      qb.schema
        .createTable('customer_wishes')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('customer_id', 'integer', (c) =>
          c.notNull().references('customers.id').onDelete('cascade'),
        )
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('wants_notice', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('deal_id', 'integer', (c) => c.references('deals.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('done_at', 'text')
        .addColumn('done_by', 'integer', (c) => c.references('members.id').onDelete('set null')),
    );
    exec(
      qb.schema.createIndex('customer_wishes_customer').on('customer_wishes').columns(['customer_id', 'id']),
    );
    // Deleting deals (an import undone) must find wishes that point at them without scanning.
    exec(
      qb.schema
        .createIndex('customer_wishes_deal')
        .on('customer_wishes')
        .column('deal_id')
        .where(sql.ref('deal_id'), 'is not', null),
    );
    // "Tell me when it is in stock" wishes still open: the follow-ups list reads these.
    exec(
      qb.schema
        .createIndex('customer_wishes_notice_open')
        .on('customer_wishes')
        .columns(['customer_id', 'id'])
        .where(sql.ref('wants_notice'), '=', 1)
        .where(sql.ref('done_at'), 'is', null),
    );

    exec(
      qb.schema
        .createTable('customer_merges')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('keep_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('absorb_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('merged_at', 'text', (c) => c.notNull())
        .addColumn('merged_by', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('split_at', 'text')
        .addColumn('split_by', 'integer', (c) => c.references('members.id').onDelete('set null'))
        // Profile fields of the kept customer that were empty and filled from the absorbed one, as JSON.
        .addColumn('filled', 'text', (c) => c.notNull().defaultTo('{}'))
        // Notes of the absorbed customer appended to the kept one's, so a split can take them back out.
        .addColumn('notes_appended', 'text'),
    );
    exec(qb.schema.createIndex('customer_merges_keep').on('customer_merges').columns(['keep_id', 'id']));
    // A merged customer keeps its row (its id is in notes, the activity log, the UI's history); it is merged
    // while a merge that absorbed it is not split, and only one such merge can exist. The journal, not a
    // column on customers, is the truth, so a split can never disagree with it.
    exec(
      qb.schema
        .createIndex('customer_merges_absorb_active')
        .on('customer_merges')
        .column('absorb_id')
        .unique()
        .where(sql.ref('split_at'), 'is', null),
    );
    exec(qb.schema.createIndex('customer_merges_absorb').on('customer_merges').columns(['absorb_id', 'id']));
    // What a merge moved, row by row: entity 'deal' | 'identity' | 'wish' (ref_id) or 'tag' (ref_text).
    exec(
      qb.schema
        .createTable('customer_merge_moves')
        .addColumn('merge_id', 'integer', (c) =>
          c.notNull().references('customer_merges.id').onDelete('cascade'),
        )
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'integer')
        .addColumn('ref_text', 'text'),
    );
    exec(qb.schema.createIndex('customer_merge_moves_merge').on('customer_merge_moves').column('merge_id'));

    // Pairs a member said are different people (low id first): never proposed as duplicates again.
    exec(
      qb.schema
        .createTable('customer_distinct')
        .addColumn('low_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('high_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addPrimaryKeyConstraint('customer_distinct_pk', ['low_id', 'high_id']),
    );
    exec(qb.schema.createIndex('customer_distinct_high').on('customer_distinct').column('high_id'));

    // Derived, one row per active customer: matching keys and purchase figures, so the list sorts 300,000
    // customers by lifetime value without aggregating a million deals. Rebuilt by the search module; no
    // foreign key on last_deal_id, so deleting deals never has to scan this table.
    exec(
      qb.schema
        .createTable('customer_summaries')
        .addColumn('customer_id', 'integer', (c) =>
          c.primaryKey().references('customers.id').onDelete('cascade'),
        )
        .addColumn('name_key', 'text', (c) => c.notNull().defaultTo(''))
        // The reading as hiragana, or the name's key when no reading is known: sorts あいうえお order.
        .addColumn('reading_key', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('purchase_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('cancelled_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lifetime_value', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('first_purchase_at', 'text')
        .addColumn('last_purchase_at', 'text')
        .addColumn('last_deal_id', 'integer')
        // ",mercari,rakuten,": a handful of codes, for display.
        .addColumn('marketplaces', 'text', (c) => c.notNull().defaultTo('')),
    );
    // Derived: which marketplaces each active customer bought on, so the list filters by one without
    // scanning every customer.
    exec(
      qb.schema
        .createTable('customer_marketplaces')
        .addColumn('marketplace', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'integer', (c) =>
          c.notNull().references('customers.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('customer_marketplaces_pk', ['marketplace', 'customer_id']),
    );
    exec(
      qb.schema
        .createIndex('customer_marketplaces_customer')
        .on('customer_marketplaces')
        .column('customer_id'),
    );
    // Derived: every deal's order number and tracking numbers as search keys (no hyphens, lower case), so
    // "まだ？" with a number in any format is one index probe. The trigram index would find them too, but a
    // long run of digits is its slowest query (every trigram of digits is common).
    exec(
      qb.schema
        .createTable('deal_codes')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('deal_id', 'integer', (c) => c.notNull())
        // 'order' | 'tracking'
        .addColumn('kind', 'text', (c) => c.notNull()),
    );
    // Plain indexes, no key: a rebuild drops them, loads two million codes and builds them sorted.
    exec(qb.schema.createIndex('deal_codes_code').on('deal_codes').column('code'));
    exec(qb.schema.createIndex('deal_codes_deal').on('deal_codes').column('deal_id'));
    for (const [name, columns] of [
      ['customer_summaries_last_purchase', ['last_purchase_at', 'customer_id']],
      ['customer_summaries_lifetime_value', ['lifetime_value', 'customer_id']],
      ['customer_summaries_purchase_count', ['purchase_count', 'customer_id']],
      ['customer_summaries_name_key', ['name_key']],
      ['customer_summaries_reading_key', ['reading_key', 'customer_id']],
    ] as const) {
      exec(
        qb.schema
          .createIndex(name)
          .on('customer_summaries')
          .columns([...columns]),
      );
    }
  },
};
