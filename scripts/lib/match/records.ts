/**
 * Attribute records (as in the Ditto / DeepMatcher entity-matching benchmarks) and their pair features.
 * Attributes differ per data set, so features are generic: whole-record text similarity, similarity of the
 * primary attribute (the first one: title/name), per-attribute similarity where both sides have a value,
 * numeric ratios for numeric attributes (price), and directional "model code of one side found in the
 * other's text" checks.
 */
import {
  buildIdf,
  type IdfTable,
  idfOf,
  MISSING,
  PAIR_FEATURE_COUNT,
  PAIR_FEATURE_NAMES,
  type PreparedText,
  pairFeaturesInto,
  prepareText,
  trigramDice,
} from '../../../core/match/similarity';

/** A record: attribute name → raw value (possibly empty), in source order. */
export type RecordAttrs = [name: string, value: string][];

export interface LabelledPair {
  left: RecordAttrs;
  right: RecordAttrs;
  /** Raw serialised sides, usable as identity keys. */
  leftKey: string;
  rightKey: string;
  label: number;
}

/** Parse one side of a Ditto line: `COL <attr> VAL <value> COL <attr> VAL <value> …`. */
export function parseDittoRecord(side: string): RecordAttrs {
  const out: RecordAttrs = [];
  const re = /(?:^|\s)COL\s+(\S+)\s+VAL(?=\s|$)/g;
  const marks: { name: string; start: number; end: number }[] = [];
  for (const m of side.matchAll(re)) {
    marks.push({ name: m[1] as string, start: m.index as number, end: (m.index as number) + m[0].length });
  }
  if (marks.length === 0) {
    const v = side.trim();
    return v ? [['title', v]] : [];
  }
  for (let i = 0; i < marks.length; i++) {
    const cur = marks[i] as { name: string; start: number; end: number };
    const stop = i + 1 < marks.length ? (marks[i + 1] as { start: number }).start : side.length;
    out.push([cur.name, side.slice(cur.end, stop).trim()]);
  }
  return out;
}

/** Parse a Ditto pair file (`<left>\t<right>\t<label>` per line). Blank or malformed lines are skipped. */
export function parseDittoPairs(text: string): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const parts = line.split('\t');
    if (parts.length < 3) continue;
    const label = Number.parseInt((parts[2] as string).trim(), 10);
    if (label !== 0 && label !== 1) continue;
    const leftKey = parts[0] as string;
    const rightKey = parts[1] as string;
    out.push({
      left: parseDittoRecord(leftKey),
      right: parseDittoRecord(rightKey),
      leftKey,
      rightKey,
      label,
    });
  }
  return out;
}

export interface RecordSchema {
  /** Attribute names in first-seen order; the first is the primary (title/name) attribute. */
  attrs: string[];
  /** Whether each attribute is numeric (most non-empty values parse as numbers). */
  numeric: boolean[];
}

const NUMERIC_RE = /^\s*[$€£¥]?\s*\d[\d,]*(?:\.\d+)?\s*$/;

