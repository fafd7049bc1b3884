/**
 * JavaScript string literals as page scripts write them ('…', "…", `…`), decoded the way a browser's
 * parser would (sloppy mode, so the legacy octal escapes too). Never evaluates anything.
 */

export interface StringRead {
  value: string;
  /** Index just past the closing quote. */
  end: number;
}

const SIMPLE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const HEX = /^[0-9a-fA-F]+$/;

/**
 * The escape sequence whose backslash is at `at`: the text it stands for and the index after it. An escape
 * JavaScript would refuse (`\x4`, `\u{110000}`) reads as its letter, as an unknown escape does (`\q` → "q"):
 * a page's broken string should lose one character, not the whole value.
 */
export function readEscape(src: string, at: number): { text: string; next: number } {
  const e = src[at + 1];
  const after = at + 2;
  if (e === undefined) return { text: '', next: after };
  const simple = SIMPLE[e];
  if (simple !== undefined) return { text: simple, next: after };
  if (e === 'x') {
    const hex = src.slice(after, after + 2);
    if (hex.length === 2 && HEX.test(hex))
      return { text: String.fromCharCode(Number.parseInt(hex, 16)), next: after + 2 };
    return { text: e, next: after };
  }
  if (e === 'u') {
    if (src[after] === '{') {
      const close = src.indexOf('}', after);
      const hex = close < 0 ? '' : src.slice(after + 1, close);
      const cp = hex.length > 0 && hex.length <= 8 && HEX.test(hex) ? Number.parseInt(hex, 16) : -1;
      if (cp >= 0 && cp <= 0x10ffff) return { text: String.fromCodePoint(cp), next: close + 1 };
      return { text: e, next: after };
    }
    const hex = src.slice(after, after + 4);
    if (hex.length === 4 && HEX.test(hex))
      return { text: String.fromCharCode(Number.parseInt(hex, 16)), next: after + 4 };
    return { text: e, next: after };
  }
  // Line continuations: the backslash and the line break are both dropped ("\r\n" is one break).
  if (e === '\r') return { text: '', next: src[after] === '\n' ? after + 1 : after };
  if (e === '\n' || e === '\u2028' || e === '\u2029') return { text: '', next: after };
  if (e >= '0' && e <= '7') {
    // "\0" alone is NUL; "\012", "\7", "\377" are legacy octal escapes (three digits only up to \377).
    const m = /^[0-7]{1,3}/.exec(src.slice(at + 1, at + 4)) as RegExpExecArray;
    let digits = m[0];
    if (digits.length === 3 && digits > '377') digits = digits.slice(0, 2);
    return { text: String.fromCharCode(Number.parseInt(digits, 8)), next: at + 1 + digits.length };
  }
  // \' \" \\ \` \$ \8 \9 and any other character: the character itself.
  return { text: e, next: after };
}

/**
 * The string literal whose opening quote is at `start`, decoded; null when it is not closed. Raw line
 * breaks are accepted in every quote style (pages' inline JSON has them). A template literal with a
 * substitution (`${…}`) is code, not data: null.
 */
export function readJsString(src: string, start: number, maxEnd = src.length): StringRead | null {
  const quote = src[start];
  if (quote !== '"' && quote !== "'" && quote !== '`') return null;
  const end = Math.min(src.length, maxEnd);
  let out = '';
  let chunk = start + 1;
  let i = chunk;
  while (i < end) {
    const c = src.charCodeAt(i);
    if (c === 92 /* \ */) {
      out += src.slice(chunk, i);
      const esc = readEscape(src, i);
      out += esc.text;
      i = esc.next;
      chunk = i;
    } else if (src[i] === quote) {
      return { value: out + src.slice(chunk, i), end: i + 1 };
    } else if (c === 36 /* $ */ && quote === '`' && src.charCodeAt(i + 1) === 123 /* { */) {
      return null;
    } else i++;
  }
  return null;
}
