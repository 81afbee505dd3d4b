import { z } from 'zod';
import { command, query, returns } from './define';
import { id, noInput } from './fields';

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

export interface SystemInfoDto {
  appVersion: string;
  schemaVersion: number;
  dbPath: string;
  /** Row count per table, for the About box, `torihiki info` and support questions. */
  counts: Record<string, number>;
}

export interface SettingsDto {
  language: Language;
  shopName: string;
}

export interface ActivityDto {
  id: number;
  at: string;
  memberId: number | null;
  memberName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: number | null;
  /** Action-specific facts (names, before/after values); the UI words them per language. */
  detail: Record<string, unknown>;
}

export interface DemoSeedResultDto {
  deals: number;
  customers: number;
  members: number;
}

export const systemMethods = {
  'system.info': query(noInput, returns<SystemInfoDto>()),
  'settings.get': query(noInput, returns<SettingsDto>()),
  'settings.update': command(
    z
      .object({
        language: z.enum(languages).optional(),
        shopName: z.string().trim().max(60).optional(),
      })
      .strict(),
    returns<SettingsDto>(),
  ),
  'activity.list': query(
    z
      .object({
        limit: z.number().int().min(1).max(500).optional(),
        beforeId: id.optional(),
        memberId: id.optional(),
        /** One thing's timeline, e.g. a deal's: who did what to it, when. */
        subject: z
          .object({ type: z.enum(['member', 'deal', 'customer', 'case']), id })
          .strict()
          .optional(),
      })
      .strict(),
    returns<ActivityDto[]>(),
  ),
  /** Fills an empty ledger with realistic demo deals so a new user can look around. */
  'demo.seed': command(
    z.object({ deals: z.number().int().min(1).max(20_000) }).strict(),
    returns<DemoSeedResultDto>(),
  ),
};
