/** Public shapes of the price parser (imported by detectors, storage and UI). */

export interface ParsedPrice {
  /** Decimal string, e.g. "1234.56": no exponent, no grouping, never negative. */
  amount: string | null;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string | null;
  /** The currency exactly as written in the input, e.g. "R$", "руб.", "€", "元". */
  currencyText: string | null;
  /** Upper end when the string is a range ("¥12.50-18.00"); null otherwise. */
  max?: string | null;
}

export interface PriceContext {
  /** Nearby text that may name the currency (e.g. "USD" or "€"). */
  currencyHint?: string | null;
  /** The decimal separator when the caller knows it. */
  decimalSeparator?: '.' | ',' | null;
  /** Page language, e.g. "ja-JP", "de". */
  locale?: string | null;
  /** Page host, e.g. "www.amazon.co.jp". */
  hostname?: string | null;
}
