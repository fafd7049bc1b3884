import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMinor } from '../../../core/money';
import { parsePrice } from '../../../core/price';
import { parsePriceUnchecked } from '../../../core/price/parse';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from '../../support/arbitraries';

const AMOUNT = /^\d+(\.\d+)?$/;

// Characters the parser treats specially, so random strings reach its deeper paths.
const PRICEISH = [
  ..."0123456789.,'- ~–—%$€£¥￥元块万亿千百十几多两一二三四五六七八九零角分kKwWeE",
  '\u00a0',
  '\u202f',
  'US$',
  'R$',
  'руб.',
  'kr',
  'CHF',
  'RMB',
  '至',
  '到',
  'to',
  '(含)',
  'Free',
];
const priceish = fc.array(fc.constantFrom(...PRICEISH), { maxLength: 40 }).map((a) => a.join(''));

const ctxArb = fc.record(
  {
    currencyHint: fc.option(fc.oneof(fc.string(), priceish), { nil: null }),
    decimalSeparator: fc.constantFrom('.', ',', null),
    locale: fc.option(fc.constantFrom('ja-JP', 'de', 'en-CA', 'sv', 'zh-TW', 'x-'), { nil: null }),
    hostname: fc.option(fc.constantFrom('www.amazon.co.jp', 'shop.ca', 'a.b.c.', ''), { nil: null }),
  },
  { requiredKeys: [] },
);

function wellFormed(text: string, ctx: Parameters<typeof parsePrice>[1]) {
  // The unchecked entry point has no try/catch, so a thrown error fails the property.
  const r = parsePriceUnchecked(text, ctx);
  for (const a of [r.amount, r.max ?? null]) {
    if (a === null) continue;
    expect(a).toMatch(AMOUNT);
    expect(decimalToMinor(a, r.currency ?? 'USD')).not.toBeNull();
  }
  if (r.max != null && r.amount !== null) expect(Number(r.max)).toBeGreaterThanOrEqual(Number(r.amount));
  if (r.currency !== null) expect(r.currency).toMatch(/^[A-Z]{3}$/);
}

describe('parsePrice properties', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('never throws and returns well-formed amounts on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), ctxArb, (text, ctx) =>
        wellFormed(text, ctx),
      ),
      FUZZ_RUNS,
    );
  });

  it('never throws and returns well-formed amounts on price-like strings', () => {
    fc.assert(
      fc.property(priceish, ctxArb, (text, ctx) => wellFormed(text, ctx)),
      FUZZ_RUNS,
    );
  });

  it('never throws on values that are not strings', () => {
    for (const v of [null, undefined, 12, {}, [], Number.NaN]) {
      expect(parsePrice(v as unknown as string)).toEqual({
        amount: null,
        currency: null,
        currencyText: null,
        max: null,
      });
    }
  });

  it('gives a null amount for hostile numbers', () => {
    for (const s of [
      'NaN',
      '-5',
      '-12.50 €',
      '€ -5,00',
      '−3',
      '1e308',
      '$1E+308',
      '1.5e3',
      '0x1F',
      'Infinity',
    ]) {
      expect(parsePrice(s).amount, s).toBeNull();
    }
    expect(parsePrice('9'.repeat(17)).amount).toBeNull();
    expect(parsePrice(`1.${'1'.repeat(25)}`).amount).toBeNull();
    expect(parsePrice(`${'9'.repeat(16)} $`).amount).toBeNull();
  });

  it('looks only at the first 200 characters', () => {
    expect(parsePrice(`${'x'.repeat(100_000)} $5`).amount).toBeNull();
    expect(parsePrice(`$5 ${'x'.repeat(100_000)}`).amount).toBe('5');
  });

  it('reads back amounts formatted with grouping in en, de, fr, de-CH and en-IN', () => {
    const locales = ['en', 'de', 'fr', 'de-CH', 'en-IN'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.constantFrom(...locales),
        fc.boolean(),
        (cents, locale, withCents) => {
          const value = withCents ? cents / 100 : Math.floor(cents / 100);
          const digits = withCents ? 2 : 0;
          const text = new Intl.NumberFormat(locale, {
            useGrouping: true,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(value);
          const r = parsePrice(text);
          expect(r.amount, `${locale} ${text}`).not.toBeNull();
          expect(Number(r.amount), `${locale} ${text}`).toBe(Number(value.toFixed(digits)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back currency-formatted prices with their currency', () => {
    const cases: [string, string][] = [
      ['en-US', 'USD'],
      ['de-DE', 'EUR'],
      ['fr-FR', 'EUR'],
      ['ja-JP', 'JPY'],
      ['zh-CN', 'CNY'],
      ['pl-PL', 'PLN'],
      ['pt-BR', 'BRL'],
      ['en-GB', 'GBP'],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_99 }),
        fc.constantFrom(...cases),
        (cents, [locale, currency]) => {
          const text = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
          const r = parsePrice(text, { locale });
          expect(r.currency, `${locale} ${text}`).toBe(currency);
          const expected = currency === 'JPY' ? Math.round(cents / 100) : cents / 100;
          expect(Number(r.amount), `${locale} ${text}`).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
