import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedAt, jsonAfter, parseLoose } from '../../../core/detect/json';
import { readJsonLd } from '../../../core/detect/jsonld';

/** A stand-in document holding one JSON-LD script, so property runs stay cheap. */
const ldDoc = (text: string) => ({ querySelectorAll: () => [{ textContent: text }] }) as unknown as Document;

describe('parseLoose', () => {
  it('reads strict JSON like JSON.parse', () => {
    const v = { a: [1, 2.5, -3e2, true, false, null], b: { c: 'x\ny"\\' }, 'd e': '\u00e9' };
    expect(parseLoose(JSON.stringify(v))).toEqual(v);
  });

  it('accepts what browsers let pages write', () => {
    expect(parseLoose('{"a": 1, "b": [1, 2,],}')).toEqual({ a: 1, b: [1, 2] });
    expect(parseLoose('// c\n{"a": /* c */ 1}')).toEqual({ a: 1 });
    expect(parseLoose('{"name": "two\nlines"}')).toEqual({ name: 'two\nlines' });
    expect(parseLoose("<!--\n{'a': 'b', c: undefined, d: NaN}\n-->")).toEqual({ a: 'b', c: null, d: null });
    expect(parseLoose('//<![CDATA[\n{"a":1}\n//]]>')).toEqual({ a: 1 });
    expect(parseLoose('{"a":1}{"b":2}')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseLoose('{"s": "\\x41\\u0042"}')).toEqual({ s: 'AB' });
  });

  it('gives undefined for what it cannot read, and never pollutes prototypes', () => {
    expect(parseLoose('{"a": ')).toBeUndefined();
    expect(parseLoose('')).toBeUndefined();
    expect(parseLoose('{"a" 1}')).toBeUndefined();
    expect(parseLoose('x'.repeat(100), 10)).toBeUndefined();
    expect(parseLoose(`${'['.repeat(200)}${']'.repeat(200)}`)).toBeUndefined();
    const o = parseLoose('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        parseLoose(s);
        balancedAt(s, 0);
        jsonAfter(s, '=');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any JSON value back exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v);
        const back = parseLoose(text);
        // Top-level arrays of values read back as arrays; "-0" reads as 0 like JSON.parse does.
        expect(back).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('the JSON-LD reader never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 5 })), (s) => {
        readJsonLd(ldDoc(s), 'https://shop.example/p/1', {});
      }),
      { numRuns: 300 },
    );
  });

  it('the JSON-LD reader never throws on arbitrary schema.org-shaped JSON', () => {
    const { node: thing } = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.record(
        {
          '@type': fc.constantFrom(
            'Product',
            'Offer',
            'AggregateOffer',
            'ItemList',
            ['Product', 'Thing'],
            42,
            null,
          ),
          name: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.constant(null), tie('node')),
          offers: fc.oneof(
            { depthSize: 'small' },
            fc.string(),
            tie('node'),
            fc.array(tie('node'), { maxLength: 3 }),
          ),
          price: fc.oneof(fc.string(), fc.double(), fc.constant({})),
          image: fc.oneof(
            { depthSize: 'small' },
            fc.string(),
            fc.array(fc.string(), { maxLength: 3 }),
            tie('node'),
          ),
          '@graph': fc.array(tie('node'), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
    }));
    fc.assert(
      fc.property(thing, (v) => {
        readJsonLd(ldDoc(JSON.stringify(v)), 'https://shop.example/p/1', {});
      }),
      { numRuns: 150 },
    );
  });
});

describe('jsonAfter', () => {
  it('finds the object assigned after a marker in script text', () => {
    const t = 'var x = 1; window.__STATE__ = {"a": {"b": "}"}, c: [1, {d: 2}]}; foo();';
    expect(jsonAfter(t, '__STATE__')).toEqual({ a: { b: '}' }, c: [1, { d: 2 }] });
    expect(jsonAfter('window.data = JSON.parse("{\\"k\\":3}")', 'window.data')).toEqual({ k: 3 });
    expect(jsonAfter('nothing here', '__STATE__')).toBeUndefined();
    expect(jsonAfter('x = {"never": "closed"', 'x')).toBeUndefined();
  });

  it('stops at its size bound', () => {
    const big = `x = {"a": "${'y'.repeat(1000)}"}`;
    expect(jsonAfter(big, 'x', 100)).toBeUndefined();
    expect(jsonAfter(big, 'x')).toEqual({ a: 'y'.repeat(1000) });
  });
});
