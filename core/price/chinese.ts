/**
 * Chinese numerals as prices are written and spoken: ordinary (三百), financial (肆佰叁拾), traditional (萬, 億),
 * with 万/亿 multipliers, 元/块 + 角/毛 + 分 subunits, and the vague forms 几/数 (some), 多/余 (and more) and
 * digit pairs (三五百 = 300 to 500).
 */
import { type Dec, decAdd, decFromInt, decShift } from './decimal';

// Digit characters by value (ordinary, financial, traditional, and 幺 as said in phone numbers).
const DIGIT_GROUPS = '零〇 一壹幺 二贰貳两兩 三叁參 四肆 五伍 六陆陸 七柒 八捌 九玖'.split(' ');

/** Units inside a four-digit section, as powers of ten. */
export const SMALL_UNITS: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };

/** Section multipliers, as powers of ten. */
export const BIG_UNITS: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };

/** Words for the yuan itself, after which 角/毛 and 分 may follow. */
export const YUAN_MARKS = new Set(['元', '圆', '圓', '块', '塊']);

const JIAO = new Set(['角', '毛']);
const FEN = '分';

export function cnDigit(c: string | undefined): number | null {
  if (!c) return null;
  const d = DIGIT_GROUPS.findIndex((g) => g.includes(c));
  return d < 0 ? null : d;
}

function anyDigit(c: string | undefined): number | null {
  if (c !== undefined && c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  return cnDigit(c);
}

/**
 * Subunits after a yuan amount: "一角七分", "三毛", "六角七分钱", or a bare digit ("十块三" = 10.3).
 * `i` points just after the amount; returns the amount to add and where the subunits end.
 */
export function parseSubunits(s: string, i: number): { add: Dec; end: number } | null {
  let j = i;
  let add: Dec = { int: 0n, scale: 0 };
  let seen = false;
  if (s[j] === '零' || s[j] === '〇') j++;
  const d1 = anyDigit(s[j]);
  if (d1 !== null && JIAO.has(s[j + 1] ?? '')) {
    add = decAdd(add, decShift(decFromInt(d1), -1));
    j += 2;
    seen = true;
    if (s[j] === '零' || s[j] === '〇') j++;
  }
  const d2 = anyDigit(s[j]);
  if (d2 !== null && s[j + 1] === FEN) {
    add = decAdd(add, decShift(decFromInt(d2), -2));
    j += 2;
    seen = true;
  } else if (!seen && d2 !== null && cnDigit(s[j]) !== null && !/[\u3400-\u9fff0-9]/.test(s[j + 1] ?? '')) {
    // Spoken shorthand "十块三", "三块五": a lone Chinese digit after 块 counts dimes.
    add = decShift(decFromInt(d2), -1);
    j += 1;
    seen = true;
  }
  return seen ? { add, end: j } : null;
}

export function isJiao(c: string | undefined): boolean {
  return c !== undefined && JIAO.has(c);
}
