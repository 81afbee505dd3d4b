import type { ParsedInputOf, ReplyProfileDto } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/store';

/**
 * The shop name is the app's own (設定 → 表示 edits the same value, the header shows it); the
 * signature is kept beside it. One household, one shop, one signature.
 */
const SHOP_NAME_KEY = 'app.shopName';
const SIGNATURE_KEY = 'replies.signature';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function profile(ctx: ServiceContext): ReplyProfileDto {
  return {
    shopName: text(readSetting<unknown>(ctx.db, SHOP_NAME_KEY, '')),
    signature: text(readSetting<unknown>(ctx.db, SIGNATURE_KEY, '')),
  };
}

export function saveProfile(
  ctx: ServiceContext,
  input: ParsedInputOf<'templates.saveProfile'>,
): ReplyProfileDto {
  writeSetting(ctx.db, SHOP_NAME_KEY, input.shopName);
  writeSetting(ctx.db, SIGNATURE_KEY, input.signature);
  ctx.log({ action: 'settings.updated', detail: { shopName: input.shopName } });
  ctx.changed('templates', 'settings');
  return profile(ctx);
}
