import { describe, expect, it } from 'vitest';
import { fallbackCurrency } from '../../../core/detect/pricing';

describe('fallbackCurrency', () => {
  it("is the currency of the domain's country (core/price/region.ts), else XXX", () => {
    expect(fallbackCurrency('shop.de')).toBe('EUR');
    expect(fallbackCurrency('www.argos.co.uk')).toBe('GBP');
    expect(fallbackCurrency('SHOP.CO.JP.')).toBe('JPY');
    expect(fallbackCurrency('shop.ch')).toBe('CHF');
    expect(fallbackCurrency('shop.com')).toBe('XXX');
    expect(fallbackCurrency('shop.eu')).toBe('XXX');
    expect(fallbackCurrency('shop.zz')).toBe('XXX');
    expect(fallbackCurrency('')).toBe('XXX');
  });
});
