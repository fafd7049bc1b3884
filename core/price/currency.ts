/**
 * Finding the currency in a price string (and in a hint string next to it), and turning what was written into
 * an ISO 4217 code with the page's country as tie-breaker.
 */

import {
  type CurrencyEntry,
  currencyEntries,
  DOLLAR_CODES,
  isoCodes,
  type Resolver,
  resolver,
} from './currency-table';
import type { Normalized } from './normalize';
import { normalizeInput, originalSlice } from './normalize';
import { contextRegions } from './region';
import type { PriceContext } from './types';

export interface CurrencyMatch {
  entry: CurrencyEntry;
  start: number;
  end: number;
}

export interface CurrencyChoice {
  match: CurrencyMatch;
  /** Which string the currency was read from. */
  from: 'price' | 'hint';
}

// Entries by first character, longest first, so a scan tries "US$" before "$" and "руб." before "руб".
let byFirst: Map<string, CurrencyEntry[]> | undefined;

function entriesStartingWith(c: string): CurrencyEntry[] {
  if (!byFirst) {
    byFirst = new Map();
    for (const e of currencyEntries()) {
      const key = e.symbol.charAt(0);
      const list = byFirst.get(key) ?? [];
      list.push(e);
      byFirst.set(key, list);
    }
    for (const list of byFirst.values()) list.sort((a, b) => b.symbol.length - a.symbol.length);
  }
  return byFirst.get(c) ?? [];
}

const LETTER = /\p{L}/u;
// Chinese and Japanese run words together (1.2万元, 3,500円): no word boundaries there.
const HAN = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
// Characters a number can end with just before a currency: digits and Chinese numerals/units (两个亿卢布).
const NUMBER_END = /[0-9零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]/;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && c !== '' && LETTER.test(c);
}

function boundaryOk(s: string, start: number, end: number, e: CurrencyEntry): boolean {
  const first = e.symbol.charAt(0);
  const last = e.symbol.charAt(e.symbol.length - 1);
  // "EUR" must not match inside "EURO-PALLET", "kr" not inside "kredit"; digits next to it are fine (SGD4.90).
  if (isLetter(first) && !HAN.test(first) && isLetter(s[start - 1])) return false;
  if (!e.prefix && isLetter(last) && !HAN.test(last) && isLetter(s[end])) return false;
  return true;
}

