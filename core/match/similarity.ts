/**
 * Title/text similarity: texts are prepared once (normalised, tokenised, model codes and numbers pulled
 * out, char-trigram hashes), an `IdfTable` is built from the texts of one search, and pair features are
 * computed from two prepared texts. Every feature is symmetric in its two arguments and bounded.
 */
import { normalizeText } from './normalize';
import { type CjkMode, scanTokens, type TokenKind } from './tokens';

export interface PreparedText {
  /** Normalised text. */
  norm: string;
  /** Letters and digits of `norm` only, for "code appears somewhere in the other text" checks. */
  compact: string;
  /** Unique tokens. */
  tokens: string[];
  /** Kind of each token in `tokens`. */
  kinds: TokenKind[];
  /** Model codes (subset of tokens), unique. */
  codes: string[];
  /** Numbers and quantities (subset of tokens), unique. */
  numbers: string[];
  /** Unique hashes of the character trigrams of `norm` (unordered). */
  grams: number[];
  /** Lazily built token → index map (internal). */
  pos?: Map<string, number>;
  /** Token weights under the last IDF table used with this text (internal cache). */
  weights?: TokenWeights;
  /** Token ids in the last IDF table built from this text (internal cache). */
  idRef?: { idf: IdfTable; ids: number[] };
}

/** Per-text token weights under one IDF table. */
export interface TokenWeights {
  idf: IdfTable;
  /** IDF × kind boost per token. */
  w: number[];
  /** Plain IDF per token. */
  base: number[];
  sum: number;
  sum2: number;
  word2: number;
}

export interface PrepareOptions {
  /** CJK tokenisation (default 'bigram', see `CjkMode`). */
  cjk?: CjkMode;
}

/** Plural-stripping for longer Latin words: "collectors" → "collector" (not "glass", not "gps"). */
function stem(word: string): string {
  const n = word.length;
  if (n > 3 && word.charCodeAt(n - 1) === 115 /* s */) {
    const prev = word.charCodeAt(n - 2);
    if (prev !== 115 && prev !== 117 /* u */ && prev !== 105 /* i */ && prev < 128) return word.slice(0, -1);
  }
  return word;
}

// Scratch open-addressing hash set (generation-stamped, so clearing is O(1)) for trigram hashes.
let setKeys = new Uint32Array(1024);
let setStamp = new Uint32Array(1024);
let setGen = 0;

function resetSet(minItems: number): number {
  setOwner = null;
  let size = setKeys.length;
  if (size < minItems * 2) {
    while (size < minItems * 2) size *= 2;
    setKeys = new Uint32Array(size);
    setStamp = new Uint32Array(size);
    setGen = 0;
  }
  setGen++;
  if (setGen === 0xffffffff) {
    setStamp.fill(0);
    setGen = 1;
  }
  return size - 1;
}

/** Insert into the scratch set; true when newly added. */
function setAdd(h: number, mask: number): boolean {
  let i = (h ^ (h >>> 15)) & mask;
  while (setStamp[i] === setGen) {
    if (setKeys[i] === h) return false;
    i = (i + 1) & mask;
  }
  setStamp[i] = setGen;
  setKeys[i] = h;
  return true;
}

function setHas(h: number, mask: number): boolean {
  let i = (h ^ (h >>> 15)) & mask;
  while (setStamp[i] === setGen) {
    if (setKeys[i] === h) return true;
    i = (i + 1) & mask;
  }
  return false;
}

/** Unique hashes of the character trigrams of ` norm ` (unordered). */
function trigramHashes(norm: string): number[] {
  // Trigrams of " norm " without building the padded string. 30-bit hashes stay small integers, so a
  // plain array holds them unboxed (cheaper than allocating a typed array per text).
  const n = norm.length + 2;
  const out: number[] = [];
  const mask = resetSet(n);
  let a = 32;
  let b = norm.length > 0 ? norm.charCodeAt(0) : 32;
  for (let i = 2; i < n; i++) {
    const c = i - 1 < norm.length ? norm.charCodeAt(i - 1) : 32;
    const h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) & 0x3fffffff;
    if (setAdd(h, mask)) out.push(h);
    a = b;
    b = c;
  }
  return out;
}

// Token collection state for `prepareText` (module-level so the sink is not a fresh closure per call).
const seenTokens = new Set<string>();
let curTokens: string[] = [];
let curKinds: TokenKind[] = [];
let curCodes: string[] = [];
let curNumbers: string[] = [];

function collectToken(text: string, kind: TokenKind): void {
  const key = kind === 'word' ? stem(text) : text;
  const n = curTokens.length;
  if (n < 12) {
    // Short titles: a linear scan beats hashing freshly sliced strings.
    for (let i = 0; i < n; i++) if (curTokens[i] === key) return;
    if (n === 11) for (const t of curTokens) seenTokens.add(t);
  } else if (seenTokens.has(key)) return;
  if (n >= 11) seenTokens.add(key);
  curTokens.push(key);
  curKinds.push(kind);
  if (kind === 'code') curCodes.push(key);
  else if (kind === 'number' || kind === 'quantity') curNumbers.push(key);
}

