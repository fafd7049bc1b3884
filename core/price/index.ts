/**
 * Price parser: amounts, ranges and currencies as shops write them, in any common format and in Chinese.
 * Pure TypeScript (no DOM, no browser APIs) so it runs in content scripts, the background and Node tools.
 */
import { decimalToMinor, type Money } from '../money';
import { parsePrice } from './parse';
import type { PriceContext } from './types';

export { currencyFromText } from './currency';
export { parsePrice } from './parse';
export type { ParsedPrice, PriceContext } from './types';

function isoCode(code: string | null | undefined): string | null {
  return typeof code === 'string' && /^[A-Za-z]{3}$/.test(code.trim()) ? code.trim().toUpperCase() : null;
}

/** Convenience: to Money (integer minor units) or null when amount or currency is unknown. */
export function parsePriceToMoney(
  text: string,
  ctx?: PriceContext,
  fallbackCurrency?: string | null,
): { price: Money; max: Money | null } | null {
  const p = parsePrice(text, ctx);
  if (p.amount === null) return null;
  const currency = p.currency ?? isoCode(fallbackCurrency);
  if (!currency) return null;
  const minor = decimalToMinor(p.amount, currency);
  if (minor === null) return null;
  const maxMinor = p.max ? decimalToMinor(p.max, currency) : null;
  return {
    price: { minor, currency },
    max: maxMinor === null || maxMinor < minor ? null : { minor: maxMinor, currency },
  };
}
