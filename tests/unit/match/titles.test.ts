import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIdf, prepareText } from '../../../core/match/similarity';
import { rankPrepared, rankTitles, scoreTitlePair, titleMatchThreshold } from '../../../core/match/titles';

const offers = [
  'Sony WH-1000XM4 Wireless Noise Cancelling Headphones Black',
  'Sony WH-1000XM3 Wireless Noise Cancelling Headphones',
  'Bose QuietComfort 45 Wireless Headphones',
  'Sony WH1000XM4/B over-ear headphones, black',
  'Headphone stand aluminium',
  'JBL Tune 510BT wireless on-ear headphones',
];

describe('scoreTitlePair', () => {
  const idf = buildIdf(offers);

  it('returns a probability and is symmetric', () => {
    const a = 'Sony WH-1000XM4 headphones black';
    const b = 'SONY WH1000XM4 Wireless Headphones';
    const s = scoreTitlePair(a, b, idf);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(scoreTitlePair(b, a, idf)).toBeCloseTo(s, 12);
  });

  it('scores the same model above a neighbouring model', () => {
    const q = 'Sony WH-1000XM4 headphones black';
    expect(scoreTitlePair(q, offers[3] as string, idf)).toBeGreaterThan(
      scoreTitlePair(q, offers[1] as string, idf),
    );
    expect(scoreTitlePair(q, offers[0] as string, idf)).toBeGreaterThan(titleMatchThreshold());
    expect(scoreTitlePair(q, offers[4] as string, idf)).toBeLessThan(titleMatchThreshold());
  });

  it('accepts prepared texts', () => {
    const a = prepareText(offers[0] as string);
    expect(scoreTitlePair(a, offers[3] as string, idf)).toBeCloseTo(
      scoreTitlePair(offers[0] as string, offers[3] as string, idf),
      12,
    );
  });

  it('is bounded, symmetric and never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.string({ unit: 'grapheme', maxLength: 30 }), (a, b) => {
        const s = scoreTitlePair(a, b, idf);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(scoreTitlePair(b, a, idf)).toBeCloseTo(s, 9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('rankTitles', () => {
  it('puts the offers of the same model first', () => {
    const ranked = rankTitles('Sony WH-1000XM4 Wireless Headphones (Black)', offers);
    expect(ranked).toHaveLength(offers.length);
    const top2 = ranked.slice(0, 2).map((r) => r.index);
    expect(top2.sort()).toEqual([0, 3]);
    for (let i = 1; i < ranked.length; i++) {
      expect((ranked[i - 1]?.score ?? 0) >= (ranked[i]?.score ?? 0)).toBe(true);
    }
    expect(ranked.find((r) => r.index === 4)?.match).toBe(false);
  });

  it('ranks Chinese offers (traditional/simplified, full width, units)', () => {
    const zh = [
      '无线蓝牙耳机 入耳式 运动 TWS-X8 超长续航',
      '304不锈钢保温杯 500ml 大容量 便携',
      '無線藍牙耳機 TWS-X8 入耳式',
      '有线耳机 3.5mm 入耳式',
    ];
    for (const cjk of ['bigram', 'segmenter'] as const) {
      const ranked = rankTitles('ＴＷＳ－Ｘ８ 无线蓝牙耳机 入耳式', zh, { cjk });
      expect([ranked[0]?.index, ranked[1]?.index].sort()).toEqual([0, 2]);
      expect(ranked[3]?.index).toBe(1);
    }
    const cup = rankTitles('不銹鋼保溫杯 0.5L', zh);
    expect(cup[0]?.index).toBe(1);
  });

  it('handles empty inputs and limits', () => {
    expect(rankTitles('anything', [])).toEqual([]);
    expect(rankTitles('', ['a', 'b'])).toHaveLength(2);
    expect(rankTitles('sony', offers, { limit: 2 })).toHaveLength(2);
  });

  it('ranks 1,000 offers, each exactly once, best first (speed is measured by `npm run bench`)', () => {
    const many = Array.from(
      { length: 1000 },
      (_, i) => `${offers[i % offers.length]} variant ${i} 款式${i % 17}`,
    );
    const ranked = rankTitles(offers[0] as string, many);
    expect(ranked).toHaveLength(1000);
    expect(new Set(ranked.map((r) => r.index)).size).toBe(1000);
    for (let i = 1; i < ranked.length; i += 1) {
      expect((ranked[i - 1] as { score: number }).score).toBeGreaterThanOrEqual(
        (ranked[i] as { score: number }).score,
      );
    }
  });
});

describe('rankPrepared', () => {
  it('gives the same ranking as rankTitles for prepared texts', () => {
    const product = 'Sony WH-1000XM4 Wireless Headphones (Black)';
    const a = rankTitles(product, offers);
    const b = rankPrepared(
      prepareText(product),
      offers.map((o) => prepareText(o)),
    );
    expect(b).toEqual(a);
  });
});
