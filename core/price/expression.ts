/**
 * One amount expression: Western digits, Chinese numerals or both, with multipliers glued on
 * (1.2万, 3千万亿, 15k, 30w, 两个亿), yuan subunits (十块三毛, 六角七分) and vague forms (3000多, 几十万, 八九亿).
 * The value is a closed interval [lo, hi]; it is a single number unless the words are vague.
 */
import { type AmountOptions, euroFraction, isArabicStart, scanArabic } from './amount';
import { BIG_UNITS, cnDigit, isJiao, parseSubunits, SMALL_UNITS, YUAN_MARKS } from './chinese';
import {
  type Dec,
  decAdd,
  decCmp,
  decFromInt,
  decFromParts,
  decIsZero,
  decShift,
  decToString,
  trailingZeros,
  ZERO,
} from './decimal';

export interface Expr {
  start: number;
  end: number;
  lo: Dec;
  hi: Dec;
  /** Power of ten of the last unit written (十 1, 千/k 3, 万/w 4, 亿 8), -1 when none. */
  lastUnit: number;
  /** Largest unit written anywhere in the expression, -1 when none. */
  maxUnit: number;
  /** Chinese digits with no unit at all (一, 两, 八九): usually words, not prices. */
  bareChinese: boolean;
  /** Western number written with a leading zero ("09"). */
  leadingZero: boolean;
  /** More digits than money can hold: the amount must come out null, not rounded garbage. */
  tooLong: boolean;
}

export interface ExprOptions extends AmountOptions {
  /** The text contains Chinese characters, so a glued "w" means 万 (30w) rather than watts. */
  cjk: boolean;
}

interface Range {
  lo: Dec;
  hi: Dec;
}

const point = (d: Dec): Range => ({ lo: d, hi: d });
const add = (a: Range, b: Range): Range => ({ lo: decAdd(a.lo, b.lo), hi: decAdd(a.hi, b.hi) });
const shift = (a: Range, k: number): Range => ({ lo: decShift(a.lo, k), hi: decShift(a.hi, k) });
// A letter that continues a word ("5Kč", "15kg"), as opposed to Chinese text that may follow (15k左右).
const isWordLetter = (c: string | undefined) =>
  c !== undefined && /\p{L}/u.test(c) && !/[\u3040-\u30ff\u3400-\u9fff]/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function isChineseStart(s: string, i: number): boolean {
  const c = s[i];
  if (c === undefined) return false;
  if (c === '十' || c === '拾') return true;
  const d = cnDigit(c);
  if (d !== null && d > 0) return true;
  // 几十万 / 数十亿: "some tens of …"
  const next = s[i + 1] ?? '';
  return (c === '几' || c === '数') && (SMALL_UNITS[next] !== undefined || BIG_UNITS[next] !== undefined);
}

