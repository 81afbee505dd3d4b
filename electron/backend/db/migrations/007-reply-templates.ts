import type { Migration } from './types';

/**
 * Message templates (定型文). The shipped defaults live in code (shared/domain/replies/defaults.ts)
 * so app updates can improve them; this table holds only what members wrote: their edits of a
 * default (`default_key` set: resetting deletes the row) and their own templates (`default_key` null).
 */
export const replyTemplates: Migration = {
  version: 7,
  name: 'reply templates: edited defaults and members own templates',
  up({ qb, exec }) {
    exec(
      qb.schema
        .createTable('reply_templates')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('default_key', 'text')
        // A purpose from shared/domain/replies/purposes.ts; a marketplace code, or null for all.
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('marketplace', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('updated_by', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull()),
    );
    // One edit per shipped default; SQLite lets many own templates share the null key.
    exec(
      qb.schema.createIndex('reply_templates_default').on('reply_templates').column('default_key').unique(),
    );
    exec(
      qb.schema
        .createIndex('reply_templates_purpose')
        .on('reply_templates')
        .columns(['purpose', 'marketplace']),
    );
  },
};
