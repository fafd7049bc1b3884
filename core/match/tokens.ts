/**
 * Tokenisation for product titles. CJK runs are split with `Intl.Segmenter` (word granularity); other
 * scripts are split into word/alphanumeric chunks. Model codes (letters mixed with digits such as
 * "DSC-W800", "WH-1000XM4") are detected and normalised by removing separators; numbers and quantities
 * ("500ml") get their own kinds so similarity can weight them strongly.
 */
import { normalizeText } from './normalize';

export type TokenKind = 'word' | 'number' | 'quantity' | 'code';

/**
 * How CJK runs are split: 'segmenter' uses `Intl.Segmenter` word boundaries (dictionary words, ~1 µs per
 * segment); 'bigram' emits overlapping character pairs (dictionary-free, about 10× faster, robust to
 * inconsistent word boundaries in keyword-stuffed marketplace titles).
 */
export type CjkMode = 'segmenter' | 'bigram';

export interface Token {
  text: string;
  kind: TokenKind;
}

const KANA_RE = /[\u3040-\u30ff]/u;
const SEP_RE = /[-/._+]/g;
const OTHER_ALNUM_RE = /[\p{L}\p{N}]/u;

/** Unit-like suffixes that make "<number><suffix>" a quantity/spec rather than a model code. */
const QUANTITY_UNITS = new Set(
  (
    'ml|l|mg|g|kg|lb|oz|mm|cm|m|km|in|ft|kb|mb|gb|tb|mah|ah|wh|w|kw|v|a|ma|hz|khz|mhz|ghz|mp|ms|rpm|pcs|' +
    'st|nd|rd|th|p|i|x|k|d|s|t|c|f|db|lm|bit|fps|ppm|dpi|mbps|gbps|kbps'
  ).split('|'),
);

function isCjkCode(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Letter or digit outside the CJK ranges. */
function isAlnumAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return isDigitCode(c) || isAsciiLetterCode(c);
  if (isCjkCode(c)) return false;
  return OTHER_ALNUM_RE.test(s[i] as string);
}

function isSepCode(c: number): boolean {
  return c === 45 || c === 47 || c === 46 || c === 95 || c === 43; // - / . _ +
}

const segmenters = new Map<string, Intl.Segmenter | null>();

function segmenterFor(locale: string): Intl.Segmenter | null {
  let seg = segmenters.get(locale);
  if (seg === undefined) {
    try {
      seg =
        typeof Intl !== 'undefined' && 'Segmenter' in Intl
          ? new Intl.Segmenter(locale, { granularity: 'word' })
          : null;
    } catch {
      seg = null;
    }
    segmenters.set(locale, seg);
  }
  return seg;
}

/** Classify one separator-free alphanumeric string (dots allowed inside numbers: "20.1mp", "802.11"). */
export function classifyToken(compact: string): TokenKind {
  const n = compact.length;
  if (n === 0) return 'word';
  let i = 0;
  // Leading number part: digits with at most inner dots.
  if (isDigitCode(compact.charCodeAt(0))) {
    while (i < n) {
      const c = compact.charCodeAt(i);
      if (isDigitCode(c) || (c === 46 && i + 1 < n && isDigitCode(compact.charCodeAt(i + 1)))) i++;
      else break;
    }
    if (i === n) return 'number';
    // Unit suffix made only of letters?
    let j = i;
    while (j < n && isAsciiLetterCode(compact.charCodeAt(j))) j++;
    if (j === n && QUANTITY_UNITS.has(compact.slice(i))) return 'quantity';
  }
  if (n < 3) return 'word';
  let digit = false;
  let letter = false;
  for (let k = 0; k < n; k++) {
    const c = compact.charCodeAt(k);
    if (isDigitCode(c)) digit = true;
    else if (c !== 46) letter = true;
    if (digit && letter) return 'code';
  }
  return 'word';
}

/** Is this string (already lower-cased) a model code such as "dscw800" or "kdl40ex500"? */
export function isModelCode(raw: string): boolean {
  const lower = raw.toLowerCase();
  if (!hasDigit(lower)) return false;
  const compact = lower.replace(SEP_RE, '');
  return classifyToken(compact) === 'code';
}

/**
 * Interned CJK bigram strings keyed by their two char codes (15 bits each): the same bigram is one string
 * object across titles, which saves allocation and string hashing when ranking many titles. Keys can
 * collide across Unicode blocks, so a hit is checked before use. Bounded in size.
 */
const bigramCache = new Map<number, string>();
const BIGRAM_CACHE_MAX = 200_000;

function bigramAt(run: string, i: number): string {
  const a = run.charCodeAt(i);
  const b = run.charCodeAt(i + 1);
  const key = ((a & 0x7fff) << 15) | (b & 0x7fff);
  const hit = bigramCache.get(key);
  if (hit !== undefined && hit.charCodeAt(0) === a && hit.charCodeAt(1) === b) return hit;
  const s = run.slice(i, i + 2);
  if (hit === undefined && bigramCache.size < BIGRAM_CACHE_MAX) bigramCache.set(key, s);
  return s;
}

