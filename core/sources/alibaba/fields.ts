/**
 * Readers for the text fields of an Alibaba.com offer: "US$1.20-2.50", "Min. order: 100 pieces", "1,234 sold",
 * "7 yrs". Each gives null for anything it does not recognise and never throws.
 */
import { decimalToMinor } from '../../money';
import { parsePrice } from '../../price/index';
import { plainText } from '../../text/plain-text';
import { countFromText, int } from '../util';

/**
 * The currency of a price that names none: ISO 4217 "XXX" ("no currency"), the code the rest of SourceLens
 * already treats as unknown (the exchange rates have no rate for it, so no margin or conversion is invented, and
 * the price shows with the generic sign ¤). Alibaba.com shows prices in the visitor's own currency (₫, PAB,
 * INR… seen in public clients), so a bare "1.20" is not known to be dollars.
 */
export const UNKNOWN_CURRENCY = 'XXX';

export interface OfferPrice {
  currency: string;
  minMinor: number;
  maxMinor: number;
}

function numberText(value: number): string {
  return value.toFixed(6).replace(/\.?0+$/, '');
}

/**
 * A price or price range in integer minor units of the currency it is written in. A symbol or code in the text
 * decides the currency; without one, `currency` (what the request asked for, when it asked) or unknown.
 */
export function parseOfferPrice(value: unknown, currency: string = UNKNOWN_CURRENCY): OfferPrice | null {
  try {
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || value < 0) return null;
      const minor = decimalToMinor(numberText(value), currency);
      return minor === null ? null : { currency, minMinor: minor, maxMinor: minor };
    }
    const text = plainText(value, 80);
    if (!text || !/\d/.test(text)) return null;
    const p = parsePrice(text, { hostname: 'www.alibaba.com' });
    if (p.amount === null) return null;
    const code = p.currency ?? currency;
    const min = decimalToMinor(p.amount, code);
    if (min === null || !Number.isSafeInteger(min)) return null;
    const max = p.max ? decimalToMinor(p.max, code) : null;
    return { currency: code, minMinor: min, maxMinor: max !== null && max >= min ? max : min };
  } catch {
    return null;
  }
}

/**
 * The currency a price pattern or label names: "US${0}", "€{0}", "US $", "₹" (the product page's
 * `currencyRule.currencyPattern`, `productPriceCurrencySimpleName`); null when it names none.
 */
export function currencyOfLabel(value: unknown): string | null {
  const text = plainText(value, 40).replace('{0}', '1');
  if (!text) return null;
  try {
    return parsePrice(/\d/.test(text) ? text : `${text}1`, { hostname: 'www.alibaba.com' }).currency;
  } catch {
    return null;
  }
}

export interface Moq {
  moq: number;
  unit: string | null;
}

/** "Min. order: 100 pieces", "100 pieces", "MOQ: 2 Sets", "1-99 piece", 100 → the quantity and its unit word. */
export function parseMoq(value: unknown): Moq | null {
  if (typeof value === 'number') {
    const n = int(value);
    return n !== null && n >= 1 ? { moq: n, unit: null } : null;
  }
  const text = plainText(value, 80)
    // The older `minOrderDesc` names the field after the figure: "10 sets (Min. Order)".
    .replace(/\(\s*(?:min(?:imum)?\.?\s*order(?:\s*quantity)?|moq)\s*\)\s*$/i, '')
    .replace(/^.*?\b(?:min(?:imum)?\.?\s*order(?:\s*quantity)?|moq)\s*[:：]?\s*/i, '')
    .trim();
  const m = /^(?:[≥>]=?\s*)?(\d[\d,]{0,14})(?:\.0+)?\s*(?:[-~]\s*\d[\d,]*\s*)?(.*)$/.exec(text);
  // "2.5 tons" is not a whole count.
  if (!m || /^[.,]\d/.test(m[2] ?? '')) return null;
  const moq = int(m[1]);
  if (moq === null || moq < 1) return null;
  const rest = (m[2] ?? '').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const unit = /^\p{L}[\p{L} ./-]{0,19}$/u.test(rest) ? rest.replace(/[ ./-]+$/, '') : null;
  return { moq, unit: unit || null };
}

/**
 * Orders sold as the source reports them: 1234, "1,234 sold", "1.2K sold", "500+ orders" (lower bound). Money
 * ("US$ 12,000+") is not a count.
 */
export function parseSold(value: unknown): number | null {
  const n = int(value);
  if (n !== null) return n;
  if (typeof value !== 'string') return null;
  const text = plainText(value, 60);
  if (!/\d/.test(text) || /[$€£¥₫]|US\s*\$|\bUSD\b/i.test(text)) return null;
  return countFromText(text);
}

/** Gold Supplier years: 7, "7", "7 yrs", "10+ years". */
export function parseYears(value: unknown): number | null {
  const n = int(value);
  if (n !== null) return n <= 100 ? n : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{1,3})\s*\+?\s*(?:yrs?|years?|年)?\s*$/i.exec(plainText(value, 20));
  const years = m ? Number(m[1]) : null;
  return years !== null && years <= 100 ? years : null;
}

/** A two-letter country code in upper case ("CN"), or null. */
export function countryCode(value: unknown): string | null {
  const s = typeof value === 'string' ? value.trim() : '';
  return /^[A-Za-z]{2}$/.test(s) ? s.toUpperCase() : null;
}