/** Normalise and tokenise a text once so it can be compared against many others. */
export function prepareText(text: string, opts: PrepareOptions = {}): PreparedText {
  const norm = normalizeText(text);
  const tokens: string[] = [];
  const kinds: TokenKind[] = [];
  const codes: string[] = [];
  const numbers: string[] = [];
  curTokens = tokens;
  curKinds = kinds;
  curCodes = codes;
  curNumbers = numbers;
  seenTokens.clear();
  const compact = scanTokens(norm, opts.cjk ?? 'bigram', collectToken);
  return { norm, compact, tokens, kinds, codes, numbers, grams: trigramHashes(norm) };
}

/** Document frequencies over the texts of one search (or one training corpus). */
export interface IdfTable {
  /** Number of texts. */
  n: number;
  /** Token → dense id. */
  ids: Map<string, number>;
  /** Document frequency per id. */
  counts: number[];
  /** IDF value per id, filled on first use. */
  values?: Float64Array;
}

/**
 * Build an IDF table; texts may be raw strings or already prepared (prepare with the same options you
 * score with). Each text counts once per token. Prepared texts remember their token ids in this table, so
 * their weights need no further look-ups.
 */
export function buildIdf(texts: Iterable<string | PreparedText>, opts: PrepareOptions = {}): IdfTable {
  const table: IdfTable = { n: 0, ids: new Map(), counts: [] };
  const { ids, counts } = table;
  for (const t of texts) {
    const p = typeof t === 'string' ? prepareText(t, opts) : t;
    table.n++;
    const toks = p.tokens;
    const tokIds = new Array<number>(toks.length);
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i] as string;
      let id = ids.get(tok);
      if (id === undefined) {
        id = counts.length;
        ids.set(tok, id);
        counts.push(1);
      } else counts[id] = (counts[id] as number) + 1;
      tokIds[i] = id;
    }
    if (typeof t !== 'string') p.idRef = { idf: table, ids: tokIds };
  }
  return table;
}

/** Number of texts of the table containing `token`. */
export function documentFrequency(idf: IdfTable, token: string): number {
  const id = idf.ids.get(token);
  return id === undefined ? 0 : (idf.counts[id] as number);
}

function idfFromCount(n: number, df: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/** Smoothed inverse document frequency; unseen tokens get the maximum. */
export function idfOf(idf: IdfTable, token: string): number {
  return idfFromCount(idf.n, documentFrequency(idf, token));
}

function idfValues(idf: IdfTable): Float64Array {
  let v = idf.values;
  if (!v || v.length !== idf.counts.length) {
    v = new Float64Array(idf.counts.length);
    for (let i = 0; i < v.length; i++) v[i] = idfFromCount(idf.n, idf.counts[i] as number);
    idf.values = v;
  }
  return v;
}

function maxIdf(idf: IdfTable): number {
  return Math.log(idf.n + 1) + 1;
}

const KIND_BOOST: Record<TokenKind, number> = { word: 1, number: 1.5, quantity: 1.5, code: 3 };

/** Token weights of a prepared text under an IDF table, cached on the text for the last table used. */
export function weightsOf(p: PreparedText, idf: IdfTable): TokenWeights {
  const cached = p.weights;
  if (cached && cached.idf === idf) return cached;
  const n = p.tokens.length;
  const w = new Array<number>(n);
  const base = new Array<number>(n);
  let sum = 0;
  let sum2 = 0;
  let word2 = 0;
  const ref = p.idRef && p.idRef.idf === idf ? p.idRef.ids : null;
  const values = idfValues(idf);
  const top = maxIdf(idf);
  for (let i = 0; i < n; i++) {
    let b: number;
    if (ref) b = values[ref[i] as number] as number;
    else {
      const id = idf.ids.get(p.tokens[i] as string);
      b = id === undefined ? top : (values[id] as number);
    }
    const kind = p.kinds[i] as TokenKind;
    const x = b * KIND_BOOST[kind];
    base[i] = b;
    w[i] = x;
    sum += x;
    sum2 += x * x;
    if (kind === 'word') word2 += x * x;
  }
  const out: TokenWeights = { idf, w, base, sum, sum2, word2 };
  p.weights = out;
  return out;
}

function positions(p: PreparedText): Map<string, number> {
  let m = p.pos;
  if (!m) {
    m = new Map();
    for (let i = 0; i < p.tokens.length; i++) m.set(p.tokens[i] as string, i);
    p.pos = m;
  }
  return m;
}

/** Similarity of two short strings from Levenshtein distance, in [0, 1]. */
export function editSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      const sub = (prev[j - 1] as number) + cost;
      cur[j] = Math.min(del, ins, sub);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return 1 - (prev[m] as number) / Math.max(n, m);
}

