import { describe, expect, it } from 'vitest';
import { cacheKey, normaliseQuery } from '../../../core/sources/cache-key';
import { Politeness } from '../../../core/sources/politeness';

function clock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

describe('politeness', () => {
  it('spaces requests to one host by the minimum interval plus jitter', () => {
    const c = clock();
    const p = new Politeness({ now: c.now, random: () => 0.5, minIntervalMs: 3000, jitterMs: 2000 });
    expect(p.reserve('h5api.m.1688.com')).toBe(1_000_000);
    expect(p.delayFor('h5api.m.1688.com')).toBe(4000);
    expect(p.reserve('h5api.m.1688.com')).toBe(1_004_000);
    expect(p.reserve('h5api.m.1688.com')).toBe(1_008_000);
    // Other hosts are independent.
    expect(p.delayFor('detail.1688.com')).toBe(0);
    c.advance(20_000);
    expect(p.delayFor('h5api.m.1688.com')).toBe(0);
  });

  it('defaults to at least 3 s between calls', () => {
    const c = clock();
    const p = new Politeness({ now: c.now, random: () => 0 });
    p.reserve('a');
    expect(p.delayFor('a')).toBe(3000);
    const q = new Politeness({ now: c.now, random: () => 0.999 });
    q.reserve('a');
    expect(q.delayFor('a')).toBeGreaterThanOrEqual(3000);
    expect(q.delayFor('a')).toBeLessThanOrEqual(6000);
  });

  it('backs off 60–90 s after a throttled answer, longer when the source says so', () => {
    const c = clock();
    const lo = new Politeness({ now: c.now, random: () => 0 });
    lo.report('a', 'throttled');
    expect(lo.delayFor('a')).toBe(60_000);
    const hi = new Politeness({ now: c.now, random: () => 0.999999 });
    hi.report('a', 'throttled');
    expect(hi.delayFor('a')).toBeGreaterThanOrEqual(89_000);
    expect(hi.delayFor('a')).toBeLessThanOrEqual(90_000);
    const told = new Politeness({ now: c.now, random: () => 0 });
    told.report('a', 'throttled', 300_000);
    expect(told.delayFor('a')).toBe(300_000);
  });

  it('pauses 10 minutes after a verification wall, and lifts it when the person has solved it', () => {
    const c = clock();
    const p = new Politeness({ now: c.now, random: () => 0 });
    p.report('a', 'needs-verification');
    expect(p.blocked('a')).toEqual({ until: 1_000_000 + 600_000, reason: 'needs-verification' });
    expect(p.reserve('a')).toBe(1_600_000);
    c.advance(60_000);
    p.clear('a');
    expect(p.blocked('a')).toBeNull();
  });

  it('ok answers do not add a back-off', () => {
    const c = clock();
    const p = new Politeness({ now: c.now, random: () => 0 });
    p.report('a', 'ok');
    expect(p.delayFor('a')).toBe(0);
  });
});

describe('cache keys', () => {
  it('normalise the query', () => {
    expect(normaliseQuery('  Ｐｈｏｎｅ　CASE ,手机壳 ')).toBe('phone case 手机壳');
  });

  it('cover provider, kind, query, sort, filters and page', () => {
    const base = { provider: '1688', kind: 'keyword' as const, query: '帽子 女' };
    const k = cacheKey(base);
    expect(k).toBe(`1688|keyword|${encodeURIComponent('帽子 女')}|sort=relevance||p=1`);
    expect(cacheKey({ ...base, query: ' 帽子   女 ' })).toBe(k);
    expect(cacheKey({ ...base, sort: 'sales' })).not.toBe(k);
    expect(cacheKey({ ...base, page: 2 })).not.toBe(k);
    expect(cacheKey({ ...base, kind: 'image' })).not.toBe(k);
    expect(cacheKey({ ...base, filters: { province: '浙江', dropship: true } })).toBe(
      `1688|keyword|${encodeURIComponent('帽子 女')}|sort=relevance|dropship=1&province=${encodeURIComponent('浙江')}|p=1`,
    );
    expect(cacheKey({ ...base, filters: { maxMinOrder: 10 } })).toContain('moq=10');
  });
});