export function parseExpression(s: string, start: number, opts: ExprOptions): Expr | null {
  let total: Range = point(ZERO);
  let section: Range = point(ZERO);
  let num: Range | null = null;
  let numFromCnDigit = false;
  let numSingleDigit = false;
  let numAfterUnit = false;
  let lastUnit = -1;
  let maxUnit = -1;
  let bigMax = -1;
  let lastWasUnit = false;
  let zeroSinceUnit = false;
  let lastAccum: 'section' | 'total' | null = null;
  let any = false;
  let hasArabic = false;
  let leadingZero = false;
  let tooLong = false;
  let q = start;

  const applyBig = (e: number) => {
    const val = add(section, num ?? point(ZERO));
    if (e > bigMax) {
      // 3千万亿: each larger unit multiplies everything before it.
      total = shift(add(total, val), e);
      bigMax = e;
    } else {
      // 一亿二千万: a smaller unit after a larger one starts a new lower part.
      total = add(total, shift(val, e));
    }
    section = point(ZERO);
    num = null;
    lastUnit = e;
    maxUnit = Math.max(maxUnit, e);
    lastWasUnit = true;
    zeroSinceUnit = false;
    lastAccum = 'total';
  };

  while (q < s.length) {
    const c = s[q];
    if (num === null && (isDigit(c) || (q === start && (c === '.' || c === ',')))) {
      if (q !== start && !isArabicStart(s, q)) break;
      const a = scanArabic(s, q, opts);
      if (!a) break;
      let value = a.value;
      let end = a.end;
      if (a.fracDigits === 0) {
        const euro = euroFraction(s, end);
        if (euro) {
          value = decFromParts(decToString(value), euro.digits);
          end = euro.end;
        }
      }
      if (a.intDigits > 16 || a.fracDigits > 20) tooLong = true;
      if (!any) leadingZero = a.leadingZero;
      num = point(value);
      numFromCnDigit = false;
      numSingleDigit = a.intDigits === 1 && a.fracDigits === 0 && !decIsZero(value);
      numAfterUnit = lastWasUnit;
      lastWasUnit = false;
      any = true;
      hasArabic = true;
      q = end;
      const m = s[q];
      // Glued multipliers: 15k, 30w (万, in Chinese text only; elsewhere "30W" is watts).
      if ((m === 'k' || m === 'K') && !isWordLetter(s[q + 1])) {
        applyBig(3);
        q += 1;
      } else if ((m === 'w' || m === 'W') && opts.cjk && !isWordLetter(s[q + 1])) {
        applyBig(4);
        q += 1;
      } else if (
        m === ' ' &&
        (BIG_UNITS[s[q + 1] ?? ''] !== undefined || SMALL_UNITS[s[q + 1] ?? ''] !== undefined)
      ) {
        // "177.1 亿"
        q += 1;
      }
      continue;
    }
    const d = cnDigit(c);
    if (d !== null) {
      if (d === 0) {
        zeroSinceUnit = true;
        if (!any) break;
        q += 1;
        continue;
      }
      if (num !== null) {
        // 八九亿, 三五百: two digits in a row give a range.
        if (
          numFromCnDigit &&
          numSingleDigit &&
          decCmp(num.lo, num.hi) === 0 &&
          decCmp(decFromInt(d), num.lo) > 0
        ) {
          num = { lo: num.lo, hi: decFromInt(d) };
          numSingleDigit = false;
          q += 1;
          continue;
        }
        break;
      }
      num = point(decFromInt(d));
      numFromCnDigit = true;
      numSingleDigit = true;
      numAfterUnit = lastWasUnit && !zeroSinceUnit;
      lastWasUnit = false;
      any = true;
      q += 1;
      continue;
    }
    if (c === '几' || c === '数') {
      const next = s[q + 1] ?? '';
      const unitNext = SMALL_UNITS[next] !== undefined || BIG_UNITS[next] !== undefined;
      if (num === null && any && c === '几') {
        // 十几: ten and some more.
        num = { lo: ZERO, hi: decFromInt(10) };
      } else if (num === null && !any && unitNext) {
        // 几十 / 数十: between one and ten of the unit.
        num = { lo: decFromInt(1), hi: decFromInt(10) };
      } else {
        break;
      }
      numFromCnDigit = false;
      numSingleDigit = false;
      numAfterUnit = false;
      lastWasUnit = false;
      any = true;
      q += 1;
      continue;
    }
    const small = SMALL_UNITS[c ?? ''];
    if (small !== undefined) {
      if (!any && c !== '十' && c !== '拾') break;
      if (num === null && any && lastWasUnit) break;
      section = add(section, shift(num ?? point(decFromInt(1)), small));
      num = null;
      lastUnit = small;
      maxUnit = Math.max(maxUnit, small);
      lastWasUnit = true;
      zeroSinceUnit = false;
      lastAccum = 'section';
      any = true;
      q += 1;
      continue;
    }
    let big = BIG_UNITS[c ?? ''];
    let width = 1;
    if (big === undefined && c === '个' && num !== null) {
      // 两个亿: a measure word between the number and the unit.
      big = BIG_UNITS[s[q + 1] ?? ''];
      width = 2;
    }
    if (big !== undefined) {
      if (!any) break;
      applyBig(big);
      q += width;
      continue;
    }
    if ((c === '多' || c === '余') && any) {
      // 3000多 = 3000 to 4000, 十多 = 10 to 20, 3万多 = 3万 to 4万: up to one more of the last place.
      if (num !== null) {
        num = { lo: num.lo, hi: decAdd(num.hi, decShift(decFromInt(1), trailingZeros(num.lo))) };
      } else if (lastAccum === 'section') {
        section = { lo: section.lo, hi: decAdd(section.hi, decShift(decFromInt(1), lastUnit)) };
      } else if (lastAccum === 'total') {
        total = { lo: total.lo, hi: decAdd(total.hi, decShift(decFromInt(1), lastUnit)) };
      }
      q += 1;
      continue;
    }
    break;
  }
  if (!any) return null;

  if (num !== null && numSingleDigit && numAfterUnit && lastUnit >= 1) {
    // 一万二 = 12000, 三百五 = 350: a lone digit after a unit counts the next lower place.
    num = shift(num, lastUnit - 1);
  }
  let value = add(add(total, section), num ?? point(ZERO));

  // Yuan subunits: 元一角七分, 块三毛, 块五; or 角/毛 right after the number (五毛 = 0.5).
  if (YUAN_MARKS.has(s[q] ?? '')) {
    const sub = parseSubunits(s, q + 1);
    if (sub) {
      value = add(value, point(sub.add));
      q = sub.end;
    }
  } else if (isJiao(s[q])) {
    value = shift(value, -1);
    q += 1;
    const sub = parseSubunits(s, q);
    if (sub && sub.add.scale === 2) {
      value = add(value, point(sub.add));
      q = sub.end;
    }
  }

  return {
    start,
    end: q,
    lo: value.lo,
    hi: value.hi,
    lastUnit,
    maxUnit,
    bareChinese: !hasArabic && maxUnit < 0,
    leadingZero,
    tooLong,
  };
}
