/**
 * One number written with Western digits, in any of the groupings shops use:
 * 1,234.56 · 1.234,56 · 1 234,56 · 1'234.50 · 12,- · 1,00,000 (India) · .75 · 35€99 · 119. 95 (stray space).
 *
 * Which mark is the decimal separator is decided per number: the caller's decimalSeparator when given;
 * otherwise the last of two different marks; otherwise a single mark followed by exactly three digits groups
 * thousands (129.900, $699,000) unless the integer part is 0, the currency has three decimals (KWD, OMR) or
 * the text is Chinese/Japanese, where '.' is only ever the decimal point.
 */
import { type Dec, decFromParts } from './decimal';

export interface ArabicNumber {
  end: number;
  value: Dec;
  /** Written with a leading zero ("09"): a date or code part, not a price. */
  leadingZero: boolean;
  /** Integer digits, for the size check. */
  intDigits: number;
  /** Fraction digits as written. */
  fracDigits: number;
}

export interface AmountOptions {
  decimalSeparator: '.' | ',' | null;
  /** The currency has three decimals, so "1.250" is one and a quarter. */
  threeDecimals: boolean;
  /** Chinese and Japanese text never groups digits with '.', so "4.287亿" is 4.287 × 10^8. */
  pointIsDecimal: boolean;
}

interface Sep {
  ch: string;
  /** Decimal mark followed by a stray space ("119. 95"). */
  spaced: boolean;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function digitsFrom(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j])) j++;
  return j - i;
}

/** Is s[i] a place where a number may start (not inside another number)? */
export function isArabicStart(s: string, i: number): boolean {
  const prev = s[i - 1];
  if (isDigit(prev)) return false;
  const c = s[i];
  if (isDigit(c)) return prev !== '.' && prev !== ',' ? true : !isDigit(s[i - 2]);
  if (c === '.' || c === ',') {
    // "$.75" starts a fraction; in "Rs.99" or "No.5" the dot ends a word.
    if (prev === '.' || prev === ',' || (prev !== undefined && /\p{L}/u.test(prev))) return false;
    let j = i;
    while (s[j] === '.' || s[j] === ',') j++;
    return isDigit(s[j]);
  }
  return false;
}

/** Scan a number at s[start]; null when the marks cannot be a number (15.08.2017, 1.2.3). */
export function scanArabic(s: string, start: number, opts: AmountOptions): ArabicNumber | null {
  let i = start;
  let lead = '';
  while (s[i] === '.' || s[i] === ',') lead += s[i++];
  if (!isDigit(s[i])) return null;
  const runs: string[] = [];
  const seps: Sep[] = [];
  for (;;) {
    const n = digitsFrom(s, i);
    runs.push(s.slice(i, i + n));
    i += n;
    const c = s[i];
    if ((c === '.' || c === ',' || c === "'") && isDigit(s[i + 1])) {
      seps.push({ ch: c, spaced: false });
      i += 1;
      continue;
    }
    // "$119. 95", "1.837, 32 €": a decimal mark, a stray space, then one or two digits.
    if ((c === '.' || c === ',') && s[i + 1] === ' ' && !seps.some((x) => x.spaced)) {
      const n2 = digitsFrom(s, i + 2);
      if (n2 >= 1 && n2 <= 2) {
        seps.push({ ch: c, spaced: true });
        i += 2;
        continue;
      }
    }
    // "1 234,56", "120 000 000": a single space before exactly three digits groups thousands, as long as the
    // number so far is plain groups of at most three digits.
    if (
      c === ' ' &&
      seps.every((x) => x.ch === ' ') &&
      (runs[runs.length - 1] ?? '').length <= 3 &&
      digitsFrom(s, i + 1) === 3
    ) {
      seps.push({ ch: ' ', spaced: false });
      i += 1;
      continue;
    }
    break;
  }
  // A stated separator the number contradicts ("1,234.56" on a page said to use ',') is a wrong guess by the
  // caller, not a reason to lose the price: read the marks on their own.
  const parts =
    interpret(lead, runs, seps, opts) ??
    (opts.decimalSeparator ? interpret(lead, runs, seps, { ...opts, decimalSeparator: null }) : null);
  if (!parts) return null;
  const [intRaw, frac] = parts;
  const grouped = seps.length > 0 && parts[2];
  const leadingZero = !grouped && frac === '' && intRaw.length > 1 && intRaw.startsWith('0');
  const intPart = intRaw.replace(/^0+(?=\d)/, '');
  return {
    end: i,
    value: decFromParts(intPart, frac),
    leadingZero,
    intDigits: intPart.length,
    fracDigits: frac.length,
  };
}

