/**
 * Money is stored as an integer count of the currency's minor unit (fen, cents; yen has none) plus its
 * ISO 4217 code, so sums and comparisons never meet floating-point error.
 */
export interface Money {
  /** Integer count of minor units: 1234 with CNY is ¥12.34; 1234 with JPY is ¥1,234. */
  minor: number;
  /** ISO 4217 code in upper case, e.g. "CNY". */
  currency: string;
}

/**
 * ISO 4217 minor units that are not 2. A fixed table rather than Intl: engines follow CLDR, which gives 0 for
 * IDR, HUF or COP (cash practice) and may differ between browsers, and stored amounts must not.
 */
const EXPONENT: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Number of decimal places of a currency's minor unit (CNY 2, JPY 0, KWD 3); 2 for other codes. */
export function currencyExponent(currency: string): number {
  return EXPONENT[currency.toUpperCase()] ?? 2;
}

/**
 * Decimal string ("12.5", "1234", "0.333") to integer minor units, rounding half away from zero at the
 * currency's exponent. Returns null for anything that is not a finite, non-negative amount within
 * Number.MAX_SAFE_INTEGER minor units.
 */
export function decimalToMinor(amount: string, currency: string): number | null {
  const m = /^(\d{1,16})(?:\.(\d{1,20}))?$/.exec(amount.trim());
  if (!m) return null;
  const exp = currencyExponent(currency);
  const whole = m[1] ?? '0';
  const frac = (m[2] ?? '').padEnd(exp + 1, '0');
  const kept = frac.slice(0, exp);
  const next = Number(frac[exp] ?? '0');
  let minor = Number(whole + kept);
  if (next >= 5) minor += 1;
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Integer minor units back to a plain decimal string ("12.50" for 1250 CNY, "1234" for 1234 JPY). */
export function minorToDecimal(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = Math.abs(Math.trunc(minor))
    .toString()
    .padStart(exp + 1, '0');
  if (exp === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

// Formatters by locale and currency: building one costs far more than formatting (it was most of the time a list
// of offer cards took to render).
const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The locale prices are shown in when a caller names none: the runtime's own (the browser's language), unless the
 * UI set the language the person chose (components/language.ts).
 */
let displayLocale: string | undefined;

export function setDisplayLocale(locale: string | undefined): void {
  displayLocale = locale;
}

/** Display string for people, in their locale ("¥12.50", "US$3.99"). */
export function formatMoney(money: Money, locale: string | undefined = displayLocale): string {
  const value = Number(minorToDecimal(money.minor, money.currency));
  try {
    const key = `${locale ?? ''}|${money.currency}`;
    let format = formatters.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
      formatters.set(key, format);
    }
    return format.format(value);
  } catch {
    return `${minorToDecimal(money.minor, money.currency)} ${money.currency}`;
  }
}
