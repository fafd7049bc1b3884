import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLooseJson, parseLooseLiteral } from '../../../core/text/loose-json';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from '../../support/arbitraries';

describe('parseLooseJson', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('reads strict JSON like JSON.parse', () => {
    const v = { a: [1, 2.5, -3e2, true, false, null], b: { c: 'x\ny"\\' }, 'd e': '\u00e9' };
    expect(parseLooseJson(JSON.stringify(v))).toEqual(v);
  });

  it('accepts what browsers let pages write', () => {
    expect(parseLooseJson('{"a": 1, "b": [1, 2,],}')).toEqual({ a: 1, b: [1, 2] });
    expect(parseLooseJson('// c\n{"a": /* c */ 1}')).toEqual({ a: 1 });
    expect(parseLooseJson('{"name": "two\nlines"}')).toEqual({ name: 'two\nlines' });
    // `undefined` is JavaScript's undefined; NaN reads as JSON.stringify writes it (null). The detector's reader
    // used to read `undefined` as null; the sources' as undefined (see the report of issue 9).
    expect(parseLooseJson("<!--\n{'a': 'b', c: undefined, d: NaN}\n-->")).toEqual({
      a: 'b',
      c: undefined,
      d: null,
    });
    expect(parseLooseJson('//<![CDATA[\n{"a":1}\n//]]>')).toEqual({ a: 1 });
    expect(parseLooseJson('{"a":1}{"b":2}')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseLooseJson('{"s": "\\x41\\u0042"}')).toEqual({ s: 'AB' });
    expect(parseLooseJson('{"a":1};')).toEqual({ a: 1 });
    expect(parseLooseJson('{n: 0x1F, m: -0x10, i: -Infinity, t: !0, f: !1, e: [1,,2]}')).toEqual({
      n: 31,
      m: -16,
      i: null,
      t: true,
      f: false,
      e: [1, undefined, 2],
    });
  });

  it('reads a name only running the page could give as null, and a bare word as no data', () => {
    expect(parseLooseJson('{"a": someVariable, "b": [window]}')).toEqual({ a: null, b: [null] });
    expect(parseLooseJson('OK')).toBeUndefined();
    expect(parseLooseJson('Forbidden')).toBeUndefined();
    expect(parseLooseJson('<html>')).toBeUndefined();
  });

  it('gives undefined for what it cannot read, and never pollutes prototypes', () => {
    expect(parseLooseJson('{"a": ')).toBeUndefined();
    expect(parseLooseJson('')).toBeUndefined();
    expect(parseLooseJson('{"a" 1}')).toBeUndefined();
    expect(parseLooseJson('{"a": 1} trailing')).toBeUndefined();
    expect(parseLooseJson('x'.repeat(100), { maxLength: 10 })).toBeUndefined();
    expect(parseLooseJson(`${'['.repeat(200)}${']'.repeat(200)}`)).toBeUndefined();
    expect(parseLooseJson(`${'['.repeat(200)}${']'.repeat(200)}`, { maxDepth: 300 })).toBeDefined();
    expect(parseLooseJson(`[${'1,'.repeat(50)}1]`, { maxNodes: 10 })).toBeUndefined();
    expect(parseLooseJson(`{a: [${'1,'.repeat(50)}1]}`, { maxNodes: 10 })).toBeUndefined();
    const o = parseLooseJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    const loose = parseLooseJson("{__proto__: {polluted: true}, 'x': 1,}") as Record<string, unknown>;
    expect(Object.getPrototypeOf(loose)).toBe(Object.prototype);
    expect(Object.keys(loose)).toEqual(['__proto__', 'x']);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat(20), (s, at) => {
        parseLooseJson(s);
        parseLooseLiteral(s, at);
      }),
      FUZZ_RUNS,
    );
  });

  it('reads any JSON value back exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v);
        // Top-level arrays of values read back as arrays; "-0" reads as 0 like JSON.parse does.
        expect(parseLooseJson(text)).toEqual(JSON.parse(text));
        // The same text as a literal inside a script: same value, and it ends where the text does.
        const r = parseLooseLiteral(`x = ${text};`, 4);
        expect(r?.value).toEqual(JSON.parse(text));
        expect(r?.end).toBe(4 + text.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseLooseLiteral', () => {
  it('stops at the end of the literal and honours its bounds', () => {
    expect(parseLooseLiteral('{"a": [1, 2]} rest', 0)).toEqual({ value: { a: [1, 2] }, end: 13 });
    expect(parseLooseLiteral('f(  `tpl`)', 2)).toEqual({ value: 'tpl', end: 9 });
    expect(parseLooseLiteral(`{"a": "${'y'.repeat(100)}"}`, 0, { maxLength: 50 })).toBeNull();
    expect(parseLooseLiteral('foo')).toBeNull();
    // biome-ignore lint/suspicious/noTemplateCurlyInString: page script text holding a template literal.
    expect(parseLooseLiteral('`a${b}`')).toBeNull();
  });
});