/** [integer digits, fraction digits, used grouping] or null when the marks contradict each other. */
function interpret(
  lead: string,
  runs: string[],
  seps: Sep[],
  opts: AmountOptions,
): [string, string, boolean] | null {
  const ds = opts.decimalSeparator;
  if (lead) {
    // ".75" and "$..75" are fractions; in "$.75,333" or "$.750.30" the leading mark is noise.
    const fraction = ds ? lead.includes(ds) && !seps.some((x) => x.ch === ds) : seps.length === 0;
    if (fraction) return ['0', runs.join(''), false];
  }
  let dec = -1;
  if (ds) {
    const at = seps.flatMap((x, k) => (x.ch === ds ? [k] : []));
    if (at.length > 1) return null;
    if (at.length === 1) dec = at[0] ?? -1;
  } else {
    const marks = seps.filter((x) => x.ch === '.' || x.ch === ',');
    const kinds = new Set(marks.map((x) => x.ch));
    if (kinds.size === 2) {
      const lastMark = seps[seps.length - 1];
      if (!lastMark || lastMark.ch === ' ' || lastMark.ch === "'") return null;
      if (marks.filter((x) => x.ch === lastMark.ch).length > 1) return null;
      dec = seps.length - 1;
    } else if (marks.length === 1) {
      const k = seps.findIndex((x) => x.ch === '.' || x.ch === ',');
      const sep = seps[k];
      const after = runs[k + 1] ?? '';
      const intDigits = runs.slice(0, k + 1).join('');
      const otherGrouping = seps.some((x) => x.ch === ' ' || x.ch === "'");
      const decimal =
        sep?.spaced ||
        otherGrouping ||
        after.length !== 3 ||
        /^0+$/.test(intDigits) ||
        opts.threeDecimals ||
        (opts.pointIsDecimal && sep?.ch === '.');
      if (decimal) dec = k;
    }
  }
  if (dec >= 0 && dec !== seps.length - 1) return null;
  // Every grouping mark must be followed by three digits (India: twos, then a final three).
  const groupSeps = seps.filter((_, k) => k !== dec);
  if (groupSeps.length > 0) {
    const lastInt = dec >= 0 ? dec : seps.length;
    const groups = runs.slice(1, lastInt + 1);
    const allThree = groups.every((g) => g.length === 3);
    const indian =
      groupSeps.every((x) => x.ch === ',') &&
      groups.length >= 2 &&
      groups.slice(0, -1).every((g) => g.length === 2) &&
      groups[groups.length - 1]?.length === 3 &&
      (runs[0] ?? '').length <= 2;
    if (!allThree && !indian) return null;
  }
  if (dec < 0) return [runs.join(''), '', groupSeps.length > 0];
  return [runs.slice(0, dec + 1).join(''), runs[dec + 1] ?? '', groupSeps.length > 0];
}

/**
 * French shops write "35€99" or "35 € 99" with the euro sign as decimal mark. Returns the two fraction digits
 * and where they end, or null. Not when another euro follows ("99 € 79 €" is two prices).
 */
export function euroFraction(s: string, i: number): { digits: string; end: number } | null {
  const m = /^ ?€ ?(\d\d)(?!\d)(?! ?€)/.exec(s.slice(i, i + 8));
  if (!m || m[1] === undefined) return null;
  return { digits: m[1], end: i + m[0].length };
}
