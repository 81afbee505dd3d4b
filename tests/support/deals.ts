import type { Backend } from '../../electron/backend';
import type { InputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';

/** Unwraps a Result in a test, failing loudly with the backend's own error. */
export async function value<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

let counter = 0;
/** A valid manual deal; tests override only what they are about. */
export function dealInput(overrides: Partial<InputOf<'deals.create'>> = {}): InputOf<'deals.create'> {
  counter++;
  return {
    marketplace: 'yahoo_auction',
    externalId: `x${100000000 + counter}`,
    orderedAt: '2026-11-18T03:00:00.000Z',
    items: [{ name: '手編みのマフラー（青）', quantity: 1, unitPrice: 3200 }],
    shippingFee: 230,
    fee: 320,
    shipTo: {
      name: '山田 花子',
      kana: 'ヤマダ ハナコ',
      postalCode: '154-0015',
      prefecture: '東京都',
      address1: '世田谷区桜新町1-2-3',
      address2: 'コーポ桜201',
      phone: '090-1234-5678',
    },
    deliveryMethod: 'ゆうパケット',
    ...overrides,
  };
}

export async function createDeal(backend: Backend, overrides: Partial<InputOf<'deals.create'>> = {}) {
  return value(backend.call('deals.create', dealInput(overrides)));
}
