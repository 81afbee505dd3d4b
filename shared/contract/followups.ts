import { z } from 'zod';
import { followupKinds, type FollowupBucket, type FollowupKind } from '../domain/followups';
import type { StepKind } from '../domain/steps';
import { command, query, returns } from './define';
import { id, label, noInput } from './fields';

const isoTime = z.iso.datetime({ offset: true });
/** f<id> follow-up, s<id> deal step, w<id> wish (shared/domain/followups.ts). */
export const followupKey = z.string().regex(/^[fsw][1-9]\d{0,15}$/, { message: 'Not a follow-up key' });

export interface FollowupDto {
  key: string;
  kind: FollowupKind;
  title: string;
  /** The deadline itself; null for a wish waiting for stock. */
  dueAt: string | null;
  /** When it reminds: the due time or, when snoozed, the snooze time. */
  remindAt: string | null;
  snoozedUntil: string | null;
  assigneeId: number | null;
  state: 'open' | 'done' | 'cancelled';
  outcome: 'kept' | 'broken' | null;
  estimate: boolean;
  overdue: boolean;
  bucket: FollowupBucket;
  caseId: number | null;
  dealId: number | null;
  customerId: number | null;
  /** Who or what it is about: the buyer's name, the order number. */
  context: string | null;
  /** Deal step kind for deal steps; after-care step kind for after-care. */
  stepKind: StepKind | 'checkin' | 'message' | 'thanks' | null;
  /** In-app route that opens the item. */
  route: string;
  canSnooze: boolean;
}

export interface FollowupListDto {
  items: FollowupDto[];
  counts: Record<FollowupBucket, number>;
  /** True when more items matched than `limit`. */
  truncated: boolean;
}

/** What the header banner and the tray show: the current member's load and, loudest, overdue promises. */
export interface FollowupStatusDto {
  memberId: number | null;
  /** Open items of the current member whose reminder time has come. */
  due: number;
  overduePromises: {
    id: number;
    caseId: number | null;
    title: string;
    dueAt: string;
    assigneeId: number | null;
  }[];
}

/** A notification the backend decided to show (recorded in the database first). */
export interface NotificationDto {
  key: string;
  title: string;
  body: string;
  route: string;
}

export const followupMethods = {
  'followups.list': query(
    z
      .object({
        memberId: id.optional(),
        /** Everyone's, not only one member's. */
        everyone: z.boolean().optional(),
        kinds: z.array(z.enum(followupKinds)).max(followupKinds.length).optional(),
        from: isoTime.optional(),
        until: isoTime.optional(),
        includeDone: z.boolean().optional(),
        limit: z.number().int().min(1).max(2000).optional(),
      })
      .strict(),
    returns<FollowupListDto>(),
  ),
  'followups.status': query(noInput, returns<FollowupStatusDto>()),
  'followups.create': command(
    z
      .object({
        title: label(300),
        dueAt: isoTime,
        assigneeId: id.nullable().optional(),
        caseId: id.optional(),
        dealId: id.optional(),
        customerId: id.optional(),
      })
      .strict(),
    returns<FollowupDto>(),
  ),
  'followups.snooze': command(
    z.object({ key: followupKey, until: isoTime }).strict(),
    returns<FollowupDto>(),
  ),
  'followups.reassign': command(
    z.object({ key: followupKey, assigneeId: id.nullable() }).strict(),
    returns<FollowupDto>(),
  ),
  'followups.done': command(
    z.object({ key: followupKey, outcome: z.enum(['kept', 'broken']).optional() }).strict(),
    returns<FollowupDto>(),
  ),
};
