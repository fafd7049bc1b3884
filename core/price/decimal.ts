/**
 * Exact non-negative decimals for the price parser: value = int / 10^scale.
 *
 * Prices are built by multiplying by powers of ten (万 = 10^4, 亿 = 10^8, "k" = 10^3, 角 = 10^-1) and adding
 * parts (六十四万零一百四十三元一角七分), and a page may write 20 fraction digits; doubles would round all of that.
 * BigInt keeps every step exact, and the parser only turns a result into a string at the very end.
 */
export interface Dec {
  int: bigint;
  scale: number;
}

export const ZERO: Dec = { int: 0n, scale: 0 };

/** "0012.50" → {1250n, 2}; digits with at most one '.', nothing else. */
export function decFromParts(intPart: string, fracPart: string): Dec {
  const digits = `${intPart}${fracPart}`.replace(/^0+(?=\d)/, '') || '0';
  return { int: BigInt(digits), scale: fracPart.length };
}

export function decFromInt(n: number): Dec {
  return { int: BigInt(n), scale: 0 };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.int, b.int, a.scale];
  if (a.scale > b.scale) return [a.int, b.int * 10n ** BigInt(a.scale - b.scale), a.scale];
  return [a.int * 10n ** BigInt(b.scale - a.scale), b.int, b.scale];
}

export function decAdd(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b);
  return { int: x + y, scale };
}

export function decCmp(a: Dec, b: Dec): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function decIsZero(a: Dec): boolean {
  return a.int === 0n;
}

/** Multiply by 10^k (k may be negative: 角 is 10^-1). Drops fraction zeros the multiplication made. */
export function decShift(a: Dec, k: number): Dec {
  if (k === 0) return a;
  if (k < 0) return { int: a.int, scale: a.scale - k };
  if (a.scale >= k) return trim({ int: a.int, scale: a.scale - k });
  return { int: a.int * 10n ** BigInt(k - a.scale), scale: 0 };
}

/** Remove trailing fraction zeros: 12000.0 → 12000 (keeps "12.50" untouched unless asked). */
export function trim(a: Dec): Dec {
  let { int, scale } = a;
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n;
    scale -= 1;
  }
  return { int, scale };
}

/** Number of trailing zeros of the integer value (3000 → 3); 0 for fractions and for zero. */
export function trailingZeros(a: Dec): number {
  const t = trim(a);
  if (t.scale > 0 || t.int === 0n) return 0;
  let n = 0;
  let v = t.int;
  while (v % 10n === 0n) {
    v /= 10n;
    n += 1;
  }
  return n;
}

/** Plain decimal string: "1234.56", "0.75", "12000"; never an exponent or a sign. */
export function decToString(a: Dec): string {
  const digits = a.int.toString();
  if (a.scale === 0) return digits;
  const padded = digits.padStart(a.scale + 1, '0');
  return `${padded.slice(0, -a.scale)}.${padded.slice(-a.scale)}`;
}
