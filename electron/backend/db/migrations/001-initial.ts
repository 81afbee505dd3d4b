import { sql } from 'kysely';
import type { Migration } from './types';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const initial: Migration = {
  version: 1,
  name: 'members, activity log, settings, customers, deals, items, steps, tags, workflows',
  up({ qb, exec }) {
    exec(
      qb.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull()),
    );
    exec(
      qb.schema
        .createTable('members')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('color', 'text', (c) => c.notNull())
        .addColumn('pin_hash', 'text')
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('archived_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now)),
    );
    exec(qb.schema.createIndex('members_name_unique').on('members').column('name').unique());
    exec(
      qb.schema
        .createTable('activity_log')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('member_id', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text')
        .addColumn('subject_id', 'integer')
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}')),
    );
    exec(
      qb.schema.createIndex('activity_subject').on('activity_log').columns(['subject_type', 'subject_id']),
    );
    exec(qb.schema.createIndex('activity_member').on('activity_log').columns(['member_id', 'id']));
    exec(
      qb.schema
        .createTable('customers')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_kana', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('prefecture', 'text')
        .addColumn('address', 'text')
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull()),
    );
    exec(
      qb.schema
        .createTable('deals')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('marketplace', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('ordered_at', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('items_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('shipping_fee', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('fee', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('ship_name', 'text')
        .addColumn('ship_kana', 'text')
        .addColumn('ship_postal_code', 'text')
        .addColumn('ship_prefecture', 'text')
        .addColumn('ship_address1', 'text')
        .addColumn('ship_address2', 'text')
        .addColumn('ship_phone', 'text')
        .addColumn('delivery_method', 'text')
        .addColumn('buyer_handle', 'text')
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        // Earliest due time among the deal's open steps: lets lists sort and filter by urgency without a join.
        .addColumn('next_due_at', 'text')
        // Fields a member edited by hand; a later import never overwrites them.
        .addColumn('edited_fields', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull()),
    );
    exec(
      qb.schema
        .createIndex('deals_marketplace_external')
        .on('deals')
        .columns(['marketplace', 'external_id'])
        .unique(),
    );
    exec(qb.schema.createIndex('deals_ordered_at').on('deals').column('ordered_at'));
    exec(qb.schema.createIndex('deals_customer').on('deals').column('customer_id'));
    exec(
      qb.schema.createIndex('deals_marketplace_ordered').on('deals').columns(['marketplace', 'ordered_at']),
    );
    exec(
      qb.schema
        .createIndex('deals_next_due')
        .on('deals')
        .column('next_due_at')
        .where(sql.ref('state'), '=', 'open'),
    );
    exec(
      qb.schema
        .createTable('deal_tags')
        .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('deal_tags_pk', ['deal_id', 'tag']),
    );
    exec(qb.schema.createIndex('deal_tags_tag').on('deal_tags').columns(['tag', 'deal_id']));
    exec(
      qb.schema
        .createTable('workflows')
        .addColumn('marketplace', 'text', (c) => c.primaryKey())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull()),
    );
    exec(
      qb.schema
        .createTable('deal_items')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sku', 'text')
        .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('unit_price', 'integer', (c) => c.notNull().defaultTo(0)),
    );
    exec(qb.schema.createIndex('deal_items_deal').on('deal_items').columns(['deal_id', 'line_no']).unique());
    exec(
      qb.schema
        .createTable('deal_steps')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('todo'))
        .addColumn('assignee_id', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('due_at', 'text')
        // 1 when a member set the due time by hand: workflow rules then leave it alone.
        .addColumn('due_manual', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('done_at', 'text')
        .addColumn('done_by', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('carrier', 'text')
        .addColumn('tracking_number', 'text'),
    );
    exec(
      qb.schema.createIndex('deal_steps_deal_kind').on('deal_steps').columns(['deal_id', 'kind']).unique(),
    );
    exec(
      qb.schema
        .createIndex('deal_steps_open_due')
        .on('deal_steps')
        .columns(['state', 'assignee_id', 'due_at']),
    );
  },
};
