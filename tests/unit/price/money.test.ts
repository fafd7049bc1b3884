import { describe, expect, it } from 'vitest';
import { parsePriceToMoney } from '../../../core/price';

describe('parsePriceToMoney', () => {
  it('gives integer minor units', () => {
    expect(parsePriceToMoney('¥12.50-18.00')).toEqual({
      price: { minor: 1250, currency: 'CNY' },
      max: { minor: 1800, currency: 'CNY' },
    });
    expect(parsePriceToMoney('¥1,234', { hostname: 'www.amazon.co.jp' })).toEqual({
      price: { minor: 1234, currency: 'JPY' },
      max: null,
    });
    expect(parsePriceToMoney('1.250 KWD')).toEqual({ price: { minor: 1250, currency: 'KWD' }, max: null });
  });

  it('uses the fallback currency only when none is written', () => {
    expect(parsePriceToMoney('12.50', {}, 'cny')).toEqual({
      price: { minor: 1250, currency: 'CNY' },
      max: null,
    });
    expect(parsePriceToMoney('€12.50', {}, 'CNY')?.price.currency).toBe('EUR');
    expect(parsePriceToMoney('12.50')).toBeNull();
    expect(parsePriceToMoney('12.50', {}, 'not a code')).toBeNull();
  });

  it('is null without an amount', () => {
    expect(parsePriceToMoney('Sold out', {}, 'USD')).toBeNull();
    expect(parsePriceToMoney('-5 €')).toBeNull();
  });
});
