/**
 * Tolerant reader for JSON as pages really write it (JSON-LD blobs, data assigned in inline scripts):
 * comments, trailing commas, raw newlines in strings, single quotes, unquoted keys, `undefined`/`NaN`,
 * HTML comment and CDATA wrappers. Never executes anything; bounded by size, depth and node count.
 */

const FAIL = new Error('json');
const WS = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0xfeff, 0x2028, 0x2029]);
const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Parse `text`; several top-level values give an array. Undefined when it cannot be read. */
export function parseLoose(text: string, maxLen = 2_000_000, maxNodes = 200_000): unknown {
  if (typeof text !== 'string' || text.length > maxLen) return undefined;
  // Most blobs are strict JSON: the native parser reads them to the same values, many times faster (then
  // the same depth and node bounds as below).
  const strict = parseStrict(text, maxNodes);
  if (strict !== NOT_STRICT) return strict;
  const s = text;
  const n = s.length;
  let i = 0;
  let nodes = 0;

  const ws = (): void => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (WS.has(c) || c === 59 /* ; */) i++;
      else if (c === 47 && s.charCodeAt(i + 1) === 47) {
        const e = s.indexOf('\n', i);
        i = e < 0 ? n : e;
      } else if (c === 47 && s.charCodeAt(i + 1) === 42) {
        const e = s.indexOf('*/', i + 2);
        i = e < 0 ? n : e + 2;
      } else if (c === 60 && s.startsWith('<!--', i)) i += 4;
      else if (c === 60 && s.startsWith('<![CDATA[', i)) i += 9;
      else if (c === 45 && s.startsWith('-->', i)) i += 3;
      else if (c === 93 && s.startsWith(']]>', i)) i += 3;
      else return;
    }
  };

  const string = (q: string): string => {
    i++;
    let out = '';
    let start = i;
    while (i < n) {
      const c = s[i];
      if (c === q) {
        out += s.slice(start, i);
        i++;
        return out;
      }
      if (c === '\\') {
        out += s.slice(start, i);
        const e = s[i + 1] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
          out += String.fromCharCode(Number.parseInt(s.slice(i + 2, i + 4), 16));
          i += 4;
        } else {
          out += ESC[e] ?? (e === '\n' || e === '\r' ? '' : e);
          i += 2;
        }
        start = i;
      } else i++;
    }
    throw FAIL;
  };

  const word = (): string => {
    const m = /^[A-Za-z_$][\w$]*|^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m) throw FAIL;
    i += m[0].length;
    return m[0];
  };

  const value = (depth: number): unknown => {
    if (depth > 64 || ++nodes > maxNodes) throw FAIL;
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      const o: Record<string, unknown> = {};
      for (;;) {
        ws();
        if (s[i] === '}') {
          i++;
          return o;
        }
        if (s[i] === ',') {
          i++;
          continue;
        }
        const k = s[i] === '"' || s[i] === "'" ? string(s[i] as string) : word();
        ws();
        if (s[i] !== ':') throw FAIL;
        i++;
        const v = value(depth + 1);
        // An own "__proto__" property like JSON.parse makes, never a prototype change.
        if (k === '__proto__')
          Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
        else o[k] = v;
        ws();
        if (s[i] === ',') i++;
        else if (s[i] !== '}') throw FAIL;
      }
    }
    if (c === '[') {
      i++;
      const a: unknown[] = [];
      for (;;) {
        ws();
        if (s[i] === ']') {
          i++;
          return a;
        }
        if (s[i] === ',') {
          i++;
          continue;
        }
        a.push(value(depth + 1));
        ws();
        if (s[i] === ',') i++;
        else if (s[i] !== ']') throw FAIL;
      }
    }
    if (c === '"' || c === "'") return string(c);
    if (c === undefined) throw FAIL;
    const w = word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    const num = Number(w);
    // Unknown identifiers (`undefined`, `NaN`, a variable name) read as null.
    return Number.isFinite(num) ? num : null;
  };

  try {
    const out: unknown[] = [];
    ws();
    while (i < n && out.length < 100) {
      out.push(value(0));
      ws();
      if (s[i] === ',') i++;
    }
    return out.length === 1 ? out[0] : out.length ? out : undefined;
  } catch {
    return undefined;
  }
}

