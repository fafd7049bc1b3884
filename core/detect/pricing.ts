import { decimalToMinor, type Money } from '../money';
import { currencyFromText, type PriceContext, parsePrice } from '../price';
import { currencyOfHost } from '../price/region';
import type { RawPrice } from './fields';
import { propertyString } from './fields';

/** A price read to a decimal amount; the currency may still be unknown. */
export interface Amount {
  amount: string;
  currency: string | null;
  max: string | null;
}

const CLEAN = /^\d{1,15}(?:\.\d{1,10})?$/;

/** ISO code for a currency as a page writes it ("usd", "€", "руб.", "R$"), or null. */
export function isoCurrency(raw: unknown, ctx: PriceContext): string | null {
  const s = propertyString(raw)?.trim();
  if (!s || s.length > 24) return null;
  // "RUR" (withdrawn 1998) is still what many Russian shops write for the rouble.
  if (/^[A-Za-z]{3}$/.test(s)) return s.toUpperCase() === 'RUR' ? 'RUB' : s.toUpperCase();
  try {
    return currencyFromText(s, ctx);
  } catch {
    return null;
  }
}

function amountOf(
  text: string,
  ctx: PriceContext,
): { amount: string | null; currency: string | null; max: string | null } {
  const t = text.trim();
  if (CLEAN.test(t)) return { amount: t, currency: null, max: null };
  if (!t || t.length > 120) return { amount: null, currency: null, max: null };
  try {
    const p = parsePrice(t, ctx);
    return { amount: p.amount, currency: p.currency, max: p.max ?? null };
  } catch {
    return { amount: null, currency: null, max: null };
  }
}

const positive = (a: string | null): a is string => {
  const v = a === null ? Number.NaN : Number(a);
  return Number.isFinite(v) && v > 0 && v < 1e13;
};

/** A layer's raw price to an amount; null unless it is a finite amount above zero. */
export function readPrice(p: RawPrice | null | undefined, ctx: PriceContext): Amount | null {
  if (!p || typeof p.amount !== 'string') return null;
  let currency = isoCurrency(p.currency, ctx);
  const a = amountOf(p.amount, currency ? { ...ctx, currencyHint: currency } : ctx);
  if (!positive(a.amount)) return null;
  currency ??= a.currency;
  let max = a.max;
  if (p.max) max = amountOf(p.max, ctx).amount;
  if (!positive(max) || Number(max) <= Number(a.amount)) max = null;
  return { amount: a.amount, currency, max };
}

/** Decimal amount to Money; null when it does not fit (negative, huge, not a decimal). */
export function toMoney(amount: string | null, currency: string): Money | null {
  if (!amount) return null;
  let a = amount;
  if (/e/i.test(a)) {
    const v = Number(a);
    if (!Number.isFinite(v) || v < 0 || v > 1e15) return null;
    a = v.toFixed(6);
  }
  const minor = decimalToMinor(a, currency);
  return minor === null || minor < 0 ? null : { minor, currency };
}

/**
 * Currency of a price that names none anywhere on the page: the country of the domain ("shop.de" → EUR),
 * else "XXX" (ISO 4217 "no currency").
 */
export function fallbackCurrency(hostname: string): string {
  return currencyOfHost(hostname) ?? 'XXX';
}
