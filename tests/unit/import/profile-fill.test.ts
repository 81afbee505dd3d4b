import { describe, expect, it } from 'vitest';
import {
  editedColumns,
  profileComplete,
  profileFill,
  type Profile,
} from '../../../electron/backend/customers/profile-fill';
import { newDraft, type DraftDeal } from '../../../shared/domain/import';
import { offeredProfile } from '../../../electron/backend/importer/offered-profile';

const EMPTY: Profile = {
  name_kana: null,
  email: null,
  phone: null,
  postal_code: null,
  prefecture: null,
  address: null,
};

const OFFER = {
  kana: 'ﾔﾏﾀﾞ ﾊﾅｺ',
  email: 'Hanako@Example.JP',
  phone: '090-1234-5678',
  postalCode: '〒154-0015',
  prefecture: '東京都',
  address: '世田谷区桜新町1-2-3',
};

describe('profileFill: what an order adds to a customer profile', () => {
  it('fills every empty field, normalised as new customers are stored', () => {
    expect(profileFill(EMPTY, OFFER)).toEqual({
      name_kana: 'ヤマダ ハナコ',
      email: 'hanako@example.jp',
      phone: '09012345678',
      postal_code: '1540015',
      prefecture: '東京都',
      address: '世田谷区桜新町1-2-3',
    });
  });

  it('treats an empty string as empty, and never replaces a value', () => {
    const current = { ...EMPTY, name_kana: '', email: 'kept@example.jp', phone: '0312345678' };
    const set = profileFill(current, OFFER);
    expect(set.name_kana).toBe('ヤマダ ハナコ');
    expect(set).not.toHaveProperty('email');
    expect(set).not.toHaveProperty('phone');
  });

  it('takes prefecture and address only with no postal code yet, or the same one', () => {
    const elsewhere = { ...EMPTY, postal_code: '1000001' };
    expect(profileFill(elsewhere, OFFER)).toEqual({
      name_kana: 'ヤマダ ハナコ',
      email: 'hanako@example.jp',
      phone: '09012345678',
    });
    const same = { ...EMPTY, postal_code: '1540015', prefecture: '東京都' };
    expect(profileFill(same, OFFER)).toMatchObject({ address: '世田谷区桜新町1-2-3' });
    expect(profileFill(same, OFFER)).not.toHaveProperty('prefecture');
    // Without a valid postal code, no address part at all.
    expect(profileFill(EMPTY, { ...OFFER, postalCode: '15-0015' })).not.toHaveProperty('address');
  });

  it('offers nothing for values that are no e-mail, blank or absent', () => {
    expect(profileFill(EMPTY, { email: 'not an address', kana: '   ', phone: null })).toEqual({});
    expect(profileFill(EMPTY, {})).toEqual({});
  });

  it('leaves out every field a member set or cleared, and fills the rest', () => {
    const edited = editedColumns('["email","address","notes",42]');
    expect([...edited].sort()).toEqual(['address', 'email']);
    expect(profileFill(EMPTY, OFFER, edited)).toEqual({
      name_kana: 'ヤマダ ハナコ',
      phone: '09012345678',
      postal_code: '1540015',
      prefecture: '東京都',
    });
  });

  it('reads a damaged edited_fields as no edits rather than failing the import', () => {
    for (const json of ['', 'null', '{"email":true}', '[', '"email"']) {
      expect(editedColumns(json).size).toBe(0);
    }
  });

  it('knows when a profile has nothing left to fill', () => {
    const full = { ...EMPTY, ...profileFill(EMPTY, OFFER) };
    expect(profileComplete(full)).toBe(true);
    expect(profileComplete({ ...full, address: '' })).toBe(false);
  });
});

describe('offeredProfile: which of an order’s details are the buyer’s', () => {
  const order = (shipName: string | null): DraftDeal => {
    const d = newDraft('rakuten', 'R-1', 'orders.csv');
    d.buyer = { name: '山田 花子', email: 'hanako@example.jp' };
    d.shipTo = {
      name: shipName,
      kana: 'サトウ ミサキ',
      postalCode: '5300001',
      prefecture: '大阪府',
      address1: '大阪市北区梅田1-1',
      address2: 'ビル3F',
      phone: '0611112222',
    };
    return d;
  };

  it('takes the ship-to details of a parcel sent to the buyer', () => {
    expect(offeredProfile(order('山田 花子'))).toMatchObject({
      postalCode: '5300001',
      address: '大阪市北区梅田1-1 ビル3F',
      phone: '0611112222',
    });
    // No ship-to name: the ship-to is the buyer's own.
    expect(offeredProfile(order(null)).postalCode).toBe('5300001');
  });

  it('ignores a gift recipient’s reading, phone and address', () => {
    expect(offeredProfile(order('佐藤 美咲'))).toEqual({
      kana: null,
      email: 'hanako@example.jp',
      phone: null,
    });
  });
});
