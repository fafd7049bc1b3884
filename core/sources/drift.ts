/**
 * Noticing when a source changes its answers. Real sites change without notice; a parser that silently finds
 * nothing would show "no offers" for a search that has thousands. So every parser says which of its expected
 * shapes it recognised, and an answer that is well-formed (HTTP 200, no wall, the call succeeded) but matches
 * none of them — or whose items mostly lack a field every offer must have — becomes the state `unrecognised`,
 * with the answer's shape for the person to report. The shape holds keys and value types only: never a value,
 * so no title, price, cookie or token can leak through a diagnostics copy.
 */
import type { Unrecognised } from './provider';

/** The calls a source answers, as named in diagnostics and the drift log. */
export type SourceCall = Unrecognised['call'];

const MAX_DEPTH = 6;
const MAX_KEYS = 40;
const MAX_CHARS = 4000;

/** Items of a list looked at for its shape: enough to see every field the items carry, bounded. */
const LIST_SAMPLE = 10;

/**
 * Keys are kept (they are the source's schema), in sorted order; every value becomes its type. A list is
 * described by its items merged — the union of the keys of its first items, each with the type it has in the
 * first item that has it — and its length, so the same change reads the same whatever the query was.
 */
function describe(value: unknown, depth: number): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (depth >= MAX_DEPTH) return '[…]';
    return `[${describe(mergeItems(value.slice(0, LIST_SAMPLE)), depth + 1)} ×${value.length}]`;
  }
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'undefined':
      return 'undefined';
    case 'object': {
      if (depth >= MAX_DEPTH) return '{…}';
      const keys = Object.keys(value as object).sort();
      const shown = keys.slice(0, MAX_KEYS).map((k) => {
        // A key is a name from the source's schema; anything odd in it (markup, very long text) is cut.
        const name = /^[\w$.@-]{1,40}$/.test(k) ? k : '?';
        return `${name}:${describe((value as Record<string, unknown>)[k], depth + 1)}`;
      });
      if (keys.length > MAX_KEYS) shown.push(`…${keys.length - MAX_KEYS} more`);
      return `{${shown.join(',')}}`;
    }
    default:
      return typeof value;
  }
}

/** A list's items as one: objects merged key by key (the first value of each key), else the first item. */
function mergeItems(items: unknown[]): unknown {
  const objects = items.filter(
    (i): i is Record<string, unknown> => !!i && typeof i === 'object' && !Array.isArray(i),
  );
  if (objects.length === 0) return items[0];
  const merged: Record<string, unknown> = {};
  for (const o of objects) for (const [k, v] of Object.entries(o)) if (!(k in merged)) merged[k] = v;
  return merged;
}

/** The shape of a parsed answer: keys and value types, never values; bounded in depth, width and length. */
export function shapeOf(value: unknown): string {
  const s = describe(value, 0);
  return s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS)}…` : s;
}

/**
 * The shape of an HTML answer: its title's presence and the names of the script data objects it assigns
 * (`window.context`, `__INIT_DATA`, `window.__page__data_sse10`…), never their contents.
 */
export function htmlShapeOf(html: string): string {
  const names = new Set<string>();
  for (const m of html.matchAll(/(?:window\.|var\s+|let\s+|const\s+)([A-Za-z_$][\w$]{0,40})\s*=/g)) {
    if (names.size >= MAX_KEYS) break;
    names.add(m[1] as string);
  }
  const scripts = (html.match(/<script\b/gi) ?? []).length;
  return `html{length:${html.length < 10_000 ? '<10k' : html.length < 200_000 ? '<200k' : '≥200k'},scripts:${scripts},assigns:[${[...names].join(',')}]}`;
}

/** The `unrecognised` state for a call whose answer matched none of the parser's shapes. */
export function unrecognised(call: SourceCall, shape: string, reason: string): Unrecognised {
  return { state: 'unrecognised', call, shape, reason };
}

/**
 * Whether most items lack a field every offer must have (a renamed field makes every item empty while the list
 * itself still looks right). `present` says whether one item has it; an empty list is not drift.
 */
export function mostlyMissing<T>(items: readonly T[], present: (item: T) => boolean): boolean {
  if (items.length === 0) return false;
  let missing = 0;
  for (const item of items) if (!present(item)) missing++;
  return missing * 2 > items.length;
}
