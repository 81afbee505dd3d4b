import type { CaseSettingsDto, ParsedInputOf } from '../../../shared/contract';
import { DEFAULT_FIRST_RESPONSE_HOURS } from '../../../shared/domain/cases';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';
import { readSetting, writeSetting } from '../settings/store';

const FIRST_RESPONSE_KEY = 'cases.firstResponseHours';

export function firstResponseHours(db: Db): number {
  const hours = readSetting<number>(db, FIRST_RESPONSE_KEY, DEFAULT_FIRST_RESPONSE_HOURS);
  return Number.isInteger(hours) && hours > 0 ? hours : DEFAULT_FIRST_RESPONSE_HOURS;
}

export function getSettings(ctx: ServiceContext): CaseSettingsDto {
  return { firstResponseHours: firstResponseHours(ctx.db) };
}

/** Applies to cases logged from now on; a running timer keeps the deadline it was given. */
export function updateSettings(
  ctx: ServiceContext,
  input: ParsedInputOf<'cases.updateSettings'>,
): CaseSettingsDto {
  writeSetting(ctx.db, FIRST_RESPONSE_KEY, input.firstResponseHours);
  ctx.log({ action: 'cases.settings_updated', detail: { firstResponseHours: input.firstResponseHours } });
  ctx.changed('cases');
  return getSettings(ctx);
}
