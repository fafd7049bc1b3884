import { describe, expect, it } from 'vitest';
import { maxActions, TokenBuckets } from '../../../core/rate/token-bucket';
import { PAGE_RUN_BUDGET } from '../../../entrypoints/spotter.content/spotter';

describe('token buckets', () => {
  it('allow the burst, then one per refill, per key', () => {
    const b = new TokenBuckets<string>({ capacity: 3, refillMs: 1000 });
    expect([1, 2, 3, 4].map(() => b.take('a', 0))).toEqual([true, true, true, false]);
    expect(b.take('b', 0)).toBe(true);
    expect(b.take('a', 999)).toBe(false);
    expect(b.take('a', 1000)).toBe(true);
    expect(b.take('a', 1000)).toBe(false);
  });

  it('never count a clock going back as time passed', () => {
    const b = new TokenBuckets<string>({ capacity: 1, refillMs: 1000 });
    expect(b.take('a', 10_000)).toBe(true);
    expect(b.take('a', 0)).toBe(false);
    expect(b.take('a', 10_999)).toBe(false);
  });

  it('stay bounded in memory', () => {
    const b = new TokenBuckets<number>({ capacity: 1, refillMs: 1000, maxKeys: 10 });
    for (let i = 0; i < 100; i++) b.take(i, 0);
    // The oldest keys were forgotten: key 0 starts full again.
    expect(b.take(0, 0)).toBe(true);
  });

  it("bound the spotter's detections over a page's life, navigation or not", () => {
    const b = new TokenBuckets<'page'>(PAGE_RUN_BUDGET);
    let runs = 0;
    // 1,000 pushState navigations in a minute, each asking for a detection.
    for (let i = 0; i < 1000; i++) if (b.take('page', i * 60)) runs += 1;
    expect(runs).toBeLessThanOrEqual(maxActions(PAGE_RUN_BUDGET, 60_000));
    expect(maxActions(PAGE_RUN_BUDGET, 60_000)).toBe(60);
  });
});
