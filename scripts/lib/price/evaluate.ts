/**
 * Scoring the parser against published test sets. Used by `npm run eval:price` and by the accuracy-floor unit
 * test so both count the same way; nothing in the extension imports it.
 *
 * - scrapinghub/price-parser cases: amount compared as a number, currency compared as written (our
 *   currencyText), except where the case says upstream asserts only the amount.
 * - JioNLP money cases: amount and upper bound compared as integer minor units of the expected currency
 *   (JioNLP prints two decimals, so 233,333,333,434.344 is .34 there), currency as an ISO code; a string with
 *   no currency word is yuan, as in JioNLP.
 * - 1688/Taobao price fields: amount and upper bound as numbers; no currency is written, so yuan.
 */
import { decimalToMinor } from '../../../core/money';
import { parsePrice } from '../../../core/price/parse';
import type { ParsedPrice } from '../../../core/price/types';

export interface UpstreamCase {
  string: string | null;
  currency_hint?: string | null;
  amount: string | null;
  currency: string | null;
  decimal_separator?: string | null;
  expected_to_fail_upstream?: boolean;
  note?: string;
}

export interface JionlpCase {
  string: string;
  amount: string;
  amount_max: string | null;
  currency_word: string;
}

export interface MarketplaceCase {
  string?: string;
  amount?: string;
  amount_max?: string | null;
  currency?: string;
}

export interface CaseResult {
  input: string | null;
  hint?: string | null;
  expected: { amount: string | null; max?: string | null; currency: string | null };
  got: ParsedPrice;
  ok: boolean;
}

export interface Tally {
  total: number;
  correct: number;
  accuracy: number;
  failures: CaseResult[];
}

export const TARGETS = { upstreamPass: 0.97, chinese: 1 } as const;

// JioNLP's normalised currency words ("case") to ISO 4217.
const JIONLP_CURRENCY: Record<string, string> = {
  元: 'CNY',
  人民币: 'CNY',
  港元: 'HKD',
  美元: 'USD',
  日元: 'JPY',
  欧元: 'EUR',
  英镑: 'GBP',
  韩元: 'KRW',
  澳元: 'AUD',
  加元: 'CAD',
  新台币: 'TWD',
  泰铢: 'THB',
  卢布: 'RUB',
  新加坡元: 'SGD',
  瑞士法郎: 'CHF',
  澳门元: 'MOP',
  卢比: 'INR',
  印度卢比: 'INR',
  越南盾: 'VND',
  印尼盾: 'IDR',
  林吉特: 'MYR',
  新西兰元: 'NZD',
  菲律宾比索: 'PHP',
  瑞典克朗: 'SEK',
  挪威克朗: 'NOK',
  丹麦克朗: 'DKK',
};

function tally(results: CaseResult[]): Tally {
  const correct = results.filter((r) => r.ok).length;
  return {
    total: results.length,
    correct,
    accuracy: results.length === 0 ? 1 : correct / results.length,
    failures: results.filter((r) => !r.ok),
  };
}

const sameNumber = (a: string | null | undefined, b: string | null | undefined): boolean =>
  a === null || a === undefined
    ? b === null || b === undefined
    : b !== null && b !== undefined && Number(a) === Number(b);

export function evalUpstream(cases: UpstreamCase[]): { pass: Tally; knownFailures: Tally } {
  const pass: CaseResult[] = [];
  const known: CaseResult[] = [];
  for (const c of cases) {
    const ds = c.decimal_separator === '.' || c.decimal_separator === ',' ? c.decimal_separator : null;
    const got = parsePrice(c.string, { currencyHint: c.currency_hint ?? null, decimalSeparator: ds });
    const amountOnly = (c.note ?? '').includes('only amount is asserted');
    const ok = sameNumber(c.amount, got.amount) && (amountOnly || got.currencyText === c.currency);
    const r: CaseResult = {
      input: c.string,
      hint: c.currency_hint ?? null,
      expected: { amount: c.amount, currency: c.currency },
      got,
      ok,
    };
    (c.expected_to_fail_upstream ? known : pass).push(r);
  }
  return { pass: tally(pass), knownFailures: tally(known) };
}

export function evalJionlp(cases: JionlpCase[]): Tally {
  return tally(
    cases.map((c) => {
      const got = parsePrice(c.string);
      const iso = JIONLP_CURRENCY[c.currency_word] ?? null;
      const currency = got.currency ?? 'CNY';
      const minor = (a: string | null | undefined) => (a && iso ? decimalToMinor(a, iso) : null);
      const expectedMax = c.amount_max === c.amount ? null : c.amount_max;
      const ok =
        iso !== null &&
        currency === iso &&
        minor(got.amount) !== null &&
        minor(got.amount) === minor(c.amount) &&
        minor(got.max) === minor(expectedMax);
      return { input: c.string, expected: { amount: c.amount, max: expectedMax, currency: iso }, got, ok };
    }),
  );
}

export function evalMarketplace(cases: MarketplaceCase[]): Tally {
  return tally(
    cases
      .filter((c): c is MarketplaceCase & { string: string; amount: string } => typeof c.string === 'string')
      .map((c) => {
        const got = parsePrice(c.string, { hostname: 'detail.1688.com', locale: 'zh-CN' });
        const expectedMax = c.amount_max === c.amount ? null : (c.amount_max ?? null);
        const currency = got.currency ?? 'CNY';
        const ok =
          sameNumber(c.amount, got.amount) &&
          sameNumber(expectedMax, got.max) &&
          currency === (c.currency ?? 'CNY');
        return {
          input: c.string,
          expected: { amount: c.amount, max: expectedMax, currency: c.currency ?? 'CNY' },
          got,
          ok,
        };
      }),
  );
}
