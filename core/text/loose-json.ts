/**
 * The one tolerant reader for data as pages and page-like answers write it: strict JSON (through JSON.parse,
 * the fast path) and JavaScript object literals (`window.context = {…}`, JSON-LD with mistakes): comments,
 * trailing commas and elisions, single- and back-quoted strings with every JavaScript escape, bare and numeric
 * keys, raw line breaks in strings, `undefined`/`NaN`/`!0`, hex numbers, HTML comment and CDATA wrappers.
 * It never evaluates code. Bounded in size, depth and number of values, because the text is hostile.
 *
 * Values only running the page's code could give (a variable name inside an object or array) read as null; a
 * whole text that is a bare word ("OK", "Forbidden") is not data and reads as nothing.
 */
import { readJsString } from './js-string';

export interface LooseLimits {
  /** Longest text (parseLooseJson) or literal (parseLooseLiteral) read, in characters. */
  maxLength?: number;
  /** Deepest nesting of objects and arrays. */
  maxDepth?: number;
  /** Most values in one read. */
  maxNodes?: number;
}

export interface LooseParse {
  value: unknown;
  /** Index just past the literal. */
  end: number;
}

const DEFAULT_LIMITS: Required<LooseLimits> = { maxLength: 3_000_000, maxDepth: 128, maxNodes: 300_000 };

/** Thrown inside the reader and caught at its entry points (a symbol: no cost when nothing fails). */
const FAIL = Symbol('not a loose literal');
/** A name whose value only running the page's code could give. */
const UNKNOWN = Symbol('unknown identifier');