function parseNumeric(v: string): number | null {
  if (!NUMERIC_RE.test(v)) return null;
  const n = Number.parseFloat(v.replace(/[$€£¥,\s]/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** Infer the attribute list and which attributes are numeric from some records. */
export function inferSchema(records: Iterable<RecordAttrs>): RecordSchema {
  const attrs: string[] = [];
  const counts = new Map<string, { filled: number; numeric: number }>();
  for (const rec of records) {
    for (const [name, value] of rec) {
      let c = counts.get(name);
      if (!c) {
        c = { filled: 0, numeric: 0 };
        counts.set(name, c);
        attrs.push(name);
      }
      if (value.trim()) {
        c.filled++;
        if (parseNumeric(value) !== null) c.numeric++;
      }
    }
  }
  const numeric = attrs.map((a) => {
    const c = counts.get(a);
    return !!c && c.filled > 0 && c.numeric / c.filled >= 0.8;
  });
  return { attrs, numeric };
}

export interface PreparedRecord {
  /** Prepared text per schema attribute (null when empty or numeric). */
  texts: (PreparedText | null)[];
  /** Parsed value per schema attribute (null unless numeric and present). */
  numbers: (number | null)[];
  /** All non-numeric attribute values joined. */
  whole: PreparedText;
}

export function prepareRecord(rec: RecordAttrs, schema: RecordSchema): PreparedRecord {
  const values = new Map<string, string>();
  for (const [name, value] of rec) {
    const prev = values.get(name);
    values.set(name, prev ? `${prev} ${value}` : value);
  }
  const texts: (PreparedText | null)[] = [];
  const numbers: (number | null)[] = [];
  const wholeParts: string[] = [];
  schema.attrs.forEach((name, i) => {
    const v = (values.get(name) ?? '').trim();
    if (schema.numeric[i]) {
      texts.push(null);
      numbers.push(v ? parseNumeric(v) : null);
      return;
    }
    numbers.push(null);
    if (!v) {
      texts.push(null);
      return;
    }
    wholeParts.push(v);
    texts.push(prepareText(v));
  });
  // Attributes outside the schema still count towards the whole-record text.
  for (const [name, value] of values)
    if (!schema.attrs.includes(name) && value.trim()) wholeParts.push(value);
  return { texts, numbers, whole: prepareText(wholeParts.join(' ')) };
}

/** Weighted fraction of `a`'s tokens present in `b`. */
function containment(a: PreparedText, b: PreparedText, idf: IdfTable): number {
  let total = 0;
  let hit = 0;
  const bs = new Set(b.tokens);
  for (const t of a.tokens) {
    const w = idfOf(idf, t);
    total += w;
    if (bs.has(t)) hit += w;
  }
  return total > 0 ? hit / total : 0;
}

/** Longest model code of `a` (≥ 4 chars) found in `b`'s letters+digits, scaled to [0, 1]; MISSING if `a` has none. */
function codeFoundIn(a: PreparedText, b: PreparedText): number {
  let has = false;
  let best = 0;
  for (const c of a.codes) {
    if (c.length < 4) continue;
    has = true;
    if (c.length > best && b.compact.includes(c)) best = c.length;
  }
  return has ? Math.min(best, 16) / 16 : MISSING;
}

const ATTR_FEATURES = ['cos', 'tri', 'minContain', 'maxContain', 'codeInText', 'numJacc', 'filled'] as const;

/** Feature names for a schema, in the order `recordFeaturesInto` writes them. */
export function recordFeatureNames(schema: RecordSchema): string[] {
  const names: string[] = [];
  for (const n of PAIR_FEATURE_NAMES) names.push(`whole.${n}`);
  for (const n of PAIR_FEATURE_NAMES) names.push(`primary.${n}`);
  names.push(
    'primaryInWhole.min',
    'primaryInWhole.max',
    'codeL→R',
    'codeR→L',
    'wholeContainL',
    'wholeContainR',
  );
  schema.attrs.forEach((a, i) => {
    if (i === 0) return;
    if (schema.numeric[i]) names.push(`${a}.ratio`, `${a}.logdiff`, `${a}.filled`);
    else for (const f of ATTR_FEATURES) names.push(`${a}.${f}`);
  });
  return names;
}

const scratch = new Float64Array(PAIR_FEATURE_COUNT);

/** Write the feature vector of a record pair into `out` at `offset`. */
export function recordFeaturesInto(
  l: PreparedRecord,
  r: PreparedRecord,
  schema: RecordSchema,
  idf: IdfTable,
  out: Float64Array,
  offset: number,
): number {
  let o = offset;
  pairFeaturesInto(l.whole, r.whole, idf, out, o);
  o += PAIR_FEATURE_COUNT;
  const lp = schema.numeric[0] ? null : l.texts[0];
  const rp = schema.numeric[0] ? null : r.texts[0];
  if (lp && rp) pairFeaturesInto(lp, rp, idf, out, o);
  else out.fill(MISSING, o, o + PAIR_FEATURE_COUNT);
  o += PAIR_FEATURE_COUNT;
  if (lp && rp) {
    const x = containment(lp, r.whole, idf);
    const y = containment(rp, l.whole, idf);
    out[o++] = Math.min(x, y);
    out[o++] = Math.max(x, y);
  } else {
    out[o++] = MISSING;
    out[o++] = MISSING;
  }
  out[o++] = codeFoundIn(l.whole, r.whole);
  out[o++] = codeFoundIn(r.whole, l.whole);
  out[o++] = containment(l.whole, r.whole, idf);
  out[o++] = containment(r.whole, l.whole, idf);
  for (let i = 1; i < schema.attrs.length; i++) {
    if (schema.numeric[i]) {
      const a = l.numbers[i] ?? null;
      const b = r.numbers[i] ?? null;
      if (a !== null && b !== null && a > 0 && b > 0) {
        out[o++] = Math.min(a, b) / Math.max(a, b);
        out[o++] = Math.min(Math.abs(Math.log(a / b)), 5) / 5;
      } else {
        out[o++] = MISSING;
        out[o++] = MISSING;
      }
      out[o++] = (a !== null ? 1 : 0) + (b !== null ? 1 : 0);
      continue;
    }
    const a = l.texts[i] ?? null;
    const b = r.texts[i] ?? null;
    if (a && b) {
      pairFeaturesInto(a, b, idf, scratch, 0);
      out[o++] = scratch[0] as number; // cos
      out[o++] = trigramDice(a, b);
      out[o++] = scratch[2] as number; // minContain
      out[o++] = scratch[3] as number; // maxContain
      out[o++] = scratch[10] as number; // codeInText
      out[o++] = scratch[13] as number; // numJacc
    } else {
      for (let k = 0; k < ATTR_FEATURES.length - 1; k++) out[o++] = MISSING;
    }
    out[o++] = (a ? 1 : 0) + (b ? 1 : 0);
  }
  return o - offset;
}

/** Prepared records, deduplicated by their raw serialisation, plus the IDF table over all of them. */
export class RecordStore {
  readonly schema: RecordSchema;
  private readonly cache = new Map<string, PreparedRecord>();

  constructor(schema: RecordSchema) {
    this.schema = schema;
  }

  get(key: string, rec: RecordAttrs): PreparedRecord {
    let p = this.cache.get(key);
    if (!p) {
      p = prepareRecord(rec, this.schema);
      this.cache.set(key, p);
    }
    return p;
  }

  /** IDF over the whole-record text of every distinct record seen so far. */
  idf(): IdfTable {
    return buildIdf([...this.cache.values()].map((p) => p.whole));
  }
}
