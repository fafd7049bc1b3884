import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PART_PATTERNS } from '../../../core/detect/dom';
import { WordSets, wordsOf } from '../../../core/detect/words';

// The automaton must answer exactly what the regular expressions it replaces answer.
const regexBits = (patterns: readonly RegExp[], s: string): number =>
  patterns.reduce((bits, p, i) => (p.test(s) ? bits | (1 << i) : bits), 0);

describe('wordsOf', () => {
  it('spells out alternations, optional characters and groups', () => {
    expect(wordsOf('a|bc').sort()).toEqual(['a', 'bc']);
    expect(wordsOf('up-?sell').sort()).toEqual(['up-sell', 'upsell']);
    expect(wordsOf('stat(?:t|o)').sort()).toEqual(['stato', 'statt']);
    expect(wordsOf('cat-?(?:no|number)').sort()).toEqual(['cat-no', 'cat-number', 'catno', 'catnumber']);
  });

  it('refuses patterns with wildcards or classes', () => {
    expect(() => wordsOf('a.b')).toThrow(/unsupported/);
    expect(() => wordsOf('a\\db')).toThrow(/unsupported/);
    expect(() => wordsOf('(a)')).toThrow(/unsupported/);
    expect(() => wordsOf('a*')).toThrow(/unsupported/);
  });
});

describe('WordSets', () => {
  const sets = new WordSets([...PART_PATTERNS]);
  const words = PART_PATTERNS.flatMap((p) => wordsOf(p.source));

  it('gives each pattern its bit', () => {
    expect(sets.bits('product-related-items')).toBe(1);
    expect(sets.bits('PRICE--OLD')).toBe(2 | 4);
    expect(sets.bits('in-stock sku')).toBe(8 | 16);
    expect(sets.bits('wishlist')).toBe(32);
    expect(sets.bits('')).toBe(0);
    expect(sets.bits('主图 商品')).toBe(0);
  });

  it('agrees with the regular expressions on class-like strings', () => {
    // Strings built from pieces of the words themselves (so matches are common), letters in any case,
    // separators and a few non-ASCII characters that fold near ASCII.
    const piece = fc.oneof(
      fc.constantFrom(...words).map((w) => w.slice(0, 1 + (w.length >> 1))),
      fc.constantFrom(...words),
      fc.constantFrom('-', '_', ' ', 'İ', 'ſ', 'K', 'é', 'É', 'µ', 'ÿ', 'x', '9'),
    );
    const caseFlip = fc.boolean();
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, caseFlip), { maxLength: 8 }), (parts) => {
        const s = parts.map(([p, up]) => (up ? p.toUpperCase() : p)).join('');
        expect(sets.bits(s)).toBe(regexBits(PART_PATTERNS, s));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the regular expressions on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        expect(sets.bits(s)).toBe(regexBits(PART_PATTERNS, s));
      }),
      { numRuns: 2000 },
    );
  });
});