/** Grams currently loaded in the scratch set (reused while one text is compared against many). */
let setOwner: number[] | null = null;

/** Dice coefficient of character trigrams. */
export function trigramDice(a: PreparedText, b: PreparedText): number {
  const total = a.grams.length + b.grams.length;
  if (total === 0) return 0;
  let inSet: number[];
  let probe: number[];
  if (setOwner === a.grams || setOwner === b.grams) {
    inSet = setOwner;
    probe = setOwner === a.grams ? b.grams : a.grams;
  } else {
    const aSmall = a.grams.length <= b.grams.length;
    inSet = aSmall ? a.grams : b.grams;
    probe = aSmall ? b.grams : a.grams;
  }
  if (inSet !== setOwner) {
    const mask = resetSet(inSet.length);
    for (let i = 0; i < inSet.length; i++) setAdd(inSet[i] as number, mask);
    setOwner = inSet;
  }
  const mask = setKeys.length - 1;
  let k = 0;
  for (let i = 0; i < probe.length; i++) if (setHas(probe[i] as number, mask)) k++;
  return (2 * k) / total;
}

/** Does a code of `a` (at least 4 chars) occur inside the other text's letters+digits? Longest such length. */
function longestCodeIn(a: PreparedText, b: PreparedText): number {
  let best = 0;
  for (const c of a.codes) if (c.length >= 4 && c.length > best && b.compact.includes(c)) best = c.length;
  return best;
}

function unitOf(q: string): string {
  let i = 0;
  while (i < q.length) {
    const c = q.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46) i++;
    else break;
  }
  return q.slice(i);
}

/** Same unit with a different value on both sides and no agreeing value for that unit: "32gb" vs "16gb". */
function unitConflict(xs: string[], ys: string[]): boolean {
  for (const x of xs) {
    const unit = unitOf(x);
    if (!unit || ys.includes(x)) continue;
    let otherHasUnit = false;
    let agree = false;
    for (const y of ys) {
      if (unitOf(y) !== unit) continue;
      otherHasUnit = true;
      if (xs.includes(y)) agree = true;
    }
    if (otherHasUnit && !agree) return true;
  }
  return false;
}

/** Names of the features `pairFeatures` returns, in order. */
export const PAIR_FEATURE_NAMES = [
  'cos',
  'wjacc',
  'minContain',
  'maxContain',
  'jacc',
  'tri',
  'codeBoth',
  'codeOne',
  'codeShared',
  'codeBest',
  'codeInText',
  'codeInTextLen',
  'codeConflict',
  'numJacc',
  'numConflict',
  'numBoth',
  'maxMissIdf',
  'missWeight',
  'lenRatio',
  'firstTok',
  'wordCos',
] as const;

export const PAIR_FEATURE_COUNT = PAIR_FEATURE_NAMES.length;

/** Sentinel for "not applicable" features (all real values are ≥ 0). */
export const MISSING = -1;

let matchedBuf = new Uint8Array(64);
/**
 * Symmetric similarity features of two prepared texts under an IDF table, written into `out` at `offset`
 * (PAIR_FEATURE_COUNT values). Values are in [0, 1] or MISSING (-1) when not applicable.
 */