/** Receives each token as it is found. */
export type TokenSink = (text: string, kind: TokenKind) => void;

function pushCjk(run: string, out: TokenSink, mode: CjkMode): void {
  const seg = mode === 'segmenter' ? segmenterFor(KANA_RE.test(run) ? 'ja' : 'zh') : null;
  if (!seg) {
    // Character bigrams; a lone character is its own token.
    // (CJK runs here are BMP-only, so UTF-16 indexing is per character.)
    if (run.length === 1) out(run, 'word');
    for (let i = 0; i + 1 < run.length; i++) out(bigramAt(run, i), 'word');
    return;
  }
  for (const s of seg.segment(run)) {
    if (s.isWordLike === false) continue;
    out(s.segment, 'word');
  }
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) return true;
  return false;
}

/** Emit the tokens of one alphanumeric chunk; returns the chunk without separators. */
function pushChunk(chunk: string, out: TokenSink): string {
  let sep = false;
  let nonDotSep = false;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (isSepCode(c)) {
      sep = true;
      if (c !== 46) nonDotSep = true;
    }
  }
  if (!sep) {
    out(chunk, classifyToken(chunk));
    return chunk;
  }
  if (!nonDotSep) {
    const k = classifyToken(chunk);
    if (k === 'number' || k === 'quantity') {
      out(chunk, k);
      return chunk.replace(SEP_RE, '');
    }
  }
  const parts = chunk.split(SEP_RE);
  const compact = parts.join('');
  const kind = classifyToken(compact);
  // "5-port", "107-key", "2-in-1", "8gb+256gb": numbers joined to plain words are descriptions, not codes.
  const first = parts[0] ?? '';
  const isNum = (p: string): boolean => {
    const k = classifyToken(p);
    return k === 'number' || k === 'quantity';
  };
  const numberThenWords = first !== '' && isNum(first) && parts.every((p) => isNum(p) || !hasDigit(p));
  if (kind === 'code' && !numberThenWords) out(compact, kind);
  else if (kind === 'word' && chunk.includes('-')) out(compact, 'word'); // "d-link" → "dlink"
  for (const part of parts) {
    if (part) out(part, classifyToken(part));
  }
  return compact;
}

/** Tokens of already-normalised text (see `normalizeText`). Order preserved, duplicates kept. */
export function tokenizeNormalized(norm: string, cjk: CjkMode = 'segmenter'): Token[] {
  const out: Token[] = [];
  scanTokens(norm, cjk, (text, kind) => {
    out.push({ text, kind });
  });
  return out;
}

/**
 * Stream the tokens of normalised text to `out`. Returns the text's letters and digits only (separators,
 * spaces and punctuation removed), for "code appears somewhere in the other text" checks.
 */
export function scanTokens(norm: string, cjk: CjkMode, out: TokenSink): string {
  let compact = '';
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (c >= 128 && isCjkCode(c)) {
      let j = i + 1;
      while (j < n && isCjkCode(norm.charCodeAt(j))) j++;
      const run = norm.slice(i, j);
      pushCjk(run, out, cjk);
      compact += run;
      i = j;
      continue;
    }
    if (isAlnumAt(norm, i)) {
      let j = i + 1;
      while (j < n) {
        if (isAlnumAt(norm, j)) j++;
        else if (isSepCode(norm.charCodeAt(j)) && j + 1 < n && isAlnumAt(norm, j + 1)) j += 2;
        else break;
      }
      compact += pushChunk(norm.slice(i, j), out);
      i = j;
      continue;
    }
    i++;
  }
  return compact;
}

/** Normalise then tokenise (CJK words from `Intl.Segmenter` unless `cjk` says otherwise). */
export function tokenize(text: string, cjk: CjkMode = 'segmenter'): Token[] {
  return tokenizeNormalized(normalizeText(text), cjk);
}

/** Model codes in a text, normalised (lower case, separators removed), unique, in order of appearance. */
export function extractModelCodes(text: string): string[] {
  const seen = new Set<string>();
  for (const t of tokenize(text)) if (t.kind === 'code') seen.add(t.text);
  const all = [...seen];
  // Parts of a hyphenated code ("w800" of "dsc-w800") are tokens too, but not separate codes.
  return all.filter((c) => !all.some((o) => o !== c && o.length > c.length && o.includes(c)));
}

/** Letters and digits only: "LC-42D85U 42'" → "lc42d85u42in". Used for code-in-text containment checks. */
export function compactText(norm: string): string {
  return norm.replace(/[^\p{L}\p{N}]+/gu, '');
}
