/**
 * Input clean-up before any matching. Pages write the same price with full-width digits (１２．５０),
 * no-break or thin spaces as digit grouping, typographic apostrophes (1’234.50) and invisible direction marks.
 * We fold those to plain ASCII so one grammar covers them, and keep a map back to the original indices so the
 * currency can still be reported exactly as written.
 */

/** Only the start of a string is read: a price never needs more, and it bounds the work on hostile input. */
export const MAX_INPUT_CHARS = 200;

export interface Normalized {
  /** Folded text. */
  text: string;
  /** map[i] = index in `original` of text[i]. */
  map: number[];
  /** The (length-capped) input. */
  original: string;
}

// No-break, typographic and ideographic spaces, and tabs/newlines: all read as a plain space.
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\n\r\f\v]/;

// Zero-width and bidi controls: copy-paste and RTL shops leave them inside amounts and symbols.
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad\u061c\u202a-\u202e\u2066-\u2069]/;

// Apostrophe look-alikes used as Swiss digit grouping (1’049.95) and inside "so’m".
const APOSTROPHES = /[\u2019\u2018\u02bc\u00b4\u2032`]/;

function fold(c: string): string | null {
  const code = c.charCodeAt(0);
  // Full-width ASCII block (０-９, ．，＄～－（） …) → ASCII. ￥ (U+FFE5) and ￡ (U+FFE1) lie outside it and stay.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (SPACES.test(c)) return ' ';
  if (INVISIBLE.test(c)) return null;
  if (APOSTROPHES.test(c)) return "'";
  // Arabic-Indic and Persian digits, Arabic decimal and thousands marks.
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  if (c === '\u066b') return '.';
  if (c === '\u066c') return ',';
  // Wave dash and minus sign: range and sign marks written with other code points.
  if (c === '\u301c') return '~';
  if (c === '\u2212') return '-';
  return c;
}

export function normalizeInput(input: string): Normalized {
  const original = input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const folded = fold(original.charAt(i));
    if (folded === null) continue;
    text += folded;
    map.push(i);
  }
  return { text, map, original };
}

/** The original characters behind text[start, end). */
export function originalSlice(n: Normalized, start: number, end: number): string {
  if (end <= start) return '';
  const from = n.map[start] ?? 0;
  const to = (n.map[end - 1] ?? from) + 1;
  return n.original.slice(from, to);
}
