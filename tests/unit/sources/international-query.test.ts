import { describe, expect, it } from 'vitest';
import { internationalQuery } from '../../../core/sources/query';

describe('internationalQuery (Alibaba.com)', () => {
  it.each([
    [
      'Stainless Steel Insulated Water Bottle 500ml | Hydro Shop',
      'Stainless Steel Insulated Water Bottle 500ml',
    ],
    ['NEW 2025 Hot Sale Wireless Earbuds (Bluetooth 5.3) - Free Shipping', 'Wireless Earbuds'],
    [
      'Yoga Pants for Women, High Waisted [Squat Proof] Leggings',
      'Yoga Pants for Women High Waisted Leggings',
    ],
    [
      'Kids Backpack School Bag Large Capacity Waterproof Lightweight Cartoon Unicorn Pattern Girls Boys',
      'Kids Backpack School Bag Large Capacity Waterproof Lightweight Cartoon Unicorn',
    ],
  ])('%s → %s', (title, query) => {
    expect(internationalQuery(title)).toBe(query);
  });

  it('keeps a Chinese title in Chinese, stripped of marketing words', () => {
    const q = internationalQuery('2025新款 爆款 纯棉短袖T恤 男');
    expect(q).toContain('短袖');
    expect(q).not.toMatch(/新款|爆款/);
  });

  it('never gives more than 80 characters, and nothing for nothing', () => {
    expect(internationalQuery('x'.repeat(500)).length).toBeLessThanOrEqual(80);
    expect(internationalQuery('')).toBe('');
    expect(internationalQuery('|||')).toBe('');
  });
});