export function pairFeaturesInto(
  a: PreparedText,
  b: PreparedText,
  idf: IdfTable,
  out: Float64Array | number[],
  offset = 0,
): void {
  const top = maxIdf(idf);
  // Weighted token overlap: iterate one side and look its tokens up in the other side's index. Prefer a
  // side whose index already exists (the product title when ranking many offers), else the longer side.
  const swap =
    a.pos !== undefined && b.pos === undefined
      ? true
      : b.pos !== undefined && a.pos === undefined
        ? false
        : b.tokens.length < a.tokens.length;
  const small = swap ? b : a;
  const large = swap ? a : b;
  const ws = weightsOf(small, idf);
  const wl = weightsOf(large, idf);
  const posL = positions(large);
  if (matchedBuf.length < large.tokens.length) matchedBuf = new Uint8Array(large.tokens.length * 2);
  const matched = matchedBuf;
  matched.fill(0, 0, large.tokens.length);
  let inter = 0;
  let inter2 = 0;
  let interWord2 = 0;
  let shared = 0;
  let maxMissSmall = 0;
  for (let i = 0; i < small.tokens.length; i++) {
    const j = posL.get(small.tokens[i] as string);
    const w = ws.w[i] as number;
    if (j !== undefined) {
      matched[j] = 1;
      inter += w;
      inter2 += w * w;
      shared++;
      if (small.kinds[i] === 'word') interWord2 += w * w;
    } else {
      const bse = ws.base[i] as number;
      if (bse > maxMissSmall) maxMissSmall = bse;
    }
  }
  let maxMissLarge = 0;
  for (let j = 0; j < large.tokens.length; j++) {
    if (matched[j]) continue;
    const bse = wl.base[j] as number;
    if (bse > maxMissLarge) maxMissLarge = bse;
  }
  const wa = ws.sum;
  const wb = wl.sum;
  const wa2 = ws.sum2;
  const wb2 = wl.sum2;
  const waWord2 = ws.word2;
  const wbWord2 = wl.word2;
  const maxMissA = maxMissSmall;
  const maxMissB = maxMissLarge;
  // Sums of the same weights taken in another order can leave a hair below zero (-4e-16 for two texts of the
  // same words in another order): nothing is missing then.
  const missWeight = Math.max(0, wa + wb - 2 * inter);
  const union = wa + wb - inter;
  const cos = wa2 > 0 && wb2 > 0 ? inter2 / Math.sqrt(wa2 * wb2) : 0;
  const wordCos = waWord2 > 0 && wbWord2 > 0 ? interWord2 / Math.sqrt(waWord2 * wbWord2) : MISSING;
  const wjacc = union > 0 ? inter / union : 0;
  const ca = wa > 0 ? inter / wa : 0;
  const cb = wb > 0 ? inter / wb : 0;
  const nUnion = a.tokens.length + b.tokens.length - shared;
  const jacc = nUnion > 0 ? shared / nUnion : 0;

  // Model codes.
  const hasA = a.codes.length > 0;
  const hasB = b.codes.length > 0;
  let codeShared = 0;
  let codeBest: number = MISSING;
  if (hasA && hasB) {
    codeBest = 0;
    for (const x of a.codes) {
      for (const y of b.codes) {
        if (x === y) {
          codeShared = 1;
          codeBest = 1;
        } else if (codeBest < 1) {
          const s = editSimilarity(x, y);
          if (s > codeBest) codeBest = s;
        }
      }
    }
  }
  const inAB = longestCodeIn(a, b);
  const inBA = longestCodeIn(b, a);
  const inLen = Math.max(inAB, inBA);
  const codeInText = hasA || hasB ? (inLen > 0 ? 1 : 0) : MISSING;
  const codeConflict = hasA && hasB ? (codeShared === 0 && inLen === 0 && codeBest < 0.5 ? 1 : 0) : MISSING;

  // Numbers and quantities.
  let numJacc: number = MISSING;
  let numConflict: number = MISSING;
  const numBoth = a.numbers.length > 0 && b.numbers.length > 0 ? 1 : 0;
  if (numBoth) {
    let same = 0;
    const bn = new Set(b.numbers);
    for (const x of a.numbers) if (bn.has(x)) same++;
    numJacc = same / (a.numbers.length + b.numbers.length - same);
    numConflict = unitConflict(a.numbers, b.numbers) || unitConflict(b.numbers, a.numbers) ? 1 : 0;
  }

  const la = a.tokens.length;
  const lb = b.tokens.length;
  const firstTok = la > 0 && lb > 0 ? (a.tokens[0] === b.tokens[0] ? 1 : 0) : MISSING;

  const o = offset;
  out[o] = cos;
  out[o + 1] = wjacc;
  out[o + 2] = Math.min(ca, cb);
  out[o + 3] = Math.max(ca, cb);
  out[o + 4] = jacc;
  out[o + 5] = trigramDice(a, b);
  out[o + 6] = hasA && hasB ? 1 : 0;
  out[o + 7] = hasA !== hasB ? 1 : 0;
  out[o + 8] = codeShared;
  out[o + 9] = codeBest;
  out[o + 10] = codeInText;
  out[o + 11] = Math.min(inLen, 16) / 16;
  out[o + 12] = codeConflict;
  out[o + 13] = numJacc;
  out[o + 14] = numConflict;
  out[o + 15] = numBoth;
  out[o + 16] = Math.max(maxMissA, maxMissB) / top;
  out[o + 17] = union > 0 ? missWeight / union : 0;
  out[o + 18] = Math.max(la, lb) > 0 ? Math.min(la, lb) / Math.max(la, lb) : 0;
  out[o + 19] = firstTok;
  out[o + 20] = wordCos;
}

/** Features of two prepared texts as a fresh array. */
export function pairFeatures(a: PreparedText, b: PreparedText, idf: IdfTable): number[] {
  const out = new Array<number>(PAIR_FEATURE_COUNT).fill(0);
  pairFeaturesInto(a, b, idf, out, 0);
  return out;
}

/** Plain IDF-weighted cosine similarity of two texts, in [0, 1]. */
export function idfCosine(a: PreparedText, b: PreparedText, idf: IdfTable): number {
  const f = pairFeatures(a, b, idf);
  return f[0] as number;
}
