import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../../core/price';

const range = (text: string) => {
  const r = parsePrice(text);
  return [r.amount, r.max ?? null];
};

describe('ranges', () => {
  it.each([
    ['¥12.50-18.00', '12.50', '18.00'],
    ['12.5~18', '12.5', '18'],
    ['12.50 - 18.00', '12.50', '18.00'],
    ['12.50至18.00', '12.50', '18.00'],
    ['12.50～18.00', '12.50', '18.00'],
    ['£6.95 - £9.95', '6.95', '9.95'],
    ['841,00 zł – 995,00 zł', '841.00', '995.00'],
    ['49.90 - 59.90 €', '49.90', '59.90'],
    ['From 26 to 50 €', '26', '50'],
    ['Estimate Price: $45,000 - $70,000', '45000', '70000'],
    ['2.88-25.65', '2.88', '25.65'],
  ])('%j', (text, min, max) => {
    expect(range(text)).toEqual([min, max]);
  });

  it('is not a range when the second number is smaller or only it is money', () => {
    expect(range('$20 - $15')).toEqual(['20', null]);
    expect(range('Was $20 - $15')).toEqual(['15', null]);
    expect(range('Size 42 - €59.90')).toEqual(['59.90', null]);
    expect(range('8.80')).toEqual(['8.80', null]);
  });
});
