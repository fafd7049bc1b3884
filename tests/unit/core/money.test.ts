import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, decimalToMinor, formatMoney, minorToDecimal } from '../../../core/money';

describe('money', () => {
  it('knows minor-unit exponents', () => {
    expect(currencyExponent('CNY')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('XYZ_NOT_A_CODE')).toBe(2);
  });

  it.each([
    ['12.34', 'CNY', 1234],
    ['12.5', 'CNY', 1250],
    ['12.345', 'CNY', 1235],
    ['12.344', 'CNY', 1234],
    ['1234', 'JPY', 1234],
    ['1234.5', 'JPY', 1235],
    ['0.999', 'USD', 100],
    ['1.2345', 'KWD', 1235],
  ])('%s %s → %d minor units', (amount, currency, minor) => {
    expect(decimalToMinor(amount, currency)).toBe(minor);
  });

  it.each(['-1', '1e5', 'NaN', '', '1.2.3', '99999999999999999'])('refuses %j', (amount) => {
    expect(decimalToMinor(amount, 'USD')).toBeNull();
  });

  it('round-trips minor units through decimal strings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 50 }),
        fc.constantFrom('CNY', 'JPY', 'KWD', 'EUR'),
        (minor, currency) => {
          expect(decimalToMinor(minorToDecimal(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });

  it('formats for people', () => {
    expect(formatMoney({ minor: 3990, currency: 'CNY' }, 'en')).toBe('CN¥39.90');
    expect(formatMoney({ minor: 1234, currency: 'JPY' }, 'en')).toBe('¥1,234');
  });
});
