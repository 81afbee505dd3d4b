import type { Migration } from './types';

/**
 * The profile fields a member set or cleared by hand (customers.edited_fields, a JSON list of column names,
 * like deals.edited_fields). An import fills only a known customer's empty fields, and a field a member
 * emptied on purpose must stay empty: this list is how the fill tells the two apart. Customers recorded
 * before this version get '[]' (nothing known to be a member's choice).
 */
export const customerEditedFields: Migration = {
  version: 11,
  name: 'customer profile fields edited by a member',
  up({ qb, exec }) {
    exec(
      qb.schema
        .alterTable('customers')
        .addColumn('edited_fields', 'text', (c) => c.notNull().defaultTo('[]')),
    );
  },
};