/** Every currency text in s, left to right, longest match at each position, no overlaps. */
export function findCurrencies(s: string): CurrencyMatch[] {
  const out: CurrencyMatch[] = [];
  let i = 0;
  while (i < s.length) {
    let hit: CurrencyMatch | null = null;
    for (const e of entriesStartingWith(s.charAt(i))) {
      if (!s.startsWith(e.symbol, i)) continue;
      const end = i + e.symbol.length;
      if (!boundaryOk(s, i, end, e)) continue;
      hit = { entry: e, start: i, end };
      break;
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else {
      i += 1;
    }
  }
  return out;
}

/** True when a number sits right before or after the match ("29 RON", "EUR29.66", "12,- CHF"). */
export function nextToNumber(s: string, m: CurrencyMatch): boolean {
  let j = m.end;
  while (s[j] === ' ' || s[j] === ':') j++;
  const r = s[j];
  if (r !== undefined && r >= '0' && r <= '9') return true;
  if ((r === '.' || r === ',') && /[0-9]/.test(s[j + 1] ?? '')) return true;
  let k = m.start - 1;
  while (k >= 0 && s[k] === ' ') k--;
  while (k >= 0 && /[.,\-–]/.test(s[k] ?? '')) k--;
  return k >= 0 && NUMBER_END.test(s[k] ?? '');
}

const isCode = (e: CurrencyEntry) => e.symbol === e.iso && isoCodes().has(e.iso);

function dollarCode(matches: CurrencyMatch[]): CurrencyMatch | null {
  if (!matches.some((m) => m.entry.symbol.includes('$'))) return null;
  return matches.find((m) => isCode(m.entry) && DOLLAR_CODES.has(m.entry.iso)) ?? null;
}

// A lone 元/块 yields to a specific currency word in the same string: 港币两千九百六十元 is Hong Kong dollars.
function preferSpecific(m: CurrencyMatch, matches: CurrencyMatch[]): CurrencyMatch {
  if (!m.entry.generic) return m;
  return matches.find((x) => !x.entry.generic && x.entry.tier === 's' && HAN.test(x.entry.symbol)) ?? m;
}

function pick(matches: CurrencyMatch[], s: string, needNumber: boolean): CurrencyMatch | null {
  const dollar = dollarCode(matches);
  if (dollar) return dollar;
  const safe = matches.find((m) => m.entry.tier === 's');
  if (safe) return preferSpecific(safe, matches);
  return matches.find((m) => m.entry.tier === 'o' && (!needNumber || nextToNumber(s, m))) ?? null;
}

/**
 * The currency of a price: the price string first (symbols anywhere; codes and abbreviations only next to a
 * number), then the hint string. Single letters are left to the caller, who knows where the amount is.
 */
export function chooseCurrency(
  price: string,
  priceMatches: CurrencyMatch[],
  hint: string | null,
  hintMatches: CurrencyMatch[],
): CurrencyChoice | null {
  const inPrice = pick(priceMatches, price, true);
  if (inPrice) return { match: inPrice, from: 'price' };
  if (hint) {
    const inHint = pick(hintMatches, hint, false);
    if (inHint) return { match: inHint, from: 'hint' };
  }
  return null;
}

// Every code a resolver can give, built once per resolver (the tables never change).
const resolverCodes = new WeakMap<Resolver, Set<string>>();
function codesOf(r: Resolver): Set<string> {
  let codes = resolverCodes.get(r);
  if (!codes) {
    codes = new Set(Object.values(r.regions));
    if (r.fallback) codes.add(r.fallback);
    resolverCodes.set(r, codes);
  }
  return codes;
}

/** ISO code for a matched currency text; explicit codes nearby, then the page's country, settle shared symbols. */
export function resolveIso(
  entry: CurrencyEntry,
  ctx: PriceContext | undefined,
  nearby: CurrencyMatch[],
): string | null {
  if (!entry.iso.startsWith('@')) return entry.iso === '' ? null : entry.iso;
  const r = resolver(entry.iso.slice(1));
  if (!r) return null;
  const candidates = codesOf(r);
  // "¥1,200 JPY", or a hint "CAD" beside "$5": the written code is better evidence than the domain.
  for (const m of nearby) if (isCode(m.entry) && candidates.has(m.entry.iso)) return m.entry.iso;
  for (const region of contextRegions(ctx)) {
    const code = r.regions[region];
    if (code) return code;
  }
  return r.fallback;
}

/** The text of a match as written in the original input. */
export function matchText(n: Normalized, m: CurrencyMatch): string {
  return originalSlice(n, m.start, m.end);
}

/** ISO code for a currency text or symbol ("€", "R$", "kr", "円", "usd"), with the same tie-breaks; or null. */
export function currencyFromText(text: string | null | undefined, ctx?: PriceContext): string | null {
  if (typeof text !== 'string') return null;
  const n = normalizeInput(text);
  const matches = findCurrencies(n.text);
  const hint =
    typeof ctx?.currencyHint === 'string' ? findCurrencies(normalizeInput(ctx.currencyHint).text) : [];
  let m = pick(matches, n.text, false);
  // A text that is nothing but a single-letter symbol ("R") may still name a currency.
  if (!m && matches.length === 1 && n.text.trim() === matches[0]?.entry.symbol) m = matches[0] ?? null;
  if (!m) return null;
  return resolveIso(m.entry, ctx, [...matches, ...hint]);
}
