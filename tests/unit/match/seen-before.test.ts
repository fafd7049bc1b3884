import { describe, expect, it } from 'vitest';
import { type SeenCandidate, seenBefore } from '../../../core/match/seen-before';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6);

function offer(key: string, title: string, shop: string | null, firstSeenAt: number): SeenCandidate {
  return {
    key: `1688:${key}`,
    source: '1688',
    url: `https://detail.1688.com/offer/${key}.html`,
    title,
    supplier: { name: shop, loginId: null },
    firstSeenAt,
  };
}

describe('seenBefore', () => {
  it('marks an offer whose row is older than the search as seen, with its first date', () => {
    const old = offer('111111', '加厚保温杯 500ml 不锈钢', '义乌杯业', NOW - 10 * DAY);
    const fresh = offer('222222', '儿童水杯 吸管杯', '永康杯厂', NOW);
    const notes = seenBefore([old, fresh], [old, fresh], NOW);
    expect(notes.get(old.key)).toEqual({
      by: 'same-offer',
      earlierKey: old.key,
      since: NOW - 10 * DAY,
      earlierTitle: old.title,
    });
    expect(notes.has(fresh.key)).toBe(false);
  });

  it('recognises a re-listing from the same shop under a new id', () => {
    const earlier = offer('333333', '加厚保温杯 500ml 不锈钢 男女通用', '义乌杯业', NOW - 30 * DAY);
    const relisted = offer('444444', '加厚保温杯500ML不锈钢男女通用', '义乌杯业', NOW);
    const notes = seenBefore([relisted], [earlier, relisted], NOW);
    expect(notes.get(relisted.key)).toEqual({
      by: 'relisted',
      earlierKey: earlier.key,
      since: NOW - 30 * DAY,
      earlierTitle: earlier.title,
    });
  });

  it('does not confuse another size, another shop, or a shopless listing with a re-listing', () => {
    const earlier = offer('555555', '加厚保温杯 500ml 不锈钢 男女通用', '义乌杯业', NOW - 30 * DAY);
    const otherSize = offer('666666', '加厚保温杯 750ml 不锈钢 男女通用', '义乌杯业', NOW);
    const otherShop = offer('777777', '加厚保温杯 500ml 不锈钢 男女通用', '永康杯厂', NOW);
    const noShop = offer('888888', '加厚保温杯 500ml 不锈钢 男女通用', null, NOW);
    const notes = seenBefore([otherSize, otherShop, noShop], [earlier], NOW);
    expect(notes.size).toBe(0);
  });

  it('ignores history rows first seen by this very search', () => {
    const a = offer('999991', '手机支架 桌面 懒人', '深圳配件', NOW);
    const b = offer('999992', '手机支架 桌面 懒人', '深圳配件', NOW);
    expect(seenBefore([b], [a, b], NOW).size).toBe(0);
  });
});
