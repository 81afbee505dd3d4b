import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../electron/backend/members/pin';

describe('PIN hashing', () => {
  const stored = hashPin('1234');
  it('verifies the right PIN only', () => {
    expect(verifyPin('1234', stored)).toBe(true);
    for (const wrong of ['1235', '12345', '', '１２３４', ' 1234'])
      expect(verifyPin(wrong, stored)).toBe(false);
  });
  it('salts every hash', () => {
    expect(hashPin('1234')).not.toBe(stored);
  });
  it.each(['', 'plain', 'scrypt$', 'scrypt$16384$$', 'bcrypt$1$a$b'])(
    'treats a malformed stored value %j as no match',
    (bad) => {
      expect(verifyPin('1234', bad)).toBe(false);
    },
  );
});
