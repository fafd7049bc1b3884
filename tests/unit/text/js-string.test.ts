import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsString } from '../../../core/text/js-string';
import { parseLooseJson } from '../../../core/text/loose-json';

const read = (literal: string) => readJsString(literal, 0)?.value;

type Quote = '"' | "'" | '`';

/**
 * `s` as a page script could write it in the given quote style, each character either as itself (where
 * allowed) or as one of the JavaScript escapes that spell it, chosen by `pick`.
 */
function writeLiteral(s: string, quote: Quote, pick: (n: number) => number): string {
  let out = quote;
  const chars = Array.from(s);
  chars.forEach((ch, k) => {
    const c = ch.codePointAt(0) as number;
    const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
    const forms: string[] = [`\\u{${hex(c, 1)}}`];
    if (c <= 0xffff) forms.push(`\\u${hex(c, 4)}`, `\\u${hex(c, 4).toUpperCase()}`);
    else {
      const hi = 0xd800 + ((c - 0x10000) >> 10);
      const lo = 0xdc00 + ((c - 0x10000) & 0x3ff);
      forms.push(`\\u${hex(hi, 4)}\\u${hex(lo, 4)}`);
    }
    if (c <= 0xff) forms.push(`\\x${hex(c, 2)}`);
    const simple = { '\n': 'n', '\t': 't', '\r': 'r', '\b': 'b', '\f': 'f', '\v': 'v' }[ch];
    if (simple) forms.push(`\\${simple}`);
    // "\0" before a digit would be a longer octal escape.
    if (c === 0 && !/[0-9]/.test(chars[k + 1] ?? '')) forms.push('\\0');
    if (c < 0o400) forms.push(`\\${c.toString(8).padStart(3, '0')}`);
    // A character that needs no escape, written as itself or behind a backslash ("\q" is "q").
    const special = ch === quote || ch === '\\' || ch === '$' || c < 0x20 || c === 0x7f;
    const surrogate = c >= 0xd800 && c <= 0xdfff;
    const digitOrEscapeLetter = /[0-9xubfnrtv]/.test(ch);
    if (!special && !surrogate) forms.push(ch);
    if (!surrogate && !digitOrEscapeLetter && !'\n\r\u2028\u2029'.includes(ch)) forms.push(`\\${ch}`);
    out += forms[pick(forms.length)];
    // A line continuation now and then: it stands for nothing.
    if (pick(8) === 0) out += pick(2) ? '\\\n' : '\\\r\n';
  });
  return out + quote;
}

describe('readJsString', () => {
  it('decodes every JavaScript escape', () => {
    expect(read(String.raw`'\u4E73\u767D'`)).toBe('乳白');
    expect(read(String.raw`"\u{1F600}\u{41}"`)).toBe('😀A');
    expect(read(String.raw`'\x41\x7a'`)).toBe('Az');
    expect(read(String.raw`"\n\t\r\b\f\v"`)).toBe('\n\t\r\b\f\v');
    expect(read(String.raw`'\0'`)).toBe('\0');
    expect(read(String.raw`'\101\7\08'`)).toBe('A\u0007\u00008');
    // Three octal digits only up to \377: "\400" is "\40" then "0".
    expect(read(String.raw`'\400'`)).toBe(' 0');
    expect(read('"a\\\nb\\\r\nc\\\u2028d"')).toBe('abcd');
    expect(read(String.raw`'\q\'\"\\\/'`)).toBe(`q'"\\/`);
    expect(read(String.raw`"\8\9"`)).toBe('89');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: page script text holding a template literal.
    expect(read('`two\nlines \\` \\${x}`')).toBe('two\nlines ` ${x}');
  });

  it('reads a broken escape as its letter, not as a failure', () => {
    expect(read(String.raw`'\x4g'`)).toBe('x4g');
    expect(read(String.raw`'\u12'`)).toBe('u12');
    expect(read(String.raw`'\u{110000}'`)).toBe('u{110000}');
  });

  it('ends at the closing quote and refuses what is not a finished literal', () => {
    expect(readJsString(`x = 'a"b' + 1`, 4)).toEqual({ value: 'a"b', end: 9 });
    expect(readJsString(`'unterminated`, 0)).toBeNull();
    expect(readJsString(`no quote`, 0)).toBeNull();
    // A template with a substitution is code.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: page script text holding a template literal.
    expect(readJsString('`a${b}c`', 0)).toBeNull();
  });

  it('reads any string back unchanged, written with escapes in any quote style', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom<Quote>('"', "'", '`'),
        fc.infiniteStream(fc.nat()),
        (s, quote, choices) => {
          const it = choices[Symbol.iterator]();
          const literal = writeLiteral(s, quote, (n) => (it.next().value as number) % n);
          const r = readJsString(`${literal};`, 0);
          expect(r?.value).toBe(s);
          expect(r?.end).toBe(literal.length);
          // The same literal as a value inside page data reads the same through the loose reader.
          expect(parseLooseJson(`{"k": ${literal}}`)).toEqual({ k: s });
        },
      ),
      { numRuns: 500 },
    );
  });
});
