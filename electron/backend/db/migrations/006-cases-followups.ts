import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Complaint cases and everything due: cases with their timeline and the options offered, after-care plans,
 * one follow-ups table (promises, first responses, after-care steps, custom reminders) and the reminder
 * state that makes sure nothing is notified twice. Deal steps and wishes stay in their own tables; the
 * follow-ups query reads them alongside (electron/backend/followups/query.ts).
 */
export const casesFollowups: Migration = {
  version: 6,
  name: 'complaint cases, follow-ups, after-care plans, reminder state',
  up({ qb, exec }) {
    exec(
      qb.schema
        .createTable('aftercare_plans')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull())
        // JSON list of { kind, title, unit, amount } (shared/domain/aftercare.ts).
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('archived_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull()),
    );

    exec(
      qb.schema
        .createTable('cases')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        // A deal may be removed later (an undone import); deal_ref keeps what it was so the case can say so.
        .addColumn('deal_id', 'integer', (c) => c.references('deals.id').onDelete('set null'))
        .addColumn('deal_ref', 'text')
        .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
        .addColumn('customer_ref', 'text')
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('wish', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('assignee_id', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('first_response_due_at', 'text', (c) => c.notNull())
        .addColumn('first_responded_at', 'text')
        .addColumn('resolution', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('cost', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('improvement', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('aftercare_plan_id', 'integer', (c) =>
          c.references('aftercare_plans.id').onDelete('set null'),
        )
        .addColumn('resolved_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull()),
    );
    exec(qb.schema.createIndex('cases_state').on('cases').columns(['state', 'id']));
    exec(qb.schema.createIndex('cases_deal').on('cases').column('deal_id'));
    exec(qb.schema.createIndex('cases_customer').on('cases').column('customer_id'));
    exec(qb.schema.createIndex('cases_assignee').on('cases').columns(['assignee_id', 'state']));

    exec(
      qb.schema
        .createTable('case_entries')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        // message_in | message_out | call_in | call_out | note
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('member_id', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull()),
    );
    exec(qb.schema.createIndex('case_entries_case').on('case_entries').columns(['case_id', 'at']));

    exec(
      qb.schema
        .createTable('case_options')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer')
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('chosen', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('offered_at', 'text', (c) => c.notNull())
        .addColumn('offered_by', 'integer', (c) => c.references('members.id').onDelete('set null')),
    );
    exec(qb.schema.createIndex('case_options_case').on('case_options').columns(['case_id', 'id']));

    exec(
      qb.schema
        .createTable('followups')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        // promise | first_response | aftercare | custom
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('case_id', 'integer', (c) => c.references('cases.id').onDelete('cascade'))
        .addColumn('deal_id', 'integer', (c) => c.references('deals.id').onDelete('set null'))
        .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        // When to remind: the due time, or the snooze time when snoozed. Lists and reminders go by this.
        .addColumn('remind_at', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'integer', (c) => c.references('members.id').onDelete('set null'))
        // open | done | cancelled
        .addColumn('state', 'text', (c) => c.notNull())
        // Promises: kept | broken once settled.
        .addColumn('outcome', 'text')
        .addColumn('estimate', 'integer', (c) => c.notNull().defaultTo(0))
        // The due time was already past when the follow-up was made (allowed, but worth a second look).
        .addColumn('past_due_at_creation', 'integer', (c) => c.notNull().defaultTo(0))
        // After-care: which kind of step (checkin | message | thanks) and its place in the plan.
        .addColumn('step_kind', 'text')
        .addColumn('step_no', 'integer')
        .addColumn('snoozed_until', 'text')
        // When the reminder engine should next notify: the reminder time, then a day after each notification.
        .addColumn('next_notify_at', 'text')
        .addColumn('done_at', 'text')
        .addColumn('done_by', 'integer', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('members.id').onDelete('set null')),
    );
    // Plain (not partial) indexes: queries bind the state as a parameter, which a partial index cannot match.
    // The due list for one member, and the status badge, read open follow-ups by reminder time.
    exec(
      qb.schema
        .createIndex('followups_assignee_state_remind')
        .on('followups')
        .columns(['assignee_id', 'state', 'remind_at']),
    );
    // The reminder engine reads only what is due to be notified now (see next_notify_at).
    exec(
      qb.schema
        .createIndex('followups_state_next_notify')
        .on('followups')
        .columns(['state', 'next_notify_at']),
    );
    // Overdue promises, the header banner.
    exec(
      qb.schema.createIndex('followups_kind_state_due').on('followups').columns(['kind', 'state', 'due_at']),
    );
    // Whole-family lists by reminder time.
    exec(qb.schema.createIndex('followups_state_remind').on('followups').columns(['state', 'remind_at']));
    exec(qb.schema.createIndex('followups_case').on('followups').columns(['case_id', 'kind']));

    // Overdue deal steps for the reminder engine, whoever they are assigned to.
    exec(qb.schema.createIndex('deal_steps_state_due').on('deal_steps').columns(['state', 'due_at']));

    // One row per thing ever notified: written before the notification is shown, so a crash or restart
    // never shows it twice; overdue items are shown again only when the last time is a day old.
    exec(
      qb.schema
        .createTable('reminder_state')
        .addColumn('item_key', 'text', (c) => c.primaryKey())
        // The due time (after snoozing) it was notified for: a new due time is a new reminder.
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('first_notified_at', 'text', (c) => c.notNull())
        .addColumn('last_notified_at', 'text', (c) => c.notNull())
        .addColumn('times', 'integer', (c) => c.notNull()),
    );

    // The field-practice plan: check in after a week, something useful at six months, thanks after a year.
    exec(
      qb.insertInto('aftercare_plans').values({
        name: '標準（1週間・半年・1年）',
        steps: JSON.stringify([
          { kind: 'checkin', title: 'その後いかがですか（確認の連絡）', unit: 'days', amount: 7 },
          { kind: 'message', title: 'お役立ち情報のお便り（売り込みなし）', unit: 'months', amount: 6 },
          { kind: 'thanks', title: '1年のお礼と改善のご報告・無期限クーポン', unit: 'years', amount: 1 },
        ]),
        is_default: 1,
        created_at: sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
        updated_at: sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      }),
    );
  },
};
