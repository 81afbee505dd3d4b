import type { ParsedInputOf } from '../../../shared/contract';
import type { ShopProfileDto } from '../../../shared/contract/shipping';
import type { ServiceContext } from '../context';
import type { Db } from '../db/executor';
import { TorihikiError } from '../../../shared/result';
import { readSetting, writeSetting } from '../settings/store';
import { YUPRI_STANDARD_HEADER } from './formats';

const KEY = 'shop.profile';

export const emptyShopProfile: ShopProfileDto = {
  name: '',
  postalCode: '',
  address1: '',
  address2: '',
  phone: '',
  yamatoCustomerCode: '',
  yamatoFreightNo: '',
  yupriColumns: [],
};

export function readShopProfile(db: Db): ShopProfileDto {
  const stored = readSetting<Partial<ShopProfileDto>>(db, KEY, {});
  return { ...emptyShopProfile, ...(stored && typeof stored === 'object' ? stored : {}) };
}

export function getShopProfile(ctx: ServiceContext): ShopProfileDto {
  return readShopProfile(ctx.db);
}

export function updateShopProfile(ctx: ServiceContext, input: ParsedInputOf<'shop.update'>): ShopProfileDto {
  const known = new Set<string>(YUPRI_STANDARD_HEADER);
  const unknown = (input.yupriColumns ?? []).filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new TorihikiError('invalid_input', `Not a ゆうプリR column: ${unknown.slice(0, 5).join(', ')}`, [
      { path: 'yupriColumns', message: 'Unknown column' },
    ]);
  }
  const next = { ...readShopProfile(ctx.db), ...input };
  writeSetting(ctx.db, KEY, next);
  ctx.log({ action: 'shop.updated', detail: { fields: Object.keys(input) } });
  ctx.changed('settings');
  return next;
}
