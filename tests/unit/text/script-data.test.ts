import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancedAt, literalAfter, propertyArray, propertyText } from '../../../core/text/script-data';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from '../../support/arbitraries';

describe('literalAfter', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('finds the object assigned after a marker in script text', () => {
    const t = 'var x = 1; window.__STATE__ = {"a": {"b": "}"}, c: [1, {d: 2}]}; foo();';
    expect(literalAfter(t, '__STATE__')).toEqual({ a: { b: '}' }, c: [1, { d: 2 }] });
    expect(literalAfter('window.data = JSON.parse("{\\"k\\":3}")', 'window.data')).toEqual({ k: 3 });
    expect(literalAfter('nothing here', '__STATE__')).toBeUndefined();
    expect(literalAfter('x = {"never": "closed"', 'x')).toBeUndefined();
  });

  it('stops at its size bound', () => {
    const big = `x = {"a": "${'y'.repeat(1000)}"}`;
    expect(literalAfter(big, 'x', 100)).toBeUndefined();
    expect(literalAfter(big, 'x')).toEqual({ a: 'y'.repeat(1000) });
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        balancedAt(s, 0);
        literalAfter(s, '=');
        propertyText(s, 'title');
        propertyArray(s, 'images');
      }),
      FUZZ_RUNS,
    );
  });
});

describe('propertyText and propertyArray', () => {
  // An object literal that is code, not data, as Taobao's and JD's item pages write it.
  const script = `var g_config = {
    startTime: +new Date,
    subtitle: 'not this',
    itemId: '612345678901',
    skuid: 100012043978123456,
    idata: { item: { title: '\\u4E73\\u767D \\x41\\'s "mug"', pic: "\\/\\/img.alicdn.com\\/a.jpg" } },
    auctionImages: ["//img.alicdn.com/1.jpg", '//img.alicdn.com/\\u0032.jpg'],
    descUrl: location.protocol === 'http:' ? '//a' : '//b'
  };`;

  it('reads one property of a literal that is code, decoding its escapes', () => {
    expect(propertyText(script, 'title')).toBe('乳白 A\'s "mug"');
    expect(propertyText(script, 'pic')).toBe('//img.alicdn.com/a.jpg');
    expect(propertyText(script, 'itemId')).toBe('612345678901');
    // Numbers as written: an id longer than a double holds keeps every digit.
    expect(propertyText(script, 'skuid')).toBe('100012043978123456');
    expect(propertyText(script, 'startTime')).toBeNull();
    expect(propertyText(script, 'missing')).toBeNull();
    expect(propertyArray(script, 'auctionImages')).toEqual([
      '//img.alicdn.com/1.jpg',
      '//img.alicdn.com/2.jpg',
    ]);
    expect(propertyArray(script, 'title')).toBeNull();
  });
});
