import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildIdf,
  editSimilarity,
  idfCosine,
  idfOf,
  MISSING,
  PAIR_FEATURE_COUNT,
  PAIR_FEATURE_NAMES,
  pairFeatures,
  prepareText,
  trigramDice,
} from '../../../core/match/similarity';
import { parseDittoPairs } from '../../../scripts/lib/match/records';

const feature = (f: number[], name: (typeof PAIR_FEATURE_NAMES)[number]) =>
  f[PAIR_FEATURE_NAMES.indexOf(name)] as number;

const corpus = [
  'sony dsc-w800 20.1mp digital camera black',
  'sony cyber-shot dsc-w830 20.1 mp camera silver',
  'canon powershot sx620 hs digital camera',
  'samsung 32gb evo plus microsd card',
  'samsung 64gb evo plus microsd card',
  'apple ipod touch 32gb mb533ll/a',
  'apple ipod nano 8gb',
  'logitech m185 wireless mouse',
];

describe('IdfTable', () => {
  it('gives rare tokens more weight than common ones', () => {
    const idf = buildIdf(corpus);
    expect(idf.n).toBe(corpus.length);
    expect(idfOf(idf, 'camera')).toBeLessThan(idfOf(idf, 'powershot'));
    expect(idfOf(idf, 'never-seen')).toBeGreaterThanOrEqual(idfOf(idf, 'powershot'));
  });
});

describe('pair features', () => {
  const idf = buildIdf(corpus);
  const p = (s: string) => prepareText(s);

  it('identical titles are maximally similar', () => {
    const a = p('Sony DSC-W800 20.1MP Digital Camera Black');
    const f = pairFeatures(a, a, idf);
    expect(feature(f, 'cos')).toBeCloseTo(1, 10);
    expect(feature(f, 'jacc')).toBe(1);
    expect(feature(f, 'tri')).toBe(1);
    expect(feature(f, 'codeShared')).toBe(1);
  });

  it('rewards the shared model code even with different wording', () => {
    const a = p('sony dsc-w800 digital camera');
    const same = p('Sony Cyber-shot DSCW800 20.1 MP, black');
    const other = p('sony dsc-w830 digital camera');
    const fSame = pairFeatures(a, same, idf);
    const fOther = pairFeatures(a, other, idf);
    expect(feature(fSame, 'codeShared')).toBe(1);
    expect(feature(fOther, 'codeShared')).toBe(0);
    expect(feature(fOther, 'codeBest')).toBeGreaterThan(0.5); // near miss, still a different model
    expect(feature(fOther, 'codeBest')).toBeLessThan(1);
  });

  it('finds a code hidden in the other text without separators', () => {
    const f = pairFeatures(p('buffalo linkstation lswx10tlr1'), p('buffalo ls-wx1.0tl/r1 linkstation'), idf);
    expect(feature(f, 'codeInText')).toBe(1);
  });

  it('flags conflicting quantities of the same unit', () => {
    const f = pairFeatures(p('samsung 32gb evo plus'), p('samsung 64gb evo plus'), idf);
    expect(feature(f, 'numConflict')).toBe(1);
    const g = pairFeatures(p('samsung 32gb evo plus'), p('samsung evo plus 32 GB card'), idf);
    expect(feature(g, 'numConflict')).toBe(0);
    expect(feature(g, 'numJacc')).toBe(1);
  });

  it('marks code features missing when neither side has a code', () => {
    const f = pairFeatures(p('wireless mouse'), p('wireless keyboard'), idf);
    expect(feature(f, 'codeBest')).toBe(MISSING);
    expect(feature(f, 'codeInText')).toBe(MISSING);
  });

  it('IDF cosine ranks the true match above a look-alike', () => {
    const q = p('apple ipod touch 32gb');
    expect(idfCosine(q, p('apple ipod touch 32gb mb533ll/a'), idf)).toBeGreaterThan(
      idfCosine(q, p('apple ipod nano 8gb'), idf),
    );
  });

  it('edit similarity and trigram dice behave at the extremes', () => {
    expect(editSimilarity('abc', 'abc')).toBe(1);
    expect(editSimilarity('abc', 'xyz')).toBe(0);
    expect(editSimilarity('', 'a')).toBe(0);
    expect(editSimilarity('kdl40ex500', 'kdl40ex501')).toBeCloseTo(0.9, 10);
    expect(trigramDice(p('abc'), p('abc'))).toBe(1);
    expect(trigramDice(p(''), p(''))).toBe(0);
  });
});

describe('model codes on Abt-Buy names (fixture sample)', () => {
  it('the shared model number separates matches from look-alikes', () => {
    const text = readFileSync(
      new URL('../../fixtures/matching/abt-buy.train.sample.txt', import.meta.url),
      'utf8',
    );
    const pairs = parseDittoPairs(text);
    const name = (r: (typeof pairs)[number]['left']) => r[0]?.[1] ?? '';
    const idf = buildIdf(pairs.flatMap((p) => [name(p.left), name(p.right)]));
    const rate = (label: number) => {
      const ps = pairs.filter((p) => p.label === label);
      const hits = ps.filter(
        (p) =>
          feature(pairFeatures(prepareText(name(p.left)), prepareText(name(p.right)), idf), 'codeInText') ===
          1,
      );
      return hits.length / ps.length;
    };
    expect(rate(1)).toBeGreaterThan(0.8);
    expect(rate(0)).toBeLessThan(0.2);
  });
});

describe('properties', () => {
  const idf = buildIdf(corpus);
  const text = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(
      ...corpus,
      '５００ ＭＬ 保溫杯',
      '无线蓝牙耳机 TWS-X8',
      'ＷＨ－１０００ＸＭ４',
      '',
      '   ',
      '---',
      '0.5L',
    ),
    fc
      .array(fc.constantFrom('sony', 'dsc-w800', '16gb', '500 ml', '保温杯', 'x', '1', '-', '/', ' '), {
        maxLength: 8,
      })
      .map((xs) => xs.join(' ')),
  );

  it('never throws and every feature is finite and in [0, 1] (or MISSING)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const f = pairFeatures(prepareText(a), prepareText(b), idf);
        expect(f).toHaveLength(PAIR_FEATURE_COUNT);
        for (const v of f) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v === MISSING || (v >= 0 && v <= 1 + 1e-9)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the same words in another order miss nothing (a rounding error once made the missing weight negative)', () => {
    // Found by the property above (fast-check seed 190563169): "dsc-w800 sony" against "sony dsc-w800".
    const f = pairFeatures(prepareText('dsc-w800 sony'), prepareText('sony dsc-w800'), idf);
    expect(feature(f, 'missWeight')).toBe(0);
  });

  it('features are symmetric', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const pa = prepareText(a);
        const pb = prepareText(b);
        const ab = pairFeatures(pa, pb, idf);
        const ba = pairFeatures(pb, pa, idf);
        ab.forEach((v, i) => {
          expect(v).toBeCloseTo(ba[i] as number, 9);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a text compared with itself has cosine 1 whenever it has tokens', () => {
    fc.assert(
      fc.property(text, (a) => {
        const pa = prepareText(a);
        const f = pairFeatures(pa, pa, idf);
        if (pa.tokens.length > 0) expect(feature(f, 'cos')).toBeCloseTo(1, 9);
      }),
      { numRuns: 200 },
    );
  });
});
