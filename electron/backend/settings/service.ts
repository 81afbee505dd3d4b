import type { ParsedInputOf, SettingsDto } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from './store';

const defaults: SettingsDto = { language: 'ja', shopName: '' };

export function getSettings(ctx: ServiceContext): SettingsDto {
  return {
    language: readSetting(ctx.db, 'app.language', defaults.language),
    shopName: readSetting(ctx.db, 'app.shopName', defaults.shopName),
  };
}

export function updateSettings(ctx: ServiceContext, input: ParsedInputOf<'settings.update'>): SettingsDto {
  if (input.language !== undefined) writeSetting(ctx.db, 'app.language', input.language);
  if (input.shopName !== undefined) writeSetting(ctx.db, 'app.shopName', input.shopName);
  ctx.log({ action: 'settings.updated', detail: { ...input } });
  ctx.changed('settings');
  return getSettings(ctx);
}
