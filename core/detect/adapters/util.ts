import { parseLooseJson } from '../../text/loose-json';
import { scriptJson } from '../scripts';
import { textOf } from '../text';

/** Small helpers shared by the site adapters. */

/** Trimmed text of the first element matching any selector. */
export function pick(doc: ParentNode, selectors: string, max = 300): string | null {
  for (const sel of selectors.split('|')) {
    const t = textOf(doc.querySelector(sel), max);
    if (t) return t;
  }
  return null;
}

/** Attribute of the first element matching the selector that has it. */
export function attr(doc: ParentNode, selector: string, name: string): string | null {
  for (const el of Array.from(doc.querySelectorAll(selector)).slice(0, 20)) {
    const v = el.getAttribute(name);
    if (v?.trim()) return v.trim();
  }
  return null;
}

/** A value at a dotted path ("a.b.0.c") of parsed data. */
export function at(v: unknown, path: string): unknown {
  let cur = v;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** First object found depth-first under `v` that has all `keys`, bounded. */
export function findObj(
  v: unknown,
  keys: string[],
  budget = { n: 20_000 },
  depth = 0,
): Record<string, unknown> | null {
  if (!v || typeof v !== 'object' || depth > 12 || budget.n-- <= 0) return null;
  const o = v as Record<string, unknown>;
  if (!Array.isArray(v) && keys.every((k) => k in o)) return o;
  for (const x of Array.isArray(v) ? v.slice(0, 200) : Object.values(o)) {
    const r = findObj(x, keys, budget, depth + 1);
    if (r) return r;
  }
  return null;
}

/** Data a page script assigns after one of the markers (`window.__INITIAL_STATE__=`). */
export const pageData = (doc: Document, ...markers: string[]): unknown => scriptJson(doc, markers);

/**
 * JSON a page embeds whole in `<script id="…">` (`__NEXT_DATA__`, router data), from the first id present.
 * Some sites (Douyin) URL-encode it.
 */
export function scriptData(doc: Document, ...ids: string[]): unknown {
  for (const id of ids) {
    const raw = doc.getElementById(id)?.textContent;
    if (raw == null) continue;
    if (raw.length > 3_000_000) return undefined;
    try {
      return parseLooseJson(raw.trim().startsWith('%') ? decodeURIComponent(raw) : raw);
    } catch {
      return undefined; // malformed URL encoding
    }
  }
  return undefined;
}

/** A page-data value when it is a string. */
export const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** An id as a string (ids come as numbers or strings), or null when missing or empty. */
export const idText = (v: unknown): string | null => (v == null ? null : String(v) || null);

/** Fen/cents integer to a decimal string. */
export const fromMinor = (v: unknown, exp = 2): string | null =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? (v / 10 ** exp).toFixed(exp) : null;

/** Protocol-relative and bare image URLs as pages write them ("//img.alicdn.com/…"). */
export const img = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? (v.trim().startsWith('//') ? `https:${v.trim()}` : v.trim()) : null;

export const imgs = (list: unknown, key?: string): string[] =>
  (Array.isArray(list) ? list : [])
    .slice(0, 30)
    .map((x) => img(key && x && typeof x === 'object' ? (x as Record<string, unknown>)[key] : x))
    .filter((x): x is string => !!x);