const WS = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const NUMBER = /^(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;
const KEY = /^(?:[A-Za-z_$\u00a0-\uffff][\w$\u00a0-\uffff]*|\d+(?:\.\d+)?)/;
const WORD = /^[A-Za-z_$][\w$]*/;

class Reader {
  pos: number;
  nodes = 0;
  readonly src: string;

  constructor(
    src: string,
    start: number,
    readonly limits: Required<LooseLimits>,
  ) {
    // Reading stops where the bound does: past it the text is as good as missing.
    this.src = src.length - start > limits.maxLength ? src.slice(0, start + limits.maxLength) : src;
    this.pos = start;
  }

  /** Whitespace, comments and the wrappers pages put around inline data (<!-- … -->, CDATA). */
  skip(): void {
    const s = this.src;
    const n = s.length;
    while (this.pos < n) {
      const c = s.charCodeAt(this.pos);
      if (WS.has(c)) this.pos++;
      else if (c === 47 /* / */ && s.charCodeAt(this.pos + 1) === 47) {
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl < 0 ? n : nl + 1;
      } else if (c === 47 && s.charCodeAt(this.pos + 1) === 42 /* * */) {
        const close = s.indexOf('*/', this.pos + 2);
        if (close < 0) throw FAIL;
        this.pos = close + 2;
      } else if (c === 60 /* < */ && s.startsWith('<!--', this.pos)) this.pos += 4;
      else if (c === 60 && s.startsWith('<![CDATA[', this.pos)) this.pos += 9;
      else if (c === 45 /* - */ && s.startsWith('-->', this.pos)) this.pos += 3;
      else if (c === 93 /* ] */ && s.startsWith(']]>', this.pos)) this.pos += 3;
      else return;
    }
  }

  value(depth: number): unknown {
    if (depth > this.limits.maxDepth || ++this.nodes > this.limits.maxNodes) throw FAIL;
    this.skip();
    const s = this.src;
    const c = s[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'" || c === '`') return this.string();
    if (c === undefined) throw FAIL;
    if (c === '-' || c === '+') {
      // A signed number or infinity ("-0x1F", "-Infinity"), nothing else.
      this.pos++;
      if (s.startsWith('Infinity', this.pos)) {
        this.pos += 8;
        return null;
      }
      const v = this.number();
      return v === null ? null : c === '-' ? -v : v;
    }
    if ((c >= '0' && c <= '9') || c === '.') return this.number();
    if (c === '!' && (s[this.pos + 1] === '0' || s[this.pos + 1] === '1')) {
      // Minifiers write true as !0 and false as !1.
      this.pos += 2;
      return s[this.pos - 1] === '0';
    }
    const m = WORD.exec(s.slice(this.pos, this.pos + 128));
    if (!m) throw FAIL;
    this.pos += m[0].length;
    switch (m[0]) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
      case 'undefined':
        return undefined;
      case 'NaN':
      case 'Infinity':
        // As JSON.stringify writes them.
        return null;
      default:
        return UNKNOWN;
    }
  }

  /** A value inside an object or array: an unknown name there reads as null. */
  member(depth: number): unknown {
    const v = this.value(depth);
    return v === UNKNOWN ? null : v;
  }

  number(): number | null {
    const m = NUMBER.exec(this.src.slice(this.pos, this.pos + 400));
    if (!m) throw FAIL;
    this.pos += m[0].length;
    const n = Number(m[0]);
    return Number.isFinite(n) ? n : null;
  }

  string(): string {
    const r = readJsString(this.src, this.pos);
    if (!r) throw FAIL;
    this.pos = r.end;
    return r.value;
  }

  key(): string {
    const c = this.src[this.pos];
    if (c === '"' || c === "'") return this.string();
    const m = KEY.exec(this.src.slice(this.pos, this.pos + 256));
    if (!m) throw FAIL;
    this.pos += m[0].length;
    return m[0];
  }

  object(depth: number): Record<string, unknown> {
    this.pos++;
    const o: Record<string, unknown> = {};
    for (;;) {
      this.skip();
      const c = this.src[this.pos];
      if (c === '}') {
        this.pos++;
        return o;
      }
      if (c === ',') {
        this.pos++;
        continue;
      }
      const k = this.key();
      this.skip();
      if (this.src[this.pos] !== ':') throw FAIL;
      this.pos++;
      const v = this.member(depth + 1);
      // An own "__proto__" property, as JSON.parse makes it, never a prototype change.
      if (k === '__proto__')
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      else o[k] = v;
      this.skip();
      const sep = this.src[this.pos];
      if (sep === ',') this.pos++;
      else if (sep !== '}') throw FAIL;
    }
  }

  array(depth: number): unknown[] {
    this.pos++;
    const a: unknown[] = [];
    for (;;) {
      this.skip();
      const c = this.src[this.pos];
      if (c === ']') {
        this.pos++;
        return a;
      }
      if (c === ',') {
        // An elision ("[1,,2]") is a hole: undefined, as reading it in JavaScript gives.
        a.push(undefined);
        this.pos++;
        continue;
      }
      a.push(this.member(depth + 1));
      this.skip();
      const sep = this.src[this.pos];
      if (sep === ',') this.pos++;
      else if (sep !== ']') throw FAIL;
    }
  }
}

const limitsOf = (limits?: LooseLimits): Required<LooseLimits> =>
  limits ? { ...DEFAULT_LIMITS, ...limits } : DEFAULT_LIMITS;

/**
 * The literal (object, array, string, number, keyword) starting at `start` (whitespace and comments allowed
 * before it), and the index just past it: for data embedded in a script (`window.context=(…)(…, {…});`).
 * Null when there is none.
 */
export function parseLooseLiteral(src: string, start = 0, limits?: LooseLimits): LooseParse | null {
  if (typeof src !== 'string') return null;
  try {
    const r = new Reader(src, start, limitsOf(limits));
    const value = r.value(0);
    return value === UNKNOWN ? null : { value, end: r.pos };
  } catch (e) {
    if (e === FAIL || e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * A whole text read: strict JSON through JSON.parse, else loosely. Several top-level values (`{…}{…}`,
 * `{…};{…}`) give an array of them. Undefined when the text is not data or breaks a bound.
 */
export function parseLooseJson(text: string, limits?: LooseLimits): unknown {
  const l = limitsOf(limits);
  if (typeof text !== 'string' || text.length > l.maxLength) return undefined;
  const strict = parseStrict(text, l);
  if (strict !== NOT_STRICT) return strict;
  try {
    const r = new Reader(text, 0, l);
    const out: unknown[] = [];
    const n = text.length;
    const between = () => {
      r.skip();
      while (r.pos < n && (text[r.pos] === ';' || text[r.pos] === ',')) {
        r.pos++;
        r.skip();
      }
    };
    between();
    while (r.pos < n && out.length < 100) {
      const v = r.value(0);
      if (v === UNKNOWN) return undefined;
      out.push(v);
      between();
    }
    if (r.pos < n) return undefined;
    return out.length === 1 ? out[0] : out.length ? out : undefined;
  } catch (e) {
    if (e === FAIL || e instanceof RangeError) return undefined;
    throw e;
  }
}

const NOT_STRICT = Symbol('not strict JSON');

/**
 * `text` read by JSON.parse when it is strict JSON, held to the same bounds as the loose reader (more values
 * or deeper nesting give undefined); NOT_STRICT when it is not JSON. Numbers too large for a double read as
 * null, as the loose reader reads them.
 */
function parseStrict(text: string, limits: Required<LooseLimits>): unknown {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return NOT_STRICT;
  }
  let nodes = 0;
  const check = (x: unknown, depth: number): boolean => {
    if (depth > limits.maxDepth || ++nodes > limits.maxNodes) return false;
    if (typeof x !== 'object' || x === null) return true;
    if (Array.isArray(x)) {
      for (let k = 0; k < x.length; k++) {
        const e = x[k];
        if (typeof e === 'number' && !Number.isFinite(e)) x[k] = null;
        if (!check(e, depth + 1)) return false;
      }
      return true;
    }
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const e = o[k];
      if (typeof e === 'number' && !Number.isFinite(e))
        Object.defineProperty(o, k, { value: null, enumerable: true, writable: true, configurable: true });
      if (!check(e, depth + 1)) return false;
    }
    return true;
  };
  if (typeof v === 'number' && !Number.isFinite(v)) v = null;
  return check(v, 0) ? v : undefined;
}
