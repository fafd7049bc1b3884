/**
 * Ranges: "¥12.50-18.00", "12.5~18", "£6.95 - £9.95", "12.50至18.00", "From 26 to 50 €", "1万(含)-5万元".
 *
 * A bare lower end borrows the upper end's last unit (两到三万 = 2万 to 3万, 10~15k = 10k to 15k), following
 * JioNLP's convention, which reads the ambiguous 八到九百亿 as 8亿 to 900亿; the borrowing is dropped when it
 * would put the lower end above the upper (从8500到3万 stays 8500 to 3万). A pair whose second number is
 * smaller is not a range ("Was $20 - $15").
 */
import type { Candidate } from './candidates';
import type { CurrencyMatch } from './currency';
import { type Dec, decCmp, decShift } from './decimal';

export interface PriceUnit {
  first: Candidate;
  last: Candidate;
  min: Dec;
  /** Upper end for ranges and vague amounts (3000多); null for a single number. */
  max: Dec | null;
}

const SEPARATOR = /^(?:[-–—~]{1,3}|至|到|～|to|bis|à|a|au|до|hasta|até|tot|till)$/i;

const prefixedBy = (s: string, c: Candidate, currencies: CurrencyMatch[]) =>
  currencies.some(
    (m) => m.end <= c.start && c.start - m.end <= 3 && /^[\s:]*$/.test(s.slice(m.end, c.start)),
  );

function joinedByRange(s: string, a: Candidate, b: Candidate, currencies: CurrencyMatch[]): boolean {
  // "£6.95 - £9.95" and "49.90 - 59.90 €" are ranges; in "Size 42 - €59.90" only the second number is money.
  if (prefixedBy(s, b, currencies) && !prefixedBy(s, a, currencies)) return false;
  let between = '';
  for (let i = a.end; i < b.start; i++) {
    if (!currencies.some((m) => i >= m.start && i < m.end)) between += s[i];
  }
  between = between
    .replace(/\(含\)/g, '')
    .replace(/\s+/g, '')
    // "12,- bis 15,-": the Swiss/German dash for zero cents is not the range mark.
    .replace(/^[.,][-–]/, '');
  return SEPARATOR.test(between);
}

function single(c: Candidate): PriceUnit {
  return { first: c, last: c, min: c.lo, max: decCmp(c.hi, c.lo) > 0 ? c.hi : null };
}

/** Group candidates into single amounts and ranges, in reading order. */
export function groupRanges(s: string, cands: Candidate[], currencies: CurrencyMatch[]): PriceUnit[] {
  const out: PriceUnit[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    if (!a) continue;
    const b = cands[i + 1];
    if (b && !b.leadingZero && joinedByRange(s, a, b, currencies)) {
      let min = a.lo;
      if (a.maxUnit < b.lastUnit && b.lastUnit >= 1) {
        const borrowed = decShift(a.lo, b.lastUnit);
        if (decCmp(borrowed, b.lo) <= 0) min = borrowed;
      }
      if (decCmp(min, b.lo) <= 0) {
        out.push({ first: a, last: b, min, max: b.hi });
        i += 1;
        continue;
      }
    }
    out.push(single(a));
  }
  return out;
}
