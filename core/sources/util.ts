/** Small tolerant readers shared by the source parsers. Nothing here throws on odd input. */
import { decimalToMinor } from '../money';

export type Json = unknown;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `get(obj, 'a', 'b', 0)`: walks records and arrays, undefined when any step is missing. */
export function get(value: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[key];
    } else {
      if (!isRecord(cur)) return undefined;
      cur = cur[key];
    }
  }
  return cur;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A trimmed non-empty string from a string or finite number, else null. */
export function str(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return t ? t : null;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** First non-null `str` of the candidates. */
export function firstStr(...values: unknown[]): string | null {
  for (const v of values) {
    const s = str(v);
    if (s !== null) return s;
  }
  return null;
}

/** true/false from booleans, "true"/"false", 1/0, "1"/"0", "y"/"n"; null otherwise. */
export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'true' || t === '1' || t === 'y' || t === 'yes') return true;
    if (t === 'false' || t === '0' || t === 'n' || t === 'no') return false;
  }
  return null;
}

/** A non-negative safe integer from a number or a digit string ("1,200" allowed), else null. */
export function int(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 ? value : null;
  }
  if (typeof value === 'string') {
    const t = value.trim().replace(/,/g, '');
    if (!/^\d{1,15}$/.test(t)) return null;
    const n = Number(t);
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/** Only digits, 5 to 20 of them: 1688 offer ids. */
export function offerIdOf(value: unknown): string | null {
  const s = str(value);
  if (!s) return null;
  return /^\d{5,20}$/.test(s) ? s : null;
}

/**
 * CNY amount to fen: numbers, "2.30", "¥2.30", "￥ 1,202.50". Ranges and anything else give null.
 */
export function priceMinor(value: unknown, currency = 'CNY'): number | null {
  let s: string | null = null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    s = value.toFixed(6).replace(/\.?0+$/, '');
  } else if (typeof value === 'string') {
    s = value
      .trim()
      .replace(/^[¥￥]\s*/, '')
      .replace(/元$/, '')
      .replace(/,(?=\d{3}(?:\D|$))/g, '');
  }
  if (!s) return null;
  const minor = decimalToMinor(s, currency);
  return minor !== null && Number.isSafeInteger(minor) && minor >= 0 ? minor : null;
}

/** "2.30-20.52", "¥2.30~¥20.52", "8.80" → [min, max] in minor units; null when not a price or range. */
export function priceRange(value: unknown, currency = 'CNY'): [number, number] | null {
  if (typeof value === 'number') {
    const p = priceMinor(value, currency);
    return p === null ? null : [p, p];
  }
  const s = str(value);
  if (!s) return null;
  const parts = s.split(/\s*[-~～—–至]\s*/);
  if (parts.length > 2) return null;
  const nums = parts.map((p) => priceMinor(p, currency));
  if (nums.some((n) => n === null)) return null;
  const [a, b] = nums as number[];
  if (a === undefined) return null;
  const hi = b ?? a;
  return a <= hi ? [a, hi] : [hi, a];
}

/** "35%" → 0.35, "0.35" → 0.35, 35 → 0.35; null when outside 0..1 after that. */
export function fraction(value: unknown): number | null {
  let n: number | null = null;
  let percent = false;
  if (typeof value === 'number' && Number.isFinite(value)) n = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d{1,3}(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
    if (m) {
      n = Number(m[1]);
      percent = m[2] === '%';
    }
  }
  if (n === null || n < 0) return null;
  if (percent || n > 1) n /= 100;
  if (n > 1) return null;
  return Math.round(n * 10000) / 10000;
}

/** Chinese counts: "200+" → 200, "1.2万" → 12000, "3千" → 3000. */
export function countFromText(text: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s*([万千wWkK]?)\s*\+?/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  let n = Number(m[1]);
  const unit = m[2];
  if (unit === '万' || unit === 'w' || unit === 'W') n *= 10000;
  else if (unit === '千' || unit === 'k' || unit === 'K') n *= 1000;
  n = Math.round(n);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function uniq<T>(values: T[]): T[] {
  return [...new Set(values)];
}
