import type { ParsedInputOf, ReplyProfileDto } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/store';

/** Kept in the settings table under one namespaced key: one shop, one signature per household. */
const KEY = 'replies.profile';
const empty: ReplyProfileDto = { shopName: '', signature: '' };

export function profile(ctx: ServiceContext): ReplyProfileDto {
  const stored = readSetting<Partial<ReplyProfileDto> | null>(ctx.db, KEY, null);
  return {
    shopName: typeof stored?.shopName === 'string' ? stored.shopName : empty.shopName,
    signature: typeof stored?.signature === 'string' ? stored.signature : empty.signature,
  };
}

export function saveProfile(
  ctx: ServiceContext,
  input: ParsedInputOf<'templates.saveProfile'>,
): ReplyProfileDto {
  writeSetting(ctx.db, KEY, { shopName: input.shopName, signature: input.signature });
  ctx.log({ action: 'replies.profileSaved', subjectType: 'settings' });
  ctx.changed('templates');
  return profile(ctx);
}
