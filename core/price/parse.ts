/**
 * parsePrice: the amount (or range) and currency of one price string such as "US$:12.99", "1.234,56 €",
 * "¥12.50-18.00", "券后¥9.9起" or "六十四万零一百四十三元一角七分".
 *
 * Steps: fold the text (normalize.ts); find the currency first (currency.ts), since a three-decimal currency
 * changes how "1.250" reads; collect amount expressions (candidates.ts) and pair them into ranges (range.ts);
 * choose the one that is the price (select.ts); check it fits integer minor units (../money.ts).
 */
import { currencyExponent, decimalToMinor } from '../money';
import { currencyFollows, findCandidates } from './candidates';
import { type CurrencyChoice, chooseCurrency, findCurrencies, matchText, resolveIso } from './currency';
import { type Dec, decShift, decToString } from './decimal';
import { type Normalized, normalizeInput } from './normalize';
import { groupRanges, type PriceUnit } from './range';
import { isNegative, pickUnit, unitsWithCurrency, weakCurrency } from './select';
import type { ParsedPrice, PriceContext } from './types';

const EMPTY: ParsedPrice = { amount: null, currency: null, currencyText: null, max: null };

const HAN = /[\u3400-\u9fff]/;
// "Free!", "Gratis", "免费": a price of zero, when no number is written.
const FREE =
  /(?<!\p{L})(?:free|gratis|gratuit|gratuito|kostenlos|umsonst|zdarma|darmowa|darmowe|ücretsiz|бесплатно|免费|無料)(?!\p{L})/iu;

function fits(d: Dec | null, iso: string | null): string | null {
  if (d === null) return null;
  const text = decToString(d);
  // Amounts must become integer minor units; with the currency unknown, assume the common two decimals.
  return decimalToMinor(text, iso ?? 'USD') === null ? null : text;
}

export function parsePriceUnchecked(text: string | null | undefined, ctx?: PriceContext): ParsedPrice {
  // With no price text the hint may still name the currency.
  const n: Normalized = normalizeInput(typeof text === 'string' ? text : '');
  const s = n.text;
  const hint = typeof ctx?.currencyHint === 'string' ? normalizeInput(ctx.currencyHint) : null;
  const priceMatches = findCurrencies(s);
  const hintMatches = hint ? findCurrencies(hint.text) : [];
  let choice: CurrencyChoice | null = chooseCurrency(s, priceMatches, hint?.text ?? null, hintMatches);
  const nearby = [...priceMatches, ...hintMatches];
  let iso = choice ? resolveIso(choice.match.entry, ctx, nearby) : null;

  const ds = ctx?.decimalSeparator === '.' || ctx?.decimalSeparator === ',' ? ctx.decimalSeparator : null;
  const cjk = HAN.test(s);
  const cands = findCandidates(s, {
    decimalSeparator: ds,
    threeDecimals: iso !== null && currencyExponent(iso) === 3,
    pointIsDecimal: cjk,
    cjk,
  });
  const strong = priceMatches.filter((m) => m.entry.tier !== 'w');
  const trimmed = s.trim();
  // Lone Chinese digits (一件, 两种) count only before a currency, inside a range, or as the whole string.
  const units = groupRanges(s, cands, strong).filter(
    (u) =>
      u.first !== u.last ||
      !u.first.bareChinese ||
      currencyFollows(s, u.first, strong) ||
      trimmed === s.slice(u.first.start, u.first.end),
  );

  const owned = choice?.from === 'price' ? unitsWithCurrency(s, units, strong) : new Set<PriceUnit>();
  const nextToCurrency = units.filter((u) => owned.has(u));
  const unit = pickUnit(s, nextToCurrency.length > 0 ? nextToCurrency : units, strong);

  if (!choice && unit) {
    const weak = weakCurrency(s, unit, priceMatches);
    if (weak) {
      choice = { match: weak, from: 'price' };
      iso = resolveIso(weak.entry, ctx, nearby);
    }
  }

  const currencyText = choice ? matchText(choice.from === 'price' ? n : (hint ?? n), choice.match) : null;
  let amount: string | null = null;
  let max: string | null = null;
  if (unit) {
    const tooLong = unit.first.tooLong || unit.last.tooLong;
    if (!tooLong && !isNegative(s, unit.first, strong)) {
      // 99¢ is 0.99 of the dollar.
      const cents = choice?.match.entry.cents === true;
      const scale = (d: Dec) => (cents ? decShift(d, -2) : d);
      amount = fits(scale(unit.min), iso);
      max = amount === null ? null : fits(unit.max === null ? null : scale(unit.max), iso);
    }
  } else if (cands.length === 0 && FREE.test(s)) {
    amount = '0';
  }
  return { amount, currency: iso, currencyText, max };
}

/** Never throws: anything unexpected gives an empty result rather than an exception in a content script. */
export function parsePrice(text: string | null | undefined, ctx?: PriceContext): ParsedPrice {
  try {
    return parsePriceUnchecked(text, ctx);
  } catch {
    return { ...EMPTY };
  }
}