const NOT_STRICT = Symbol('not strict JSON');

/**
 * `text` read by JSON.parse when it is strict JSON, checked against the loose reader's bounds (more than
 * `maxNodes` values or nesting deeper than 64 give undefined, as there); NOT_STRICT when it is not JSON.
 * Numbers too large for a double read as null, as the loose reader reads them.
 */
function parseStrict(text: string, maxNodes: number): unknown {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return NOT_STRICT;
  }
  let nodes = 0;
  const check = (x: unknown, depth: number): boolean => {
    if (depth > 64 || ++nodes > maxNodes) return false;
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

/**
 * The balanced `{…}` or `[…]` that starts at `start`, string- and comment-aware, or null when it is not
 * closed within `maxLen` characters.
 */
export function balancedAt(s: string, start: number, maxLen = 3_000_000): string | null {
  const open = s[start];
  if (open !== '{' && open !== '[') return null;
  let depth = 0;
  const end = Math.min(s.length, start + maxLen);
  for (let i = start; i < end; i++) {
    const c = s[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < end && s[i] !== c; i++) if (s[i] === '\\') i++;
    } else if (c === '/' && s[i + 1] === '*') {
      const e = s.indexOf('*/', i + 2);
      if (e < 0) return null;
      i = e + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return s.slice(start, i + 1);
    }
  }
  return null;
}

/**
 * The object or array assigned right after `marker` in script text (`window.__DATA__ = {…}`,
 * `"product": {…}`), read tolerantly. Tries the first few occurrences of the marker.
 */
export function jsonAfter(text: string, marker: string, maxLen = 3_000_000): unknown {
  let from = 0;
  for (let tries = 0; tries < 5; tries++) {
    const at = text.indexOf(marker, from);
    if (at < 0) return undefined;
    from = at + marker.length;
    const m = /^\s*(?:["']\s*)?(?:[:=(]|\|\|)?\s*(?:JSON\.parse\(\s*)?/.exec(text.slice(from, from + 100));
    const k = from + (m ? m[0].length : 0);
    const open = text[k];
    if (open === '{' || open === '[') {
      const blob = balancedAt(text, k, maxLen);
      const v = blob && parseLoose(blob, maxLen);
      if (v && typeof v === 'object') return v;
    } else if (open === '"' || open === "'") {
      // JSON.parse("{\"a\":1}") — a JSON text inside a string literal.
      const inner = parseLoose(balancedString(text, k, maxLen) ?? '', maxLen);
      const v = typeof inner === 'string' ? parseLoose(inner, maxLen) : undefined;
      if (v && typeof v === 'object') return v;
    }
  }
  return undefined;
}

function balancedString(s: string, start: number, maxLen: number): string | null {
  const q = s[start];
  const end = Math.min(s.length, start + maxLen);
  for (let i = start + 1; i < end; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === q) return s.slice(start, i + 1);
  }
  return null;
}

/** Text of inline scripts (no src), bounded in count and total size. */
export function scriptTexts(doc: Document, maxTotal = 12_000_000): string[] {
  const out: string[] = [];
  let total = 0;
  const all = doc.querySelectorAll('script:not([src])');
  for (let k = 0; k < all.length && k < 400; k++) {
    const t = all[k]?.textContent ?? '';
    if (t.length < 20) continue;
    total += t.length;
    if (total > maxTotal) break;
    out.push(t);
  }
  return out;
}

/** First object assigned after any of `markers` in any inline script. */
export function scriptJson(doc: Document, markers: string[], scripts = scriptTexts(doc)): unknown {
  for (const t of scripts)
    for (const m of markers) {
      if (!t.includes(m)) continue;
      const v = jsonAfter(t, m);
      if (v) return v;
    }
  return undefined;
}
