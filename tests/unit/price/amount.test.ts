import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../../core/price';

const amount = (text: string, ds?: '.' | ',') => parsePrice(text, { decimalSeparator: ds ?? null }).amount;

describe('amount formats', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['1 234,56', '1234.56'],
    ['1\u00a0234,56', '1234.56'],
    ['1\u202f234,56', '1234.56'],
    ['1\u2009234.56', '1234.56'],
    ["1'234.50", '1234.50'],
    ['1\u2019234.50', '1234.50'],
    ['12,-', '12'],
    ['12.–', '12'],
    ['2 990,-', '2990'],
    ['120 000 000', '120000000'],
    ['1.144.000', '1144000'],
    ['1,00,000', '100000'],
    ['12,34,567.89', '1234567.89'],
    ['12,5', '12.5'],
    ['12,99', '12.99'],
    ['29.1583', '29.1583'],
    ['.75', '0.75'],
    ['0.500', '0.500'],
    ['1.837, 32', '1837.32'],
    ['119. 95', '119.95'],
    ['105.', '105'],
    ['１２３４．５６', '1234.56'],
    ['٣٤٥', '345'],
  ])('%j → %s', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });

  it('reads one mark before exactly three digits as thousands', () => {
    expect(amount('129.900')).toBe('129900');
    expect(amount('$699,000')).toBe('699000');
    expect(amount('94,456 Р')).toBe('94456');
  });

  it('lets the caller state the decimal separator', () => {
    expect(amount('140.000', '.')).toBe('140.000');
    expect(amount('140.000', ',')).toBe('140000');
    expect(amount('$..75,333', '.')).toBe('0.75333');
    expect(amount('$..75,333', ',')).toBe('75.333');
  });

  it('reads three decimals for three-decimal currencies', () => {
    expect(amount('1.250 KWD')).toBe('1.250');
    expect(amount('1.250 EUR')).toBe('1250');
  });

  it('reads the euro sign as decimal mark in French prices', () => {
    expect(amount('35€99')).toBe('35.99');
    expect(amount('35 € 99')).toBe('35.99');
    expect(amount('1.235€99')).toBe('1235.99');
    expect(amount('99 € 79 €')).toBe('99');
  });

  it('prefers the number next to the currency, else the first', () => {
    expect(amount('Code 884')).toBe('884');
    expect(amount('AED 8000 (USD 2179)')).toBe('8000');
    expect(amount('Was: $124.95 Now: $0.00')).toBe('124.95');
    expect(amount('50 - $2.00 100 - $2.75')).toBe('2.00');
    expect(amount('EUR29.66 (inc VAT 20%)')).toBe('29.66');
  });

  it('gives a currency between two numbers to the one its writing convention points at', () => {
    expect(amount('Pack of 2 $5.99')).toBe('5.99');
    expect(amount('205,68 € 205.68')).toBe('205.68');
    expect(amount('Rs.99')).toBe('99');
    expect(amount('5Kč')).toBe('5');
  });

  it('multiplies by glued k', () => {
    expect(amount('$15K')).toBe('15000');
    expect(amount('1.5k')).toBe('1500');
    expect(amount('15kg')).toBeNull();
  });

  it('skips percentages, measurements and dates', () => {
    expect(amount('40% OFF')).toBeNull();
    expect(amount('16.00 ft')).toBeNull();
    expect(amount('15.08.2017')).toBeNull();
    expect(amount('2017-08-15')).toBeNull();
    expect(amount('25-09')).toBeNull();
    expect(amount('1 Ft')).toBe('1');
  });

  it('takes the price marked as current, or skips one marked as old', () => {
    expect(amount('Buy Now - 2 Litre Was $120.00 Now $60.00')).toBe('60.00');
    expect(amount('原价¥199 券后¥99')).toBe('99');
    expect(amount('RRP £49.99 £42.90')).toBe('42.90');
    expect(amount('Was: $124.95 Now: $0.00')).toBe('124.95');
    expect(amount('¥199 ¥99')).toBe('199');
  });

  it('skips dates written with month names and quantities', () => {
    expect(amount('July, 2004')).toBeNull();
    expect(amount('July 15, 2004')).toBeNull();
    expect(amount('15 July 2004')).toBeNull();
    expect(amount('Fees of $5 may apply')).toBe('5');
    expect(amount('Цена: уточняйте (мин. заказ: 1 )')).toBeNull();
    expect(amount('Qty: 2 $5.00')).toBe('5.00');
  });

  it('reads free as zero only when no number is written', () => {
    expect(amount('Free!')).toBe('0');
    expect(amount('免费')).toBe('0');
    expect(amount('Free shipping, $5')).toBe('5');
    expect(amount('No longer available')).toBeNull();
  });
});
