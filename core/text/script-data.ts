/**
 * Data found by position in a page script's text: the object assigned after a marker
 * (`window.__DATA__ = {…}`), the value written after a property name (`title: '\u4E73…'`). Read with the one
 * loose reader, so every JavaScript escape is decoded the same way wherever the data sits.
 */
import { parseLooseJson, parseLooseLiteral } from './loose-json';

const MAX_LITERAL = 3_000_000;

/**
 * The balanced `{…}` or `[…]` that starts at `start`, string- and comment-aware, or null when it is not
 * closed within `maxLength` characters. Cutting it out first lets strict JSON take JSON.parse's fast path.
 */
export function balancedAt(s: string, start: number, maxLength = MAX_LITERAL): string | null {
  const open = s[start];
  if (open !== '{' && open !== '[') return null;
  let depth = 0;
  const end = Math.min(s.length, start + maxLength);
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
 * `"product": {…}`, `x = JSON.parse("{\"k\":1}")`), read loosely. Tries the first few occurrences.
 */
export function literalAfter(text: string, marker: string, maxLength = MAX_LITERAL): unknown {
  let from = 0;
  for (let tries = 0; tries < 5; tries++) {
    const at = text.indexOf(marker, from);
    if (at < 0) return undefined;
    from = at + marker.length;
    const m = /^\s*(?:["']\s*)?(?:[:=(]|\|\|)?\s*(?:JSON\.parse\(\s*)?/.exec(text.slice(from, from + 100));
    const k = from + (m ? m[0].length : 0);
    const open = text[k];
    if (open === '{' || open === '[') {
      const blob = balancedAt(text, k, maxLength);
      const v = blob && parseLooseJson(blob, { maxLength });
      if (v && typeof v === 'object') return v;
    } else if (open === '"' || open === "'" || open === '`') {
      // JSON.parse("{\"a\":1}"): a JSON text inside a string literal.
      const inner = parseLooseLiteral(text, k, { maxLength })?.value;
      const v = typeof inner === 'string' ? parseLooseJson(inner, { maxLength }) : undefined;
      if (v && typeof v === 'object') return v;
    }
  }
  return undefined;
}

/** Where the values written after `key:` in script text start (`title: …`, `"title": …`). */
function* valuesOf(text: string, key: string): Generator<number> {
  const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?:^|[^\\w$])["']?${name}["']?\\s*:\\s*`, 'g');
  for (let tries = 0; tries < 5; tries++) {
    const m = re.exec(text);
    if (!m) return;
    yield m.index + m[0].length;
  }
}

/**
 * The value written after `key:` in script text (`title: '\u624B\u5DE5…'`, `skuid: 100012043978`) when it is
 * a string or a number, as text (a number as written, so long ids keep every digit); the first few
 * occurrences are tried. For object literals that are code, not data (functions, `new Date`), so that only
 * the wanted property is read.
 */
export function propertyText(text: string, key: string): string | null {
  for (const at of valuesOf(text, key)) {
    const r = parseLooseLiteral(text, at, { maxLength: 100_000 });
    if (typeof r?.value === 'string') return r.value;
    if (typeof r?.value === 'number') {
      const written = text.slice(at, r.end).trim();
      return /^-?\d+(?:\.\d+)?$/.test(written) ? written : String(r.value);
    }
  }
  return null;
}

/** The array written after `key:` in script text (`auctionImages: ["//img…", …]`), or null. */
export function propertyArray(text: string, key: string): unknown[] | null {
  for (const at of valuesOf(text, key)) {
    const r = text[at] === '[' ? parseLooseLiteral(text, at, { maxLength: 100_000 }) : null;
    if (Array.isArray(r?.value)) return r.value;
  }
  return null;
}
