/**
 * All amount-looking expressions in a price string, minus the ones that are clearly something else:
 * percentages (40% OFF), measurements (16.00 ft), dates (15.08.2017, 25-09), exponent notation (1e308) and
 * lone Chinese digits that are just words (一件, 两种).
 */
import { isArabicStart } from './amount';
import type { CurrencyMatch } from './currency';
import { type Expr, type ExprOptions, isChineseStart, parseExpression } from './expression';

export type Candidate = Expr;

// A number followed by one of these is a measurement. Case matters: "Ft" is the forint, "ft" is feet.
const UNIT_AFTER =
  /^ ?(?:ft|feet|cm|mm|km|kg|mg|lbs?|oz|ml|mL|sq ?ft|sqm|inch(?:es)?|m²|m2|m³|pcs|GB|TB|MB|mAh|MHz|GHz)(?![\p{L}\d])/u;
const PERCENT_AFTER = /^ ?[%٪]/;
const EXPONENT_AFTER = /^[eE][+-]?\d+/;
const HEX_AFTER = /^[xX][0-9a-fA-F]+/;
// Dates and date-like codes: 15.08.2017, 2017-08-15, 12/25/2020, 25-09.
const DATE = /^(?:\d{1,4}([-/.])\d{1,2}\1\d{1,4}|\d{1,4}[-/]0\d)(?![\d.,])/;
const RUN = /^[0-9.,']+/;
// "July, 2004", "15 July": a year after a month name, a day before one.
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR_AFTER_MONTH = new RegExp(`(?:^|[^\\p{L}])${MONTH}\\.?(?: \\d{1,2}(?:st|nd|rd|th)?)?,? ?$`, 'iu');
// ("5 may apply" is not a date: "may" counts as a month only before a year.)
const DAY_AFTER_MONTH = new RegExp(`(?:^|[^\\p{L}])(?!may)${MONTH}\\.? ?$`, 'iu');
const DAY_BEFORE_MONTH = new RegExp(`^(?:st|nd|rd|th)?\\.? ?(?!may)${MONTH}(?!\\p{L})`, 'iu');
// "min. order: 1", "Qty 2", "数量 3": counts, not prices.
const QUANTITY_BEFORE =
  /(?:^|[^\p{L}])(?:qty|quantity|min\. ?order|minimum order|moq|заказ|количество|menge|anzahl|数量|起订量|起批量)\s*[:：]?\s*$/iu;
// A price string holds a handful of numbers; stopping early bounds the work on hostile input (一一一…, 9万9万…).
const MAX_CANDIDATES = 32;

export function findCandidates(s: string, opts: ExprOptions): Candidate[] {
  const out: Candidate[] = [];
  let q = 0;
  while (q < s.length && out.length < MAX_CANDIDATES) {
    const arabic = isArabicStart(s, q);
    if (!arabic && !isChineseStart(s, q)) {
      q += 1;
      continue;
    }
    if (arabic) {
      const date = DATE.exec(s.slice(q, q + 12));
      if (date) {
        q += date[0].length;
        continue;
      }
    }
    const e = parseExpression(s, q, opts);
    if (!e || e.end <= q) {
      // Skip the rest of an unreadable number so its tail is not read as a new one (15.08.2017 → not "08.2017").
      q += Math.max(1, RUN.exec(s.slice(q))?.[0].length ?? 1);
      continue;
    }
    const after = s.slice(e.end, e.end + 12);
    const exponent =
      EXPONENT_AFTER.exec(after) ?? (/^0+$/.test(s.slice(q, e.end)) ? HEX_AFTER.exec(after) : null);
    if (exponent) {
      // 1e308, 0x1F: a programmer's number, never a price; skip it whole.
      q = e.end + exponent[0].length;
      continue;
    }
    q = e.end;
    if (PERCENT_AFTER.test(after) || UNIT_AFTER.test(after)) continue;
    const before = s.slice(Math.max(0, e.start - 24), e.start);
    if (QUANTITY_BEFORE.test(before)) continue;
    const digits = s.slice(e.start, e.end);
    if (/^(?:19|20)\d\d$/.test(digits) && YEAR_AFTER_MONTH.test(before)) continue;
    if (/^\d{1,2}$/.test(digits) && (DAY_BEFORE_MONTH.test(after) || DAY_AFTER_MONTH.test(before))) continue;
    out.push(e);
  }
  return out;
}

/** Is a currency text (or 钱, "money") right after the candidate? Keeps 十几块钱 but drops 一件. */
export function currencyFollows(s: string, c: Candidate, currencies: CurrencyMatch[]): boolean {
  let j = c.end;
  while (s[j] === ' ') j++;
  return s[j] === '钱' || currencies.some((m) => m.start === j);
}
