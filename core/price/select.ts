/**
 * Which of the amounts in a price string is the price: the one its currency is written next to, unless words
 * mark a later one as the price to pay ("Was $120 Now $60", "原价¥199 券后¥99"); plus the checks that need
 * the chosen amount's surroundings (a minus glued to it, a single-letter currency glued to it).
 */
import type { Candidate } from './candidates';
import type { CurrencyMatch } from './currency';
import type { PriceUnit } from './range';

// Symbols written before the amount by convention: between two numbers ("Pack of 2 $5.99") they belong to the
// one after. Others (€, zł, руб., codes) are more often written after it ("205,68 € 205.68").
const PREFIX_SYMBOLS = new Set(['£', '￡', '¥', '￥', '₹', '₩', '₱', '₦', '฿', 'Rs', 'Rs.', 'Rp', 'RM', 'R']);
const isPrefixSymbol = (m: CurrencyMatch) =>
  m.entry.symbol.includes('$') || PREFIX_SYMBOLS.has(m.entry.symbol);

/** Gap between a currency and an amount when only spaces (and a colon after the symbol) separate them. */
function gap(s: string, m: CurrencyMatch, c: Candidate): { before: number | null; after: number | null } {
  if (m.start < c.end && m.end > c.start) return { before: 0, after: null }; // 35€99: the euro sits inside
  if (m.end <= c.start) {
    const g = c.start - m.end;
    return { before: g <= 3 && /^[\s:]*$/.test(s.slice(m.end, c.start)) ? g : null, after: null };
  }
  const g = m.start - c.end;
  return { before: null, after: g <= 3 && /^\s*$/.test(s.slice(c.end, m.start)) ? g : null };
}

/** Units that a written currency belongs to. */
export function unitsWithCurrency(
  s: string,
  units: PriceUnit[],
  currencies: CurrencyMatch[],
): Set<PriceUnit> {
  const owned = new Set<PriceUnit>();
  for (const m of currencies) {
    let prefixOf: { u: PriceUnit; g: number } | null = null;
    let suffixOf: { u: PriceUnit; g: number } | null = null;
    for (const u of units) {
      for (const c of u.first === u.last ? [u.first] : [u.first, u.last]) {
        const { before, after } = gap(s, m, c);
        if (before !== null && (!prefixOf || before < prefixOf.g)) prefixOf = { u, g: before };
        if (after !== null && (!suffixOf || after < suffixOf.g)) suffixOf = { u, g: after };
      }
    }
    if (prefixOf && suffixOf && prefixOf.u !== suffixOf.u) {
      const toNext = prefixOf.g < suffixOf.g || (prefixOf.g === suffixOf.g && isPrefixSymbol(m));
      owned.add(toNext ? prefixOf.u : suffixOf.u);
    } else {
      const u = prefixOf?.u ?? suffixOf?.u;
      if (u) owned.add(u);
    }
  }
  return owned;
}

// "-5 €", "€ -5", "Rabatt -$5": a minus glued to the amount or to its currency. A dash set off by spaces
// ("- $44.99") is a list mark or a range dash, and a dash right after another number is a range.
export function isNegative(s: string, c: Candidate, currencies: CurrencyMatch[]): boolean {
  let j = c.start - 1;
  if (s[j] !== '-') {
    while (j >= 0 && s[j] === ' ') j--;
    const cur = currencies.find((m) => m.end === j + 1);
    if (!cur || s[cur.start - 1] !== '-') return false;
    j = cur.start - 1;
  }
  j -= 1;
  while (j >= 0 && s[j] === ' ') j--;
  return !/[0-9]/.test(s[j] ?? '');
}

// A single capital letter glued to the amount: "R273.00", "61.858 L", "200Q", "1 P".
export function weakCurrency(s: string, u: PriceUnit, matches: CurrencyMatch[]): CurrencyMatch | null {
  for (const m of matches) {
    if (m.entry.tier !== 'w') continue;
    const before = m.end <= u.first.start && /^ ?$/.test(s.slice(m.end, u.first.start));
    const after =
      m.start >= u.last.end &&
      /^ ?$/.test(s.slice(u.last.end, m.start)) &&
      /^(?:\s*$|[^\p{L}\s])/u.test(s.slice(m.end));
    if (before || after) return m;
  }
  return null;
}

// Words that mark the price to pay ("Was $120 Now $60", "原价¥199 券后¥99") or an old one ("RRP £49.99 £42.90").
const CURRENT =
  /(?:^|[^\p{L}])(?:now|sale|sale price|special price|deal price|jetzt|nu|ahora|maintenant|agora|teraz|сейчас|券后|券后价|到手|到手价|现价|折后|折后价|特价|活动价|促销价|秒杀价)\s*[:：]?$/iu;
const OLD =
  /(?:^|[^\p{L}])(?:was|before|statt|uvp|rrp|msrp|list price|regular price|reg\.|avant|antes|prima|vorher|před slevou|原价|市场价|划线价|吊牌价|专柜价|参考价|建议零售价)\s*[:：]?$/iu;

/** The few characters before an amount, without the currency written right before it. */
function leadIn(s: string, u: PriceUnit, currencies: CurrencyMatch[]): string {
  let start = u.first.start;
  const cur = currencies.find(
    (m) => m.end <= start && start - m.end <= 3 && /^[\s:]*$/.test(s.slice(m.end, start)),
  );
  if (cur) start = cur.start;
  return s.slice(Math.max(0, start - 24), start).trimEnd();
}

const positive = (u: PriceUnit) => u.min.int > 0n;

/** The first amount, unless words say a later one is the price to pay. */
export function pickUnit(s: string, units: PriceUnit[], currencies: CurrencyMatch[]): PriceUnit | null {
  const first = units[0];
  if (!first || units.length === 1) return first ?? null;
  const marked = units.find((u) => positive(u) && CURRENT.test(leadIn(s, u, currencies)));
  if (marked) return marked;
  if (OLD.test(leadIn(s, first, currencies))) {
    const later = units.find((u) => u !== first && positive(u) && !OLD.test(leadIn(s, u, currencies)));
    if (later) return later;
  }
  return first;
}
